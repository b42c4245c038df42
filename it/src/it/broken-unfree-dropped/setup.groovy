def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// allowUnfree dropped from the pkgs import that CUDA comes from.
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
C.deleteLine(new File(basedir, 'flake.nix'), 'TBD-allowUnfree-line-of-pkgs')
true
