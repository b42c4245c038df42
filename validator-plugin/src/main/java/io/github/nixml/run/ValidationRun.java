package io.github.nixml.run;

import io.github.nixml.report.Baseline;
import io.github.nixml.report.BaselineComparison;
import io.github.nixml.report.ConsoleReport;
import io.github.nixml.report.ReportFormat;
import io.github.nixml.report.ReportWriter;
import io.github.nixml.report.ToolInfo;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One validate run on one directory, the same for the Maven goal and the command line: validate, compare with the
 * baseline, log one line per finding and a summary, write the reports, and count what fails the gate. Failing is
 * the caller's: a Maven exception or an exit code.
 */
public final class ValidationRun {
  private final Validator validator;
  private final ValidateSettings settings;
  private final RunLog log;

  public ValidationRun(Validator validator, ValidateSettings settings, RunLog log) {
    this.validator = validator;
    this.settings = settings;
    this.log = log;
  }

  /**
   * Runs on {@code directory}.
   *
   * @throws ConfigurationException when the directory or the baseline does not exist or cannot be used
   * @throws ValidationException when the tool itself fails (reports cannot be written, the tree cannot be read)
   */
  public RunOutcome run(Path directory) throws ConfigurationException, ValidationException {
    Path root = directory.toAbsolutePath().normalize();
    if (!Files.exists(root)) {
      throw new ConfigurationException("directory " + root + " does not exist");
    }
    if (!Files.isDirectory(root)) {
      throw new ConfigurationException(root + " is not a directory");
    }
    Baseline baseline = null;
    if (settings.baseline() != null) {
      try {
        baseline = Baseline.read(settings.baseline().toAbsolutePath().normalize());
      } catch (IOException e) {
        throw new ConfigurationException(e.getMessage(), e);
      }
    }
    ReportWriter.prepare(settings.formats());
    ValidationResult result = validator.validate(new ValidationRequest(root, settings.config()));
    BaselineComparison comparison = baseline == null ? BaselineComparison.NONE : baseline.compare(result.findings());

    if (settings.formats().contains(ReportFormat.TEXT)) {
      for (Finding finding : result.findings()) {
        log.finding(finding);
      }
    }
    for (String notice : result.notices()) {
      log.warn("nixml: " + notice);
    }
    long failing = 0;
    for (Finding finding : result.findings()) {
      if (settings.gate().fails(finding.severity()) && !comparison.isKnown(finding)) {
        failing++;
      }
    }
    log.info(ConsoleReport.summary(result, settings.gate(), failing)
        + (comparison.active() ? "; baseline: " + comparison.unchanged().size() + " known, "
            + comparison.absent().size() + " fixed" : ""));

    Path output = settings.outputFor(result.root()).toAbsolutePath().normalize();
    List<Path> written;
    try {
      written = new ReportWriter(ToolInfo.current(), settings.config()).write(result, settings.formats(), output, comparison);
    } catch (IOException e) {
      throw new ValidationException("nixml: cannot write reports to " + output + ": " + reason(e, output), e);
    }
    for (Path report : written) {
      log.info("nixml: wrote " + report);
    }
    return new RunOutcome(result, written, settings.gate(), failing);
  }

  /** Why a report could not be written, in words rather than a Java exception's name. */
  private static String reason(IOException e, Path output) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof FileAlreadyExistsException exists) {
      return exists.getFile() + " is a file, not a directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      boolean elsewhere = fs.getFile() != null && !Path.of(fs.getFile()).equals(output);
      return fs.getReason().toLowerCase(Locale.ROOT) + (elsewhere ? " (" + fs.getFile() + ")" : "");
    }
    return e.getMessage() == null ? "the directory is not writable" : e.getMessage();
  }
}
