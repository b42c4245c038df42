def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

C.copyGenerated(new File(itRoot), 'fhs-default', basedir)
true
