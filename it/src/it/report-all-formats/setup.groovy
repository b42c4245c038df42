def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// Two findings of two levels: a mismatch (an error, with a related location in .python-version) and uv left free
// to download its own Python (a warning).
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
C.replaceOnce(new File(basedir, '.python-version'), '3.11', '3.12')
C.deleteLine(new File(basedir, 'flake.nix'), 'export UV_PYTHON_DOWNLOADS=never')
C.deleteLine(new File(basedir, 'flake.nix'), 'export UV_PYTHON_PREFERENCE=only-system')
true
