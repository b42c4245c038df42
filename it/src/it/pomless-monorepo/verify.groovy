def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// Paths are relative to nixml.directory; the skipped folders (.venv, .direnv, result, node_modules, target, .git)
// report nothing although each holds a broken flake.nix. vision/ and speech/ (hand-written, ld-path and FHS) are clean
// but for their missing flake.lock (speech/, an FHS environment, has no .envrc: direnv cannot enter it).
C.assertGateFailed(basedir, new File(basedir, 'repo/target/nixml'), [
    C.lockMissingNote('legacy/', ['nixpkgs', 'flake-utils']),
    "[ERROR] legacy/flake.nix:20:13: error: [python-version-mismatch] .python-version says 3.12 but the shell's interpreter is python311 (legacy/.python-version:1:1); pin 3.11 with `uv python pin 3.11` or switch the flake to python312 (fixable)",
    // End of file inside the set: the same message and place (5:6) as nix-instantiate --parse.
    "[ERROR] nix/overlay.nix:5:6: error: [nix-syntax] syntax error, unexpected end of file, expecting '}'",
    // The hand-written projects have no flake.lock either.
    C.lockMissingNote('speech/', ['nixpkgs']),
    C.lockMissingNote('vision/', ['nixpkgs', 'flake-utils']),
])
C.assertLine(basedir, '[INFO] nixml: 3 projects, 4 Nix files: 2 errors, 0 warnings, 3 notes (2 at or above error)')
C.assertLine(basedir, C.gateFailure(projectVersion, 'default-cli', 'standalone-pom', 2,
    new File(basedir, 'repo/target/nixml/nixml.sarif')))

// The JUnit report has one testsuite per project, in a stable order; "." holds the Nix files outside any project.
def junit = C.junit(new File(basedir, 'repo/target/nixml'))
assert junit.testsuite.collect { it.@name.text() } == ['.', 'legacy', 'speech', 'vision']
def failing = { suite -> junit.testsuite.find { it.@name.text() == suite }.testcase.findAll { !it.failure.isEmpty() }*.@name*.text() }
assert failing('.') == ['nix-syntax']
// The missing locks are notes: those testcases pass (with the note as output); the suites are named by path.
assert failing('legacy') == ['python-version-mismatch']
assert failing('speech') == []
assert failing('vision') == []
assert junit.testsuite.find { it.@name.text() == 'vision' }.testcase.every { it.@classname.text() == 'vision' }
true
