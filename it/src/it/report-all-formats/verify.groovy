def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

File reports = new File(basedir, 'target/nixml')
C.assertGateFailed(basedir, reports, [
    // No flake.lock yet (as generated): the flake-lock-missing note comes first, in path order.
    C.lockMissingNote('', C.GENERATED_INPUTS),
    "[ERROR] flake.nix:53:28: error: [python-version-mismatch] .python-version says 3.12 but the shell's interpreter is python311 (.python-version:1:1); pin 3.11 with `uv python pin 3.11` or switch the flake to python312 (fixable)",
    '[WARNING] flake.nix:65:13: warning: [uv-python-downloads] uv is in the shell but may download its own Python; set UV_PYTHON_DOWNLOADS = "never" in the shell so uv uses the Nix interpreter (fixable)',
])
C.assertLine(basedir, '[INFO] nixml: 1 project, 1 Nix file: 1 error, 1 warning, 1 note (1 at or above error)')
C.assertLine(basedir, C.gateFailure(projectVersion, 'default-cli', 'ld-default', 1, new File(basedir, 'target/nixml/nixml.sarif')))
['nixml.sarif', 'nixml-junit.xml', 'nixml.json'].each {
  C.assertLine(basedir, "[INFO] nixml: wrote ${new File(reports, it).absolutePath}")
}

// SARIF 2.1.0: the structure the standard requires, on a report with results of two levels.
Map sarif = C.sarif(reports)
C.assertSarifStructure(sarif)
assert sarif.runs.size() == 1
def run = sarif.runs[0]
assert run.tool.driver.name == 'nixml'
assert run.tool.driver.version == projectVersion
// Every rule of the validator is described, not only those that fired.
Set<String> described = run.tool.driver.rules.collect { it.id } as Set
Set<String> coreRules = ('nix-syntax nix-undefined-variable toml-syntax missing-file python-version-format ' +
    'python-version-mismatch python-interpreter-conflict requires-python-mismatch uv-python-downloads ' +
    'venv-hook-missing venv-dir-missing venv-hook-not-run fhs-venv-missing venv-not-ignored cuda-unfree-not-allowed ' +
    'cuda-support-disabled cuda-toolkit-missing cuda-not-linux-guarded cuda-unexpected ld-library-path-not-exported ' +
    'opengl-driver-path-missing cuda-mixed-nixpkgs libstdcxx-missing envrc-no-flake fhs-shell-not-provided ' +
    'layout-unknown').split(' ') as Set
assert described.containsAll(coreRules) : "rules not described under tool.driver.rules: ${coreRules - described}"
def mismatch = run.results.find { it.ruleId == 'python-version-mismatch' }
assert mismatch.level == 'error'
assert mismatch.locations[0].physicalLocation.region.endLine == 53
// A mismatch points at both sides: the interpreter in flake.nix, and .python-version as a related location.
def related = mismatch.relatedLocations*.physicalLocation
assert related.size() == 1
assert related[0].artifactLocation.uri == '.python-version'
assert related[0].region.startLine == 1 && related[0].region.startColumn == 1
assert run.results.find { it.ruleId == 'uv-python-downloads' }.level == 'warning'
// Fixable findings carry their fix: .python-version's request replaced by the flake's interpreter.
assert mismatch.fixes.size() == 1
assert mismatch.fixes[0].description.text == 'pin 3.11 in .python-version'
def change = mismatch.fixes[0].artifactChanges
assert change.size() == 1 && change[0].artifactLocation.uri == '.python-version'
assert change[0].replacements == [[deletedRegion: [charOffset: 0, charLength: 4], insertedContent: [text: '3.11']]]
assert run.results.find { it.ruleId == 'flake-lock-missing' }.fixes == null
// Relative URIs resolve against the validated directory.
assert run.originalUriBaseIds?.ROOT?.uri == basedir.toPath().toUri().toString()

// JUnit: one testsuite for the one project, a testcase per rule, each error or warning a failure of its testcase.
def junit = C.junit(reports)
assert junit.name() == 'testsuites'
assert junit.testsuite.size() == 1
def cases = junit.testsuite[0].testcase
assert cases.size() == described.size()
def failed = cases.findAll { !it.failure.isEmpty() }
assert failed.collect { it.@name.text() } == ['python-version-mismatch', 'uv-python-downloads']
assert failed.collect { it.failure.@type.text() } == ['error', 'warning']
assert failed[0].failure.text().startsWith("flake.nix:53:28: error: [python-version-mismatch] ")
// A note passes its testcase, with the note as its output; the testcases are named by project path and rule id.
def noted = cases.find { it.@name.text() == 'flake-lock-missing' }
assert noted.failure.isEmpty() && noted.'system-out'.text().startsWith('flake.lock: note: [flake-lock-missing] ')
assert cases.every { it.@classname.text() == '.' }

// JSON: the same counts and findings.
Map json = C.json(reports)
assert json.tool.name == 'nixml'
assert json.summary == [projects: 1, nixFiles: 1, errors: 1, warnings: 1, notes: 1]
assert json.toString().contains('uv-python-downloads')
assert json.findings.find { it.ruleId == 'python-version-mismatch' }.fix ==
    [description: 'pin 3.11 in .python-version', edits: [[path: '.python-version', offset: 0, length: 4, replacement: '3.11']]]
true
