def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// pyproject.toml no longer parses.
// Positions are those of the generated file after the break (see setup.groovy), read from a real generation.
C.assertGateFailed(basedir, new File(basedir, 'target/nixml'), [
    // No flake.lock yet (as generated): the flake-lock-missing note comes first, in path order.
    C.lockMissingNote('', C.GENERATED_INPUTS),
    // Python's tomllib rejects the same line and column ("Illegal character '\\n' (at line 6, column 26)").
    '[ERROR] pyproject.toml:6:26: error: [toml-syntax] invalid TOML: Unexpected end of line, expected " or a character',
])
C.assertLine(basedir, '[INFO] nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 1 note (1 at or above error)')
C.assertLine(basedir, C.gateFailure(projectVersion, 'nixml-validate', 'fhs-default', 1, new File(basedir, 'target/nixml/nixml.sarif')))
true
