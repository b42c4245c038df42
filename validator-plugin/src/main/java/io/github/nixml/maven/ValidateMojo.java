package io.github.nixml.maven;

import io.github.nixml.model.Layout;
import io.github.nixml.report.ConsoleReport;
import io.github.nixml.report.ReportFormat;
import io.github.nixml.report.ReportWriter;
import io.github.nixml.report.ToolInfo;
import io.github.nixml.validate.CudaMode;
import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.plugin.AbstractMojo;
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
public class ValidateMojo extends AbstractMojo {

  /** The root to validate; defaults to the project's basedir, else the current directory. */
  @Parameter(property = "nixml.directory")
  private File directory;

  @Parameter(defaultValue = "${basedir}", readonly = true)
  private File basedir;

  /** Skips validation. */
  @Parameter(property = "nixml.skip", defaultValue = "false")
  private boolean skip;

  /** The lowest severity that fails the build: error, warning, note or none. */
  @Parameter(property = "nixml.failOn", defaultValue = "error")
  private String failOn;

  /** Comma-separated report formats: text (console), sarif, junit, json. */
  @Parameter(property = "nixml.formats", defaultValue = "text,sarif")
  private String formats;

  /** Where reports go; defaults to target/nixml under the validated directory. */
  @Parameter(property = "nixml.outputDirectory")
  private File outputDirectory;

  /** The expected dev-shell layout: auto, ld-path or fhs. */
  @Parameter(property = "nixml.layout", defaultValue = "auto")
  private String layout;

  /** CUDA expectations: auto (check where used), required, or off. */
  @Parameter(property = "nixml.cuda", defaultValue = "auto")
  private String cuda;

  /** Comma-separated rule ids not to run. */
  @Parameter(property = "nixml.disabledRules")
  private String disabledRules;

  /** The day the flake.lock age and branch-support rules judge by (ISO date); the clock by default. */
  @Parameter(property = "nixml.today")
  private String today;

  /** A locked nixpkgs older than this many days is stale. */
  @Parameter(property = "nixml.maxLockAgeDays", defaultValue = "30")
  private int maxLockAgeDays = 30;

  /** Comma-separated nixpkgs branches to accept, replacing the list computed from the NixOS release calendar. */
  @Parameter(property = "nixml.supportedBranches")
  private String supportedBranches;

  /** Per-rule severity overrides: rule id to error, warning, note or off. */
  @Parameter
  private Map<String, String> severities;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skip) {
      log.info("nixml: skipped");
      return;
    }
    Path root = root();
    FailOn gate;
    Set<ReportFormat> reportFormats;
    ValidationConfig config;
    try {
      gate = FailOn.parse(failOn);
      reportFormats = ReportFormat.parseList(formats);
      ValidationConfig.Builder builder = ValidationConfig.builder()
          .layout(Layout.parse(layout))
          .cuda(CudaMode.parse(cuda))
          .disable(disabledRules)
          .maxLockAgeDays(maxLockAgeDays)
          .supportedBranches(supportedBranches);
      if (today != null && !today.isBlank()) {
        builder.today(parseDay(today));
      }
      if (severities != null) {
        new TreeMap<>(severities).forEach(builder::severity);
      }
      config = builder.build();
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("nixml: invalid configuration: " + e.getMessage(), e);
    }

    ValidationResult result;
    try {
      result = new Validator(BuiltInRules.registry()).validate(new ValidationRequest(root, config));
    } catch (ValidationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }

    if (reportFormats.contains(ReportFormat.TEXT)) {
      for (Finding finding : result.findings()) {
        String line = ConsoleReport.line(finding);
        switch (finding.severity()) {
          case ERROR -> log.error(line);
          case WARNING -> log.warn(line);
          default -> log.info(line);
        }
      }
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

  private static LocalDate parseDay(String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("nixml.today must be an ISO date like 2026-11-25, not '" + value + "'");
    }
  }

  private Path root() {
    if (directory != null) {
      return directory.toPath();
    }
    if (basedir != null) {
      return basedir.toPath();
    }
    return Path.of(System.getProperty("user.dir"));
  }

  private static String display(Path root, Path report) {
    Path absolute = report.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
  }
}
