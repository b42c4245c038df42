def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

C.assertGateFailed(basedir, new File(basedir, 'target/nixml'), [
    'TBD: exact finding line, from the real generated file',
])
true
