def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// The pom requires CUDA (<cuda>required</cuda>); the list passed to makeLibraryPath has no toolkit left.
// Positions are those of the generated file after the break (see setup.groovy), read from a real generation.
C.assertGateFailed(basedir, new File(basedir, 'target/nixml'), [
    // No flake.lock yet (as generated): the flake-lock-missing note comes first, in path order.
    C.lockMissingNote('', C.GENERATED_INPUTS),
    '[ERROR] flake.nix:72:35: error: [cuda-toolkit-missing] nixml.cuda is required but this library list has no CUDA toolkit: add cudatoolkit (or cudaPackages.cuda_cudart), guarded by lib.optionals stdenv.isLinux',
])
C.assertLine(basedir, '[INFO] nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 1 note (1 at or above error)')
C.assertLine(basedir, C.gateFailure(projectVersion, 'nixml-validate', 'ld-default', 1, new File(basedir, 'target/nixml/nixml.sarif')))
true
