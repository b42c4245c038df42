package io.github.nixml.run;

import io.github.nixml.report.ReportFormat;
import io.github.nixml.validate.CudaMode;
import io.github.nixml.validate.FailOn;
import io.github.nixml.model.Layout;
import io.github.nixml.validate.RuleRegistry;
import io.github.nixml.validate.ValidationConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The validate parameters as a user writes them, the same for the Maven goal and the command line: their defaults
 * live here once, and {@link #settings} turns them into checked values or one {@link ConfigurationException}.
 * Messages name the Maven property; the command line's options carry the same names in kebab case.
 */
public final class ValidateParameters {
  public static final String DEFAULT_FAIL_ON = "error";
  public static final String DEFAULT_FORMATS = "text,sarif";
  /** The command line's default without an output directory: findings on standard output, no file. */
  public static final String CONSOLE_FORMATS = "text";
  public static final String DEFAULT_LAYOUT = "auto";
  public static final String DEFAULT_CUDA = "auto";
  public static final String DEFAULT_MAX_LOCK_AGE_DAYS = "30";
  public static final String DEFAULT_MAX_FILE_BYTES = "10485760";
  /** Reports go here, under the validated directory, unless an output directory is given. */
  public static final String DEFAULT_OUTPUT = "target/nixml";

  private String failOn = DEFAULT_FAIL_ON;
  private String formats;
  private Path outputDirectory;
  private String outputOption;
  private String layout = DEFAULT_LAYOUT;
  private String cuda = DEFAULT_CUDA;
  private String disabledRules;
  private String today;
  private int maxLockAgeDays = Integer.parseInt(DEFAULT_MAX_LOCK_AGE_DAYS);
  private long maxFileBytes = Long.parseLong(DEFAULT_MAX_FILE_BYTES);
  private String supportedBranches;
  private Map<String, String> severities = Map.of();
  private Path baseline;

  public ValidateParameters failOn(String value) {
    this.failOn = value;
    return this;
  }

  /** Null: {@value #DEFAULT_FORMATS}, or {@value #CONSOLE_FORMATS} where report files need an output directory. */
  public ValidateParameters formats(String value) {
    this.formats = value;
    return this;
  }

  /** Null: {@value #DEFAULT_OUTPUT} under each validated directory, unless files need an output directory. */
  public ValidateParameters outputDirectory(Path value) {
    this.outputDirectory = value;
    return this;
  }

  /**
   * Report files go only where an output directory is given, never into the checked directories: the command
   * line's rule, since a hook or a Python project must not gain a {@code target/} folder. Without an output
   * directory the formats default to {@value #CONSOLE_FORMATS}, and asking for a file format is a configuration
   * error that names {@code outputOption}.
   */
  public ValidateParameters reportFilesOnlyIn(String outputOption) {
    this.outputOption = outputOption;
    return this;
  }

  public ValidateParameters layout(String value) {
    this.layout = value;
    return this;
  }

  public ValidateParameters cuda(String value) {
    this.cuda = value;
    return this;
  }

  public ValidateParameters disabledRules(String commaSeparated) {
    this.disabledRules = commaSeparated;
    return this;
  }

  /** An ISO date; null or blank: the clock. */
  public ValidateParameters today(String value) {
    this.today = value;
    return this;
  }

  public ValidateParameters maxLockAgeDays(int value) {
    this.maxLockAgeDays = value;
    return this;
  }

  public ValidateParameters maxFileBytes(long value) {
    this.maxFileBytes = value;
    return this;
  }

  public ValidateParameters supportedBranches(String commaSeparated) {
    this.supportedBranches = commaSeparated;
    return this;
  }

  /** Rule id to error, warning, note or off; null: none. */
  public ValidateParameters severities(Map<String, String> value) {
    this.severities = value == null ? Map.of() : Map.copyOf(value);
    return this;
  }

  /** An earlier nixml.sarif whose findings do not fail the run; null: none. */
  public ValidateParameters baseline(Path value) {
    this.baseline = value;
    return this;
  }

  /**
   * Checks every parameter against the rules that exist.
   *
   * @throws ConfigurationException naming the first bad parameter, its value and what is accepted
   */
  public ValidateSettings settings(RuleRegistry rules) throws ConfigurationException {
    try {
      FailOn gate = FailOn.parse(failOn);
      boolean consoleOnly = outputOption != null && outputDirectory == null;
      Set<ReportFormat> reportFormats = ReportFormat.parseList(
          formats != null ? formats : consoleOnly ? CONSOLE_FORMATS : DEFAULT_FORMATS);
      if (reportFormats.isEmpty()) {
        throw new IllegalArgumentException(
            "nixml.formats is empty (expected a comma-separated list of text, sarif, junit, json, html)");
      }
      List<String> files = reportFormats.stream().filter(f -> f.fileName() != null).map(ReportFormat::id).toList();
      if (consoleOnly && !files.isEmpty()) {
        boolean one = files.size() == 1;
        throw new IllegalArgumentException("the " + String.join(", ", files)
            + (one ? " report is a file" : " reports are files")
            + ": pass " + outputOption + " DIR to say where " + (one ? "it goes" : "they go")
            + " (nothing is written into the checked directories unless asked)");
      }
      if (maxFileBytes <= 0) {
        throw new IllegalArgumentException("nixml.maxFileBytes must be a positive number of bytes, not " + maxFileBytes);
      }
      ValidationConfig.Builder builder = ValidationConfig.builder()
          .layout(Layout.parse(layout))
          .cuda(CudaMode.parse(cuda))
          .disable(disabledRules)
          .maxLockAgeDays(maxLockAgeDays)
          .maxFileBytes(maxFileBytes)
          .supportedBranches(supportedBranches);
      builder.pinToday(today);
      new TreeMap<>(severities).forEach(builder::severity);
      ValidationConfig config = builder.build();
      rules.checkKnown(config);
      return new ValidateSettings(gate, reportFormats, outputDirectory, config, baseline);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
  }

}
