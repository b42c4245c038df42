package io.github.nixml.maven;

import io.github.nixml.fix.UnifiedDiff;
import io.github.nixml.report.ConsoleReport;
import io.github.nixml.validate.CudaMode;
import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Fixer;
import io.github.nixml.validate.Layout;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationResult;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters every nixml goal shares (the root, skip, the gate and the validator configuration) and their
 * mapping to a {@link ValidationConfig}; the goals add their own and stay thin.
 */
abstract class ConfiguredMojo extends AbstractMojo {

  /** The root to validate; defaults to the project's basedir, else the current directory. */
  @Parameter(property = "nixml.directory")
  private File directory;

  @Parameter(defaultValue = "${basedir}", readonly = true)
  private File basedir;

  /** Skips the goal. */
  @Parameter(property = "nixml.skip", defaultValue = "false")
  private boolean skip;

  /** The lowest severity that fails the build: error, warning, note or none. */
  @Parameter(property = "nixml.failOn", defaultValue = "error")
  private String failOn;

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

  /** True (and logged) when the goal is skipped. */
  final boolean skipped() {
    if (skip) {
      getLog().info("nixml: skipped");
    }
    return skip;
  }

  /** The validation configuration from the parameters. */
  final ValidationConfig config() throws MojoExecutionException {
    try {
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
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw invalid(e);
    }
  }

  /** The gate from {@code nixml.failOn}. */
  final FailOn gate() throws MojoExecutionException {
    try {
      return FailOn.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw invalid(e);
    }
  }

  static MojoExecutionException invalid(IllegalArgumentException e) {
    return new MojoExecutionException("nixml: invalid configuration: " + e.getMessage(), e);
  }

  /** The root: {@code nixml.directory}, else the project's basedir, else the current directory. */
  final Path root() {
    if (directory != null) {
      return directory.toPath();
    }
    if (basedir != null) {
      return basedir.toPath();
    }
    return Path.of(System.getProperty("user.dir"));
  }

  /** One log line per finding, at the level of its severity. */
  final void logFindings(ValidationResult result) {
    Log log = getLog();
    for (Finding finding : result.findings()) {
      String line = ConsoleReport.line(finding);
      switch (finding.severity()) {
        case ERROR -> log.error(line);
        case WARNING -> log.warn(line);
        default -> log.info(line);
      }
    }
  }

  /** What a fix run changed: a unified diff per file in a dry run, else one line per written file. */
  final void logChanges(Fixer.FixResult result, boolean dryRun) {
    Log log = getLog();
    for (Fixer.FileChange change : result.changes()) {
      if (dryRun) {
        for (String line : UnifiedDiff.of(change.path(), change.before() == null ? "" : change.before(),
            change.after()).split("\n")) {
          log.info(line);
        }
      } else {
        log.info("nixml: " + (change.before() == null ? "created " : "changed ") + change.path());
      }
    }
  }

  /** Logs what is left after a change and fails when that is at or above the gate. */
  final void gateLeft(ValidationResult left, FailOn gate, String when) throws MojoFailureException {
    logFindings(left);
    getLog().info(ConsoleReport.summary(left, gate));
    long failing = left.countFailing(gate);
    if (failing > 0) {
      throw new MojoFailureException(failing + (failing == 1 ? " finding" : " findings") + " at or above "
          + gate.id() + " " + when + "; see the log above (set nixml.failOn to change the threshold)");
    }
  }

  private static LocalDate parseDay(String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("nixml.today must be an ISO date like 2026-11-25, not '" + value + "'");
    }
  }
}
