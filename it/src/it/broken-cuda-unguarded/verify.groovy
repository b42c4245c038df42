def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// cudatoolkit now sits in the common list, built for Darwin too by eachDefaultSystem.
// Positions are those of the generated file after the break (see setup.groovy), read from a real generation.
C.assertGateFailed(basedir, new File(basedir, 'target/nixml'), [
    // No flake.lock yet (as generated): the flake-lock-missing note comes first, in path order.
    C.lockMissingNote('', C.GENERATED_INPUTS),
    '[ERROR] flake.nix:43:15: error: [cuda-not-linux-guarded] cudatoolkit is not guarded by stdenv.isLinux but the shell is also built for aarch64-darwin, x86_64-darwin, where CUDA does not exist; wrap it in lib.optionals pkgs.stdenv.isLinux [ … ] or build only Linux systems (fixable)',
])
C.assertLine(basedir, '[INFO] nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 1 note (1 at or above error)')
C.assertLine(basedir, C.gateFailure(projectVersion, 'nixml-validate', 'ld-default', 1, new File(basedir, 'target/nixml/nixml.sarif')))
true
