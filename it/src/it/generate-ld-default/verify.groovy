def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// Generated, then gated twice (validate phase, nixml:validate): both succeed with no error or warning. The one
// finding is the flake-lock-missing note: a generated project has no flake.lock before its first nix develop.
C.assertCleanRuns(basedir, 'demo', 3, 2, [C.lockMissingNote('', C.GENERATED_INPUTS)])

// The properties took effect, so "zero findings" is about the project asked for.
String flake = C.text(basedir, 'demo/flake.nix')
assert C.text(basedir, 'demo/.python-version').trim() == '3.11'
assert flake.contains('python311')
assert flake.contains('github:NixOS/nixpkgs/nixos-26.05')
assert flake.contains('cudatoolkit') == true
assert C.text(basedir, 'demo/pyproject.toml').contains('requires-python = ">=3.11"')
assert C.text(basedir, 'demo/pom.xml').contains('<artifactId>nixml-maven-plugin</artifactId>')
assert flake.contains('runHook venvShellHook')
true
