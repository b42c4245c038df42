def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// allowUnfree dropped from the pkgs import that CUDA comes from.
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
// The first of the two imports (pkgs, where cudatoolkit comes from) loses its allowUnfree; mpkgs keeps it.
C.deleteLine(new File(basedir, 'flake.nix'), 'config.allowUnfree = true;', 1, 2)
true
