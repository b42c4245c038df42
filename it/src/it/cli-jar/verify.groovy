def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

File jar = new File(basedir, "tools/nixml-maven-plugin-${projectVersion}-cli.jar")
assert jar.isFile() : "dependency:copy did not fetch ${jar.name}"
File project = new File(basedir, 'project').canonicalFile
String today = '2026-11-25'

// Runs the jar in basedir; returns [exit code, stdout, stderr].
def cli = { List<String> args ->
  def command = [System.getProperty('java.home') + '/bin/java', '-jar', jar.path] + args
  def process = new ProcessBuilder(command).directory(basedir).start()
  def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()
  process.waitForProcessOutput(out, err)
  [process.exitValue(), out.toString('UTF-8'), err.toString('UTF-8')]
}

def (code, out, err) = cli(['--version'])
assert code == 0 && out == "nixml ${projectVersion}\n"

// One error: exit 1, the finding line as on Maven's console on standard output, and no file written anywhere.
(code, out, err) = cli(['validate', '--today', today, 'project'])
assert code == 1 : "exit ${code}\n${out}\n${err}"
assert out.readLines().contains("flake.nix:53:28: error: [python-version-mismatch] .python-version says 3.12 but the shell's interpreter is python311 (.python-version:1:1); pin 3.11 with `uv python pin 3.11` or switch the flake to python312 (fixable)")
assert out.readLines().contains('nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 1 note (1 at or above error)')
assert !out.contains('nixml: wrote') : out
assert err == "nixml: 1 finding at or above error; see the findings above (set --fail-on to change the threshold)\n"
assert !new File(project, 'target').exists() : 'the command line wrote into the checked project'

// A changed file stands for its project (as pre-commit passes them); --fail-on none passes.
(code, out, err) = cli(['validate', '--today', today, '--fail-on', 'none', 'project/.python-version', 'project/flake.nix'])
assert code == 0 : err
assert out.readLines().count { it.startsWith('nixml: 1 project, ') } == 1

// Formats and output directory: report files only where --output says.
(code, out, err) = cli(['validate', '--today', today, '--format', 'junit,json', '--output', 'reports', 'project'])
assert code == 1
assert new File(basedir, 'reports/nixml-junit.xml').isFile() && new File(basedir, 'reports/nixml.json').isFile()
assert !out.contains('[python-version-mismatch]') : 'text was not asked for'
assert err.startsWith('nixml: 1 finding at or above error; see /') && err.contains('/reports/nixml-junit.xml (set --fail-on') : err
(code, out, err) = cli(['validate', '--today', today, '--format', 'sarif', 'project'])
assert code == 2 && err == 'nixml: invalid configuration: the sarif report is a file: pass --output DIR to say where it goes (nothing is written into the checked directories unless asked)\n'

// The baseline: today's report, then the same project passes.
(code, out, err) = cli(['validate', '--today', today, '--format', 'sarif', '--output', 'baseline', 'project'])
assert code == 1
(code, out, err) = cli(['validate', '--today', today, '--baseline', 'baseline/nixml.sarif', 'project'])
assert code == 0 : err
assert out.readLines().contains('nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 1 note (0 at or above error); baseline: 2 known, 0 fixed')

// Bad usage and configuration: exit 2 with the common prefix.
(code, out, err) = cli(['validate', '--fail-on', 'sometimes', 'project'])
assert code == 2 && err == "nixml: invalid configuration: unknown failOn 'sometimes' (expected error, warning, note or none)\n"
(code, out, err) = cli(['triage', '--help'])
assert code == 2 && err.startsWith("nixml: unknown command 'triage'\n") : "exit ${code}\n${err}"
(code, out, err) = cli(['validate', 'missing-dir'])
assert code == 2 && err == "nixml: invalid configuration: ${new File(basedir, 'missing-dir').canonicalPath} does not exist\n"

// None of the runs above wrote into the checked project.
assert !new File(project, 'target').exists() : "the command line wrote into the checked project: ${project.list()}"

// explain prints the rule's documentation, the same text as docs/rules.md; rules lists every rule.
(code, out, err) = cli(['explain', 'python-version-mismatch'])
assert code == 0 && out.startsWith('## python-version-mismatch\n') && out.contains('**Fix')
(code, out, err) = cli(['rules'])
assert code == 0 && out.readLines().any { it ==~ /python-version-mismatch +error +.*/ }
true
