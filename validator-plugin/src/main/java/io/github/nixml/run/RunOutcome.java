package io.github.nixml.run;

import io.github.nixml.report.ConsoleReport;
import io.github.nixml.report.ReportFormat;
import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.ValidationResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What one run ended with: the result, the reports written, the gate and how many findings fail it (findings the
 * baseline already knows do not count).
 */
public record RunOutcome(ValidationResult result, List<Path> reports, FailOn gate, long failing) {

  public RunOutcome {
    reports = List.copyOf(reports);
  }

  public boolean failed() {
    return failing > 0;
  }

  /**
   * {@code 2 findings at or above error; see /abs/target/nixml/nixml.sarif (set nixml.failOn to change the
   * threshold)}, naming the threshold as the caller's user knows it ({@code nixml.failOn} or {@code --fail-on}).
   */
  public String failureMessage(String thresholdParameter) {
    Path where = null;
    for (Path report : reports) {
      if (where == null || report.getFileName().toString().equals(ReportFormat.SARIF.fileName())) {
        where = report;
      }
    }
    return ConsoleReport.findingCount(failing) + " at or above " + gate.id() + "; "
        + (where == null ? "see the findings above" : "see " + where.toAbsolutePath().normalize())
        + " (set " + thresholdParameter + " to change the threshold)";
  }
}
