def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// The goal list, written for users.
C.assertLine(basedir, "[INFO] nixml Maven plugin ${projectVersion}")
C.assertLine(basedir, 'This plugin has 6 goals:')
C.assertLine(basedir, 'nixml:doctor')
C.assertLine(basedir, 'nixml:fix')
C.assertLine(basedir, 'nixml:set-python')
C.assertLine(basedir, 'nixml:help')
C.assertLine(basedir, 'nixml:report')
C.assertLine(basedir, 'nixml:validate')
// The validate goal's parameters with their user properties, the baseline among them.
C.assertLine(basedir, '    baseline')
C.assertLine(basedir, '      User property: nixml.baseline')
C.assertLine(basedir, '      User property: nixml.maxFileBytes')
assert C.count(basedir, '[INFO] BUILD SUCCESS') == 2
true
