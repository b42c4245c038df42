def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// 'runHook venvShellHook' deleted from the shellHook: the venv is never created.
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
C.deleteLine(new File(basedir, 'flake.nix'), 'runHook venvShellHook')
true
