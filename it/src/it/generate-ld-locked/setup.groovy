def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// The default LD_LIBRARY_PATH project with a flake.lock that locks exactly its four inputs.
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
new File(basedir, 'flake.lock').setText(new File(basedir, 'fresh-flake.lock').getText('UTF-8'), 'UTF-8')
true
