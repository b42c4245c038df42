def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// Exactly one finding: the stale nixpkgs node (line 23 of flake.lock), related to its declaration in flake.nix.
// No flake-lock-mismatch (the lock matches the generated inputs), no nixpkgs-branch-* (nixos-26.05 is supported on
// 2026-11-25; master only provides uv), no flake-lock-stale for nixpkgs_master (locked 2026-11-20).
C.assertGateFailed(basedir, new File(basedir, 'target/nixml'), [
    "[WARNING] flake.lock:23:5: warning: [flake-lock-stale] nixpkgs input 'nixpkgs' is locked to a revision from"
        + " 2026-09-01, 85 days before 2026-11-25 (more than 30): run `nix flake update nixpkgs` and commit"
        + " flake.lock",
])

// The SARIF result carries the rule, the level and the flake.nix declaration as a related location.
Map sarif = C.sarif(new File(basedir, 'target/nixml'))
def result = sarif.runs[0].results.find { it.ruleId == 'flake-lock-stale' }
assert result != null : 'no flake-lock-stale result in nixml.sarif'
assert result.level == 'warning'
assert result.locations[0].physicalLocation.artifactLocation.uri == 'flake.lock'
assert result.locations[0].physicalLocation.region.startLine == 23
assert result.message.text.contains('2026-09-01')
def related = result.relatedLocations ?: []
assert related.any { it.physicalLocation.artifactLocation.uri == 'flake.nix' } :
    "the declaration in flake.nix is not among the related locations: ${related}"
assert sarif.runs[0].tool.driver.rules.any { it.id == 'flake-lock-stale' }
true
