package io.github.nixml.report;

import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.ValidationResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The console form: one {@code path:line:col: severity: [rule-id] message} line per finding, ending in
 * {@code (fixable)} when {@code mvn nixml:fix} can fix it, then a summary.
 */
public final class ConsoleReport {
  /** The mark of a finding that {@code mvn nixml:fix} can fix. */
  public static final String FIXABLE = "(fixable)";

  private ConsoleReport() {}

  public static String line(Finding finding) {
    return finding.fix().isPresent() ? finding + " " + FIXABLE : finding.toString();
  }

  public static List<String> lines(ValidationResult result) {
    return result.findings().stream().map(ConsoleReport::line).collect(Collectors.toList());
  }

  /** {@code 1 finding}, {@code 2 findings}. */
  public static String findingCount(long count) {
    return count + (count == 1 ? " finding" : " findings");
  }

  /** {@code nixml: 3 projects, 12 Nix files: 2 errors, 1 warning, 0 notes (2 at or above error)}. */
  public static String summary(ValidationResult result, FailOn failOn) {
    return summary(result, failOn, result.countFailing(failOn));
  }

  /** The summary with the number of findings that fail the gate given (a baseline may excuse some). */
  public static String summary(ValidationResult result, FailOn failOn, long failing) {
    String gate = failOn == FailOn.NONE ? "failOn=none" : failing + " at or above " + failOn.id();
    return "nixml: " + result.summary() + " (" + gate + ")";
  }

  /** The whole text report: every line, then the summary, each ending in a newline. */
  public static String render(ValidationResult result, FailOn failOn) {
    StringBuilder text = new StringBuilder();
    for (String line : lines(result)) {
      text.append(line).append('\n');
    }
    return text.append(summary(result, failOn)).append('\n').toString();
  }
}
