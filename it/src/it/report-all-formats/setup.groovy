def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// Two findings in two files: a mismatch (with a related location) and an invalid pyproject.toml.
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
C.replaceOnce(new File(basedir, '.python-version'), '3.11', '3.12')
true
