def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// The breaks of broken-python-version-bumped, broken-venv-hook-not-run and broken-cudatoolkit-removed, together.
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
C.replaceOnce(new File(basedir, '.python-version'), '3.11', '3.12')
C.deleteLine(new File(basedir, 'flake.nix'), 'runHook venvShellHook')
C.deleteLine(new File(basedir, 'flake.nix'), 'cudatoolkit')
true
