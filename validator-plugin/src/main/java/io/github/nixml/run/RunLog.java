package io.github.nixml.run;

import io.github.nixml.report.ConsoleReport;
import io.github.nixml.validate.Finding;

/** Where a run's lines go: Maven's log for the goals, standard output for the command line. */
public interface RunLog {
  void error(String line);

  void warn(String line);

  void info(String line);

  /** One finding's console line, at the level of its severity. */
  default void finding(Finding finding) {
    String line = ConsoleReport.line(finding);
    switch (finding.severity()) {
      case ERROR -> error(line);
      case WARNING -> warn(line);
      default -> info(line);
    }
  }
}
