def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

File reports = new File(basedir, 'target/nixml')
assert C.count(basedir, '[INFO] BUILD SUCCESS') == 1 : 'failOn=none must not fail the build'
C.assertReported(basedir, reports, [
    'TBD',
])
['nixml.sarif', 'nixml-junit.xml', 'nixml.json'].each {
  assert new File(reports, it).isFile() : "${it} was not written"
}
assert C.json(reports).toString().contains('python-version-mismatch')
true
