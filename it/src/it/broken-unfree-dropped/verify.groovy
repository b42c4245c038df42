def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// cudatoolkit (unfree) comes from the pkgs import, which lost allowUnfree; the finding points at the package and names the import.
// Positions are those of the generated file after the break (see setup.groovy), read from a real generation.
C.assertGateFailed(basedir, new File(basedir, 'target/nixml'), [
    // No flake.lock yet (as generated): the flake-lock-missing note comes first, in path order.
    C.lockMissingNote('', C.GENERATED_INPUTS),
    '[ERROR] flake.nix:47:15: error: [cuda-unfree-not-allowed] cudatoolkit is unfree but comes from nixpkgs (flake.nix:23:16), which does not allow unfree packages: evaluation refuses it; set config.allowUnfree = true in that import',
])
C.assertLine(basedir, '[INFO] nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 1 note (1 at or above error)')
C.assertLine(basedir, C.gateFailure(projectVersion, 'nixml-validate', 'ld-default', 1, new File(basedir, 'target/nixml/nixml.sarif')))
true
