def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// Generated and locked: not a single finding, not even a note.
assert C.count(basedir, '[INFO] BUILD SUCCESS') == 1
C.assertReported(basedir, new File(basedir, 'target/nixml'), [])
C.assertLine(basedir, C.summary(0, 0, 0, '0 at or above error'))
true
