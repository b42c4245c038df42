package io.github.nixml.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.report.Baseline;
import io.github.nixml.report.BaselineComparison;
import io.github.nixml.report.ReportFormat;
import io.github.nixml.report.ReportWriter;
import io.github.nixml.report.ToolInfo;
import io.github.nixml.testing.Oracle;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF we write, on the first bad- fixture of every rule (every rule firing, whole-file findings included) and
 * compared with a baseline (results new, unchanged and absent), passes Microsoft's SARIF multitool with no error and
 * no warning. One case per rule keeps the multitool's run short (it takes about a second per report).
 */
class SarifReferenceValidatorTest {
  private static final Validator VALIDATOR = new Validator(BuiltInRules.registry());
  private static final ToolInfo TOOL = new ToolInfo(ToolInfo.NAME, "0.0.0-test", ToolInfo.INFORMATION_URI);

  @TempDir Path tempDir;

  @Test
  void aFiringFixtureOfEveryRulePassesTheReferenceValidator() throws Exception {
    Oracle.SARIF_MULTITOOL.assumeAvailable();
    Path reports = Files.createDirectories(tempDir.resolve("reports"));
    List<Path> caseDirs;
    try (Stream<Path> rules = Files.list(RuleFixturesTest.FIXTURES)) {
      caseDirs = rules.sorted().flatMap(SarifReferenceValidatorTest::casesOf).collect(Collectors.toList());
    }
    Path previous = null;
    int n = 0;
    for (Path caseDir : caseDirs) {
      Path copy = RuleFixturesTest.copyTree(caseDir, tempDir.resolve("cases").resolve(String.valueOf(n)));
      ValidationResult result = VALIDATOR.validate(new ValidationRequest(copy, RuleFixturesTest.config(caseDir)));
      Path out = tempDir.resolve("out").resolve(String.valueOf(n));
      // Each case against the previous case's report as its baseline: new, unchanged and absent results.
      BaselineComparison baseline = previous == null ? BaselineComparison.NONE
          : Baseline.read(previous).compare(result.findings());
      new ReportWriter(TOOL).write(result, EnumSet.of(ReportFormat.SARIF), out, baseline);
      previous = Files.move(out.resolve(ReportFormat.SARIF.fileName()), reports.resolve("case-" + n++ + ".sarif"));
    }
    assertThat(n).isEqualTo(BuiltInRules.all().size());
    Oracle.Verdict verdict = Oracle.SARIF_MULTITOOL.check(reports);
    assertThat(verdict.output()).contains(n + " files scanned");
    assertThat(verdict.accepted()).as(verdict.output()).isTrue();

    // The oracle is not vacuous: the same kind of report without regions draws its warning.
    Path regionless = Files.createDirectories(tempDir.resolve("regionless")).resolve("case.sarif");
    Files.writeString(regionless, Files.readString(previous).replaceAll(
        "(?s),\\s*\"region\"\\s*:\\s*\\{[^{}]*(\\{[^{}]*\\}[^{}]*)?\\}", ""));
    Oracle.Verdict control = Oracle.SARIF_MULTITOOL.check(regionless.getParent());
    assertThat(control.output()).contains("warning SARIF2017");
    assertThat(control.accepted()).isFalse();
  }

  private static Stream<Path> casesOf(Path ruleDir) {
    try {
      return Files.list(ruleDir).filter(Files::isDirectory)
          .filter(dir -> dir.getFileName().toString().startsWith("bad-")).sorted().limit(1)
          .collect(Collectors.toList()).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
