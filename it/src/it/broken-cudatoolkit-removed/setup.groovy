def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// cudatoolkit removed from LD_pkgs while the pom requires CUDA.
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
C.deleteLine(new File(basedir, 'flake.nix'), 'cudatoolkit')
true
