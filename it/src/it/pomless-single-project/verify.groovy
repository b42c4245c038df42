def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// Validated without any pom, by full coordinates, in the directory named by nixml.directory.
C.assertCleanRuns(basedir, 'project', 1, 1)
C.assertNoLine(basedir, 'requires a project')
true
