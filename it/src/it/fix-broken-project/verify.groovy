def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// Four Maven runs: the dry run, the fix, a second fix with nothing left to do, and the gate the pom binds.
assert C.count(basedir, '[INFO] BUILD SUCCESS') == 4
assert C.count(basedir, '[INFO] BUILD FAILURE') == 0

// The fixes, in the order of the passes that applied them (each line twice: the dry run, then the real run).
List<String> fixes = [
    '.envrc: [envrc-no-flake] create .envrc with `use flake`',
    '.python-version:1:1: [requires-python-mismatch] set requires-python to ">=3.12" in pyproject.toml',
    'flake.nix:53:28: [python-version-mismatch] pin 3.11 in .python-version',
    'flake.nix:64:13: [venv-dir-missing] set venvDir = ".venv" in the shell',
    'flake.nix:73:13: [ld-library-path-not-exported] export NIX_LD_LIBRARY_PATH on LD_LIBRARY_PATH in the shellHook',
    '.python-version:1:1: [requires-python-mismatch] set requires-python to ">=3.11" in pyproject.toml',
    'flake.nix:65:13: [uv-python-downloads] set UV_PYTHON_DOWNLOADS = "never" in the shell',
    'flake.nix:76:13: [venv-hook-not-run] run `runHook venvShellHook` at the end of the shellHook',
]
List<String> lines = C.logLines(basedir)
assert lines.findAll { it.startsWith('[INFO] nixml: would fix ') } == fixes.collect { "[INFO] nixml: would fix ${it}".toString() }
assert lines.findAll { it.startsWith('[INFO] nixml: fixed ') } == fixes.collect { "[INFO] nixml: fixed ${it}".toString() }

// The dry run printed unified diffs (and wrote nothing: the real run found the same fixes on the same files).
['[INFO] --- a/flake.nix', '[INFO] +++ b/flake.nix', '[INFO] @@ -72,11 +72,15 @@',
 '[INFO] +            UV_PYTHON_DOWNLOADS = "never";', '[INFO] +            venvDir = ".venv";',
 '[INFO] +              export LD_LIBRARY_PATH=/run/opengl-driver/lib:$NIX_LD_LIBRARY_PATH\'\'${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}',
 '[INFO] +              runHook venvShellHook', '[INFO] -3.12', '[INFO] +3.11',
 '[INFO] -requires-python = ">=3.13"', '[INFO] +requires-python = ">=3.11"', '[INFO] +use flake'].each {
  assert C.count(basedir, it) == 1 : "the dry run's diff lacks the line\n  ${it}"
}
['created .envrc', 'changed .python-version', 'changed flake.nix', 'changed pyproject.toml'].each {
  assert C.count(basedir, "[INFO] nixml: ${it}") == 1
}
// Idempotent: the second run had nothing to do.
assert C.count(basedir, '[INFO] nixml: nothing to fix') == 1

// What is left after each fix run and after the gate: only the note that the generated project has no lock.
C.assertFindings(basedir, (1..4).collect { C.lockMissingNote('', C.GENERATED_INPUTS) })
assert C.count(basedir, C.summary(0, 0, 1, 'failOn=none')) == 1
assert C.count(basedir, C.summary(0, 0, 1, '0 at or above error')) == 3
C.assertSarifMatches(new File(basedir, 'target/nixml'), [C.lockMissingNote('', C.GENERATED_INPUTS)])

// The files as fixed: the library export is the generated line again (no empty element when LD_LIBRARY_PATH
// was unset), written ''${ in the ''…'' hook.
assert C.text(basedir, '.envrc') == 'use flake\n'
assert C.text(basedir, '.python-version') == '3.11\n'
assert C.text(basedir, 'pyproject.toml').contains('\nrequires-python = ">=3.11"\n')
String flake = C.text(basedir, 'flake.nix')
assert flake.contains('''            packages = [ python_with_pkgs ] ++ shell_packages ++ LD_pkgs;
            UV_PYTHON_DOWNLOADS = "never";
            venvDir = ".venv";
''')
assert flake.contains('''              # /run/opengl-driver/lib holds the host's NVIDIA driver libraries on NixOS
              export LD_LIBRARY_PATH=/run/opengl-driver/lib:$NIX_LD_LIBRARY_PATH\'\'${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
              runHook venvShellHook
            \'\';
''')

// Nix's own word on the fixed file: it parses, and the hook evaluates to the line the shell must see (no empty
// element when LD_LIBRARY_PATH is unset). nix-instantiate is the reference; without it this check is skipped aloud.
String nix = ['/usr/bin/nix-instantiate', '/usr/local/bin/nix-instantiate'].find { new File(it).canExecute() }
if (nix == null) {
  println 'fix-broken-project: nix-instantiate not installed, the Nix parse/eval check is SKIPPED'
  assert !Boolean.getBoolean('nixml.requireOracle') : 'nix-instantiate is required (-Dnixml.requireOracle=true)'
} else {
  def parse = [nix, '--parse', new File(basedir, 'flake.nix').path].execute()
  StringBuilder parsed = new StringBuilder(), parseErrors = new StringBuilder()
  parse.waitForProcessOutput(parsed, parseErrors)
  assert parse.exitValue() == 0 : parseErrors
  String hook = (flake =~ /(?s)shellHook = (''.*?\n\s*'');/)[0][1]
  def eval = [nix, '--eval', '--json', '--expr', hook].execute()
  StringBuilder value = new StringBuilder(), evalErrors = new StringBuilder()
  eval.waitForProcessOutput(value, evalErrors)
  assert eval.exitValue() == 0 : evalErrors
  assert new groovy.json.JsonSlurper().parseText(value.toString())
      .contains('export LD_LIBRARY_PATH=/run/opengl-driver/lib:$NIX_LD_LIBRARY_PATH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}\n')
}
true
