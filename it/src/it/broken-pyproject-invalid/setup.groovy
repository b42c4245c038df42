def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// pyproject.toml made invalid TOML (an unterminated string).
C.copyGenerated(new File(itRoot), 'fhs-default', basedir)
C.replaceOnce(new File(basedir, 'pyproject.toml'), 'requires-python = ">=3.11"', 'requires-python = ">=3.11')
true
