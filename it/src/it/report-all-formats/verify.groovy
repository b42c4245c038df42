def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

File reports = new File(basedir, 'target/nixml')
C.assertGateFailed(basedir, reports, [
    'TBD',
])

// SARIF 2.1.0: the structure the standard requires, on a report with results.
Map sarif = C.sarif(reports)
C.assertSarifStructure(sarif)
assert sarif.runs.size() == 1
def run = sarif.runs[0]
assert run.tool.driver.name == 'nixml'
assert !run.results.isEmpty()
// Every rule of the validator is described, not only those that fired.
assert run.tool.driver.rules.size() >= 20
['nix-syntax', 'python-version-mismatch', 'cuda-toolkit-missing', 'venv-hook-not-run'].each { id ->
  assert run.tool.driver.rules.any { it.id == id } : "rule ${id} is not described under tool.driver.rules"
}

// JUnit: a testsuite per project, a testcase per rule, the failing rule as a failure.
def junit = C.junit(reports)
def suites = junit.name() == 'testsuites' ? junit.testsuite : [junit]
assert suites.size() == 1
def failed = suites[0].testcase.findAll { !it.failure.isEmpty() }.collect { it.@name.text() }
assert failed.any { it.contains('python-version-mismatch') } : "no failing testcase for python-version-mismatch: ${failed}"

// JSON: the same findings.
assert C.json(reports).toString().contains('python-version-mismatch')
true
