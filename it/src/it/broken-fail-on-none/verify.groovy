def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// failOn=none: every finding is printed and reported, yet the build passes.
File reports = new File(basedir, 'target/nixml')
assert C.count(basedir, '[INFO] BUILD SUCCESS') == 1 : 'failOn=none must not fail the build'
assert C.count(basedir, '[INFO] BUILD FAILURE') == 0
C.assertReported(basedir, reports, [
    // No flake.lock yet (as generated): the flake-lock-missing note comes first, in path order.
    C.lockMissingNote('', C.GENERATED_INPUTS),
    "[ERROR] flake.nix:52:28: error: [python-version-mismatch] .python-version says 3.12 but the shell's interpreter is python311 (.python-version:1:1); pin 3.11 with `uv python pin 3.11` or switch the flake to python312 (fixable)",
    '[ERROR] flake.nix:72:35: error: [cuda-toolkit-missing] nixml.cuda is required but this library list has no CUDA toolkit: add cudatoolkit (or cudaPackages.cuda_cudart), guarded by lib.optionals stdenv.isLinux',
    "[ERROR] flake.nix:75:13: error: [venv-hook-not-run] this shellHook replaces venvShellHook's own hook and never runs it, so the venv is not created; add `runHook venvShellHook` to the shellHook (or move the commands to postShellHook) (fixable)",
])
C.assertLine(basedir, '[INFO] nixml: 1 project, 1 Nix file: 3 errors, 0 warnings, 1 note (failOn=none)')

// All the reports asked for are there, and say the same.
['nixml.sarif', 'nixml-junit.xml', 'nixml.json'].each {
  File report = new File(reports, it)
  assert report.isFile() : "${it} was not written"
  C.assertLine(basedir, "[INFO] nixml: wrote ${report.absolutePath}")
}
Map json = C.json(reports)
assert json.summary.errors == 3 && json.summary.warnings == 0 && json.summary.notes == 1
def junit = C.junit(reports)
// Three errors fail their testcases; the note passes, with the note as its output.
assert junit.@failures.text() == '3'
assert junit.testsuite.testcase.findAll { !it.failure.isEmpty() }.collect { it.@name.text() }.sort() ==
    ['cuda-toolkit-missing', 'python-version-mismatch', 'venv-hook-not-run']
assert junit.testsuite.testcase.find { it.@name.text() == 'flake-lock-missing' }.'system-out'.text()
    .startsWith('flake.lock: note: [flake-lock-missing] ')
true
