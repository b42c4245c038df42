import groovy.json.JsonSlurper

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

/**
 * Shared by the cases' setup.groovy and verify.groovy (loaded with GroovyClassLoader.parseClass).
 * Every check fails with a message that says what was expected and what was there.
 */
class Checks {

  /**
   * A console finding line: `[ERROR] flake.nix:42:7: error: [rule-id] message`, or `[ERROR] flake.lock: error: ...`
   * for a finding about a whole file (missing, unreadable). Groups: level, path, line, column, severity, rule id.
   */
  static final String FINDING = /^\[(ERROR|WARNING|INFO)\] ([^\s:]+)(?::(\d+):(\d+))?: (error|warning|note): \[([a-z0-9-]+)\] .*$/

  /** The build log without ANSI colour codes, one entry per line. */
  static List<String> logLines(File basedir) {
    File log = new File(basedir, 'build.log')
    assert log.isFile() : "no build.log in ${basedir}"
    log.getText('UTF-8').replaceAll(/\u001B\[[0-9;]*m/, '').readLines()
  }

  /** Asserts that the log holds this exact line. */
  static void assertLine(File basedir, String expected) {
    List<String> lines = logLines(basedir)
    assert lines.contains(expected) : "build.log lacks the line\n  ${expected}\nnearest lines:\n  " +
        lines.findAll { it.contains(expected.take(40)) || (expected.contains('[') && it.contains(expected.substring(expected.lastIndexOf('[')).take(30))) }.join('\n  ')
  }

  /** Asserts a line starting with this prefix (for messages whose tail is not ours to pin). */
  static void assertLineStartingWith(File basedir, String prefix) {
    List<String> lines = logLines(basedir)
    assert lines.any { it.startsWith(prefix) } : "build.log has no line starting with\n  ${prefix}"
  }

  static void assertNoLine(File basedir, String fragment) {
    List<String> hits = logLines(basedir).findAll { it.contains(fragment) }
    assert hits.isEmpty() : "build.log should not contain '${fragment}' but has:\n  ${hits.join('\n  ')}"
  }

  /** Every finding line of the console report, in order, exactly as printed. */
  static List<String> findingLines(File basedir) {
    logLines(basedir).findAll { it ==~ FINDING }
  }

  /** Asserts that the console findings are exactly these lines (so a silenced or extra rule fails the case). */
  static void assertFindings(File basedir, List<String> expected) {
    List<String> actual = findingLines(basedir)
    assert actual == expected : "findings differ\nexpected:\n  ${expected.join('\n  ')}\nactual:\n  ${actual.join('\n  ')}"
  }

  /** Count of log lines equal to `line`. */
  static int count(File basedir, String line) {
    logLines(basedir).count { it == line } as int
  }

  // ---------------------------------------------------------------------------------------------- reports

  static Map sarif(File reportDir) {
    File f = new File(reportDir, 'nixml.sarif')
    assert f.isFile() : "missing SARIF report ${f}"
    new JsonSlurper().parse(f, 'UTF-8') as Map
  }

  static Map json(File reportDir) {
    File f = new File(reportDir, 'nixml.json')
    assert f.isFile() : "missing JSON report ${f}"
    new JsonSlurper().parse(f, 'UTF-8') as Map
  }

  static groovy.xml.slurpersupport.GPathResult junit(File reportDir) {
    File f = new File(reportDir, 'nixml-junit.xml')
    assert f.isFile() : "missing JUnit report ${f}"
    new groovy.xml.XmlSlurper().parse(f)
  }

  /** The SARIF results as `uri:line:col: level: [ruleId]`, in file order. */
  static List<String> sarifFindings(Map sarif) {
    List<String> out = []
    sarif.runs.each { run ->
      run.results.each { r ->
        def loc = r.locations[0].physicalLocation
        // A finding about a whole file is placed at 1:1 with the property wholeFile, and printed as the path alone.
        String where = loc.region.properties?.wholeFile ? loc.artifactLocation.uri
            : "${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn}"
        out << "${where}: ${r.level}: [${r.ruleId}]".toString()
      }
    }
    out
  }

  /** The structure SARIF 2.1.0 requires of what we write (results may be empty). */
  static void assertSarifStructure(Map sarif) {
    assert sarif.version == '2.1.0' : "SARIF version is ${sarif.version}"
    assert sarif.'$schema' == null || sarif.'$schema'.toString().contains('sarif') : "odd \$schema ${sarif.'$schema'}"
    assert sarif.runs instanceof List && sarif.runs.size() >= 1 : 'SARIF has no runs'
    sarif.runs.each { run ->
      def driver = run.tool?.driver
      assert driver != null : 'run.tool.driver is missing'
      assert driver.name : 'tool.driver.name is missing'
      assert driver.rules instanceof List && !driver.rules.isEmpty() : 'tool.driver.rules is missing or empty'
      Set<String> ruleIds = driver.rules.collect { it.id } as Set
      assert ruleIds.size() == driver.rules.size() : 'duplicate rule ids in tool.driver.rules'
      driver.rules.each { rule ->
        assert rule.id ==~ /[a-z0-9-]+/ : "rule id ${rule.id}"
        assert rule.shortDescription?.text || rule.fullDescription?.text : "rule ${rule.id} is not described"
      }
      assert run.results instanceof List : 'run.results is missing'
      run.results.each { r ->
        assert r.ruleId in ruleIds : "result ruleId ${r.ruleId} is not among tool.driver.rules"
        if (r.ruleIndex != null) {
          assert driver.rules[r.ruleIndex as int].id == r.ruleId : "ruleIndex ${r.ruleIndex} does not name ${r.ruleId}"
        }
        assert r.level in ['error', 'warning', 'note', 'none'] : "result level ${r.level}"
        assert r.message?.text : "result for ${r.ruleId} has no message.text"
        assert r.locations instanceof List && !r.locations.isEmpty() : "result for ${r.ruleId} has no locations"
        r.locations.each { l ->
          def pl = l.physicalLocation
          assert pl != null : "result for ${r.ruleId} has no physicalLocation"
          String uri = pl.artifactLocation?.uri
          assert uri : "result for ${r.ruleId} has no artifactLocation.uri"
          URI parsed = new URI(uri)
          assert !parsed.isAbsolute() && !uri.startsWith('/') : "URI ${uri} is not relative"
          assert !uri.contains('\\') : "URI ${uri} uses backslashes"
          // Every result has a region (a finding about a whole file too: at 1:1, marked wholeFile).
          def region = pl.region
          assert region != null : "result for ${r.ruleId} has no region"
          assert (region.startLine as int) >= 1 && (region.startColumn as int) >= 1 : "region ${region} not 1-based"
        }
        // A fix (SARIF 2.1.0 §3.55): a description and artifact changes, each a relative artifact with replacements.
        r.fixes?.each { fix ->
          assert fix.description?.text : "a fix of ${r.ruleId} has no description.text"
          assert fix.artifactChanges instanceof List && !fix.artifactChanges.isEmpty() : "a fix of ${r.ruleId} changes nothing"
          fix.artifactChanges.each { ch ->
            assert ch.artifactLocation?.uri && !new URI(ch.artifactLocation.uri).isAbsolute() : "fix URI ${ch.artifactLocation}"
            assert ch.replacements instanceof List && !ch.replacements.isEmpty() : "a fix of ${r.ruleId} has no replacements"
            ch.replacements.each { rep ->
              assert (rep.deletedRegion?.charOffset as int) >= 0 && (rep.deletedRegion?.charLength as int) >= 0 :
                  "replacement ${rep} has no deletedRegion charOffset/charLength"
            }
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- cases

  /** The inputs every generated flake declares. */
  static final List<String> GENERATED_INPUTS = ['nixpkgs', 'nixpkgs_master', 'systems', 'flake-utils']

  /**
   * The note a project without flake.lock gets (flake-lock-missing): generated projects have no lock until the
   * first `nix develop`, so this note is the one finding a freshly generated project carries.
   */
  static String lockMissingNote(String dir, List<String> inputs) {
    int n = inputs.size()
    "[INFO] ${dir}flake.lock: note: [flake-lock-missing] flake.nix declares ${n} input${n == 1 ? '' : 's'} " +
        "(${inputs.join(', ')}) but there is no flake.lock, so each machine resolves them anew: " +
        'run `nix flake lock` and commit flake.lock'
  }

  /** The summary line of a validation of one project, one Nix file. */
  static String summary(int errors, int warnings, int notes, String gate) {
    "[INFO] nixml: 1 project, 1 Nix file: ${errors} error${errors == 1 ? '' : 's'}, " +
        "${warnings} warning${warnings == 1 ? '' : 's'}, ${notes} note${notes == 1 ? '' : 's'} (${gate})"
  }

  /**
   * The gate's failure, as Maven prints it, for `count` findings found by the execution `execution`, pointing at
   * the SARIF report by its absolute path.
   */
  static String gateFailure(String version, String execution, String project, int count, File sarif) {
    "[ERROR] Failed to execute goal io.github.nixml:nixml-maven-plugin:${version}:validate (${execution}) on project " +
        "${project}: ${count} finding${count == 1 ? '' : 's'} at or above error; see ${sarif.canonicalPath} " +
        '(set nixml.failOn to change the threshold) -> [Help 1]'
  }

  /**
   * A project that `mvn validate` (the gate its pom binds) and/or `mvn nixml:validate` passed: `invocations` Maven
   * runs succeeded; each of the `validations` printed exactly `notes` (no error, no warning) and the matching
   * summary; the SARIF report holds the same notes and nothing else.
   */
  static void assertCleanRuns(File basedir, String project, int invocations, int validations, List<String> notes) {
    assert count(basedir, '[INFO] BUILD SUCCESS') == invocations : "expected ${invocations} successful Maven runs"
    assert count(basedir, '[INFO] BUILD FAILURE') == 0
    assertFindings(basedir, (1..validations).collectMany { notes })
    String clean = summary(0, 0, notes.size(), '0 at or above error')
    assert count(basedir, clean) == validations : "expected ${validations} times the line\n  ${clean}"
    assertSarifMatches(new File(basedir, "${project}/target/nixml"), notes)
  }

  /**
   * The console printed exactly `findings` (full lines, level prefix included), and `nixml.sarif` in `reportDir`
   * holds the same findings: same file, line, column, level and rule, in the same order.
   */
  static void assertReported(File basedir, File reportDir, List<String> findings) {
    assertFindings(basedir, findings)
    assertSarifMatches(reportDir, findings)
  }

  /** `nixml.sarif` in `reportDir` is well-formed and holds these console findings, in this order. */
  static void assertSarifMatches(File reportDir, List<String> findings) {
    Map report = sarif(reportDir)
    assertSarifStructure(report)
    List<String> expected = findings.collect { line ->
      def m = line =~ FINDING
      assert m.matches()
      String where = m.group(3) ? "${m.group(2)}:${m.group(3)}:${m.group(4)}" : m.group(2)
      "${where}: ${m.group(5)}: [${m.group(6)}]".toString()
    }
    assert sarifFindings(report) == expected : "SARIF differs from the console\nexpected:\n  ${expected.join('\n  ')}\nSARIF:\n  ${sarifFindings(report).join('\n  ')}"
  }

  /** A gate that failed the build on `findings`, after writing its reports. */
  static void assertGateFailed(File basedir, File reportDir, List<String> findings) {
    assert count(basedir, '[INFO] BUILD FAILURE') == 1 : 'the build did not fail'
    assertReported(basedir, reportDir, findings)
  }

  /** The text of a generated file, which must exist. */
  static String text(File basedir, String path) {
    File f = new File(basedir, path)
    assert f.isFile() : "${path} is missing"
    f.getText('UTF-8')
  }

  // ---------------------------------------------------------------------------------------------- setup

  /** Copies a project generated by the setup-generate job into `dest` (dotfiles included, target/ left out). */
  static void copyGenerated(File itRoot, String name, File dest) {
    Path from = new File(itRoot, "setup-generate/${name}").toPath()
    assert Files.isDirectory(from) : "setup-generate did not generate ${name} (${from})"
    Files.walk(from).withCloseable { stream ->
      stream.filter { !from.relativize(it).toString().startsWith('target') }.forEach { Path p ->
        Path to = dest.toPath().resolve(from.relativize(p).toString())
        if (Files.isDirectory(p)) {
          Files.createDirectories(to)
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES)
        }
      }
    }
  }

  /** Replaces the single occurrence of `from`; fails when it occurs zero or several times. */
  static void replaceOnce(File file, String from, String to) {
    String text = file.getText('UTF-8')
    int first = text.indexOf(from)
    assert first >= 0 : "${file.name} does not contain:\n${from}"
    assert text.indexOf(from, first + 1) < 0 : "${file.name} contains more than once:\n${from}"
    file.setText(text.substring(0, first) + to + text.substring(first + from.length()), 'UTF-8')
  }

  /** Removes the single line that contains `fragment`. */
  static void deleteLine(File file, String fragment) {
    deleteLine(file, fragment, 1, 1)
  }

  /** Removes the `nth` (1-based) of the `expectedCount` lines that contain `fragment`; returns the removed line. */
  static String deleteLine(File file, String fragment, int nth, int expectedCount) {
    List<String> lines = file.getText('UTF-8').split('\n', -1) as List
    List<Integer> hits = (0..<lines.size()).findAll { lines[it].contains(fragment) }
    assert hits.size() == expectedCount : "${file.name}: expected ${expectedCount} lines containing '${fragment}', found ${hits.size()}"
    String removed = lines.remove(hits[nth - 1] as int)
    file.setText(lines.join('\n'), 'UTF-8')
    removed
  }

  /** Inserts `line` after the single line that contains `fragment`. */
  static void insertAfter(File file, String fragment, String line) {
    List<String> lines = file.getText('UTF-8').split('\n', -1) as List
    List<Integer> hits = (0..<lines.size()).findAll { lines[it].contains(fragment) }
    assert hits.size() == 1 : "${file.name}: expected one line containing '${fragment}', found ${hits.size()}"
    lines.add((hits[0] as int) + 1, line)
    file.setText(lines.join('\n'), 'UTF-8')
  }

  /** 1-based line and column of the first occurrence of `fragment` (for messages in failed checks). */
  static String positionOf(File file, String fragment) {
    List<String> lines = file.getText('UTF-8').split('\n', -1) as List
    for (int i = 0; i < lines.size(); i++) {
      int c = lines[i].indexOf(fragment)
      if (c >= 0) {
        return "${i + 1}:${c + 1}"
      }
    }
    null
  }
}
