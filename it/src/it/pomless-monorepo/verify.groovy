def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// Paths are relative to nixml.directory; the skipped folders (.venv, .direnv, result, node_modules, target, .git)
// report nothing although each holds a broken flake.nix.
C.assertGateFailed(basedir, new File(basedir, 'repo/target/nixml'), [
    'TBD: legacy/.python-version mismatch line',
    'TBD: nix/overlay.nix:5:6 nix-syntax line',
])
true
