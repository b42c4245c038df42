def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// .python-version bumped alone: the shell still brings python311.
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
C.replaceOnce(new File(basedir, '.python-version'), '3.11', '3.12')
true
