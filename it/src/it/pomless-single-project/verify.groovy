def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// Validated without any pom, by full coordinates, in the directory named by nixml.directory: no error or warning,
// only the note that the project has no flake.lock.
C.assertCleanRuns(basedir, 'project', 1, 1, [C.lockMissingNote('', ['nixpkgs', 'flake-utils'])])
C.assertNoLine(basedir, 'requires a project')
true
