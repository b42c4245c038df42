package io.github.nixml.run;

import io.github.nixml.report.ReportFormat;
import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.ValidationConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Checked validate parameters: the gate, the report formats (never empty), where reports go (null: under each
 * validated directory; the command line then has no file format), the validator's configuration and the baseline
 * SARIF (null: none).
 */
public record ValidateSettings(
    FailOn gate, Set<ReportFormat> formats, Path outputDirectory, ValidationConfig config, Path baseline) {

  public ValidateSettings {
    Objects.requireNonNull(gate, "gate");
    formats = Set.copyOf(formats);
    Objects.requireNonNull(config, "config");
  }

  /** Where the reports of a run on {@code root} go. */
  public Path outputFor(Path root) {
    return outputDirectory != null ? outputDirectory : root.resolve(ValidateParameters.DEFAULT_OUTPUT);
  }
}
