def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// The interpreter (python311 in python_with_pkgs) no longer matches .python-version.
// Positions are those of the generated file after the break (see setup.groovy), read from a real generation.
C.assertGateFailed(basedir, new File(basedir, 'target/nixml'), [
    // No flake.lock yet (as generated): the flake-lock-missing note comes first, in path order.
    C.lockMissingNote('', C.GENERATED_INPUTS),
    '[ERROR] flake.nix:53:28: error: [python-version-mismatch] .python-version says 3.12 but the shell\'s interpreter is python311 (.python-version:1:1); pin 3.11 with `uv python pin 3.11` or switch the flake to python312 (fixable)',
])
C.assertLine(basedir, '[INFO] nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 1 note (1 at or above error)')
C.assertLine(basedir, C.gateFailure(projectVersion, 'nixml-validate', 'ld-default', 1, new File(basedir, 'target/nixml/nixml.sarif')))
true
