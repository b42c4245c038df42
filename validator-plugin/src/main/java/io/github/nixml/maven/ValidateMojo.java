package io.github.nixml.maven;

import io.github.nixml.report.ConsoleReport;
import io.github.nixml.report.ReportFormat;
import io.github.nixml.report.ReportWriter;
import io.github.nixml.report.ToolInfo;
import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates the Nix flake + Python dev-shell projects under a directory: every directory holding a
 * {@code flake.nix} is a project, every {@code *.nix} file is syntax-checked. Logs one line per finding, writes the
 * reports, then fails once if any finding is at or above {@code failOn}.
 *
 * <p>This class only maps parameters to a {@link ValidationRequest} and the {@link ValidationResult} to log lines,
 * reports and exceptions; the validation itself is {@link Validator}'s.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, threadSafe = true)
public class ValidateMojo extends ConfiguredMojo {

  /** Comma-separated report formats: text (console), sarif, junit, json. */
  @Parameter(property = "nixml.formats", defaultValue = "text,sarif")
  private String formats;

  /** Where reports go; defaults to target/nixml under the validated directory. */
  @Parameter(property = "nixml.outputDirectory")
  private File outputDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skipped()) {
      return;
    }
    Path root = root();
    FailOn gate = gate();
    ValidationConfig config = config();
    Set<ReportFormat> reportFormats;
    try {
      reportFormats = ReportFormat.parseList(formats);
    } catch (IllegalArgumentException e) {
      throw invalid(e);
    }

    ValidationResult result;
    try {
      result = new Validator(BuiltInRules.registry()).validate(new ValidationRequest(root, config));
    } catch (ValidationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }

    if (reportFormats.contains(ReportFormat.TEXT)) {
      logFindings(result);
    }
    for (String notice : result.notices()) {
      log.warn("nixml: " + notice);
    }
    log.info(ConsoleReport.summary(result, gate));

    Path output = outputDirectory != null ? outputDirectory.toPath() : result.root().resolve("target/nixml");
    List<Path> written;
    try {
      written = new ReportWriter(ToolInfo.current()).write(result, reportFormats, output);
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException("nixml: cannot write reports to " + output + ": " + e, e);
    }
    for (Path report : written) {
      log.info("nixml: wrote " + report);
    }

    long failing = result.countFailing(gate);
    if (failing > 0) {
      String where = written.stream()
          .filter(p -> p.getFileName().toString().equals(ReportFormat.SARIF.fileName()))
          .findFirst()
          .or(() -> written.stream().findFirst())
          .map(p -> "see " + display(result.root(), p))
          .orElse("see the log above");
      throw new MojoFailureException(failing + (failing == 1 ? " finding" : " findings") + " at or above "
          + gate.id() + "; " + where + " (set nixml.failOn to change the threshold)");
    }
  }

  private static String display(Path root, Path report) {
    Path absolute = report.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
  }
}
