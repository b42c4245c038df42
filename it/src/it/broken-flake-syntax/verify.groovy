def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// flake.nix no longer parses.
// Positions are those of the generated file after the break (see setup.groovy), read from a real generation.
C.assertGateFailed(basedir, new File(basedir, 'target/nixml'), [
    // nix-instantiate --parse reports the same message at the same place.
    '[ERROR] flake.nix:76:9: error: [nix-syntax] syntax error, unexpected \'}\', expecting \';\'',
])
C.assertLine(basedir, '[INFO] nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 0 notes (1 at or above error)')
C.assertLine(basedir, C.gateFailure(projectVersion, 'nixml-validate', 'fhs-default', 1, new File(basedir, 'target/nixml/nixml.sarif')))
true
