def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// 1: recorded; 2: every finding known, the build passes; 3: one new finding fails it.
C.assertLine(basedir, '[INFO] nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 1 note (failOn=none)')
C.assertLine(basedir, '[INFO] nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 1 note (0 at or above error); baseline: 2 known, 0 fixed')
C.assertLine(basedir, '[INFO] nixml: 1 project, 2 Nix files: 2 errors, 0 warnings, 1 note (1 at or above error); baseline: 2 known, 0 fixed')
C.assertLine(basedir, "[ERROR] nix/extra.nix:1:10: error: [nix-syntax] attribute 'a' already defined at 1:3")
C.assertLine(basedir, C.gateFailure(projectVersion, 'default-cli', 'standalone-pom', 1,
    new File(basedir, 'after/target/nixml/nixml.sarif')))
assert C.count(basedir, '[INFO] BUILD SUCCESS') == 2

// The SARIF of the last run marks each result against the baseline, with its fingerprint.
Map sarif = C.sarif(new File(basedir, 'after/target/nixml'))
C.assertSarifStructure(sarif)
def states = sarif.runs[0].results.collectEntries { [(it.ruleId): it.baselineState] }
assert states == ['flake-lock-missing': 'unchanged', 'nix-syntax': 'new', 'python-version-mismatch': 'unchanged']
assert sarif.runs[0].results.every { it.partialFingerprints['nixmlFinding/v1'] ==~ /[0-9a-f]{32}:\d+/ }
true
