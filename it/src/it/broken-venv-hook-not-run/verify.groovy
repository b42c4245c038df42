def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// The shellHook overrides venvShellHook's hook and never runs it.
// Positions are those of the generated file after the break (see setup.groovy), read from a real generation.
C.assertGateFailed(basedir, new File(basedir, 'target/nixml'), [
    // No flake.lock yet (as generated): the flake-lock-missing note comes first, in path order.
    C.lockMissingNote('', C.GENERATED_INPUTS),
    '[ERROR] flake.nix:76:13: error: [venv-hook-not-run] this shellHook replaces venvShellHook\'s own hook and never runs it, so the venv is not created; add `runHook venvShellHook` to the shellHook (or move the commands to postShellHook) (fixable)',
])
C.assertLine(basedir, '[INFO] nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 1 note (1 at or above error)')
C.assertLine(basedir, C.gateFailure(projectVersion, 'nixml-validate', 'ld-default', 1, new File(basedir, 'target/nixml/nixml.sarif')))
true
