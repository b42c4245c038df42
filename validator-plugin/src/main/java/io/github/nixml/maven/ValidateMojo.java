package io.github.nixml.maven;

import io.github.nixml.run.ConfigurationException;
import io.github.nixml.run.RunLog;
import io.github.nixml.run.RunOutcome;
import io.github.nixml.run.ValidateParameters;
import io.github.nixml.run.ValidateSettings;
import io.github.nixml.run.ValidationRun;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the Nix flake + Python dev-shell projects under a directory: every directory holding a {@code flake.nix} is
 * a project, every {@code *.nix} file is syntax-checked. Prints one line per finding, writes the reports (SARIF by
 * default, also JUnit XML and JSON), then fails the build once if any finding is at or above {@code failOn}.
 * Runs without a pom too: {@code mvn nixml:validate -Dnixml.directory=path}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

  /** The directory to check; defaults to the project's directory, or the current directory without a pom. */
  @Parameter(property = "nixml.directory")
  private File directory;

  @Parameter(defaultValue = "${basedir}", readonly = true)
  private File basedir;

  /** Skips the check. */
  @Parameter(property = "nixml.skip", defaultValue = "false")
  private boolean skip;

  /** The lowest severity that fails the build: error, warning, note, or none to never fail. */
  @Parameter(property = "nixml.failOn", defaultValue = ValidateParameters.DEFAULT_FAIL_ON)
  private String failOn;

  /** Comma-separated report formats: text (the build log), sarif, junit, json. */
  @Parameter(property = "nixml.formats", defaultValue = ValidateParameters.DEFAULT_FORMATS)
  private String formats;

  /** Where the report files go; defaults to target/nixml under the checked directory. */
  @Parameter(property = "nixml.outputDirectory")
  private File outputDirectory;

  /** The dev-shell layout you use: auto (any), ld-path (mkShell with LD_LIBRARY_PATH) or fhs (buildFHSEnv). */
  @Parameter(property = "nixml.layout", defaultValue = ValidateParameters.DEFAULT_LAYOUT)
  private String layout;

  /** What to expect of CUDA: auto (check it where the flake uses it), required, or off. */
  @Parameter(property = "nixml.cuda", defaultValue = ValidateParameters.DEFAULT_CUDA)
  private String cuda;

  /** Comma-separated ids of rules not to run (see docs/rules.md). */
  @Parameter(property = "nixml.disabledRules")
  private String disabledRules;

  /** The day the flake.lock age and branch-support rules judge by, as an ISO date (2026-11-25); today by default. */
  @Parameter(property = "nixml.today")
  private String today;

  /** A locked nixpkgs older than this many days is reported as stale. */
  @Parameter(property = "nixml.maxLockAgeDays", defaultValue = ValidateParameters.DEFAULT_MAX_LOCK_AGE_DAYS)
  private int maxLockAgeDays = Integer.parseInt(ValidateParameters.DEFAULT_MAX_LOCK_AGE_DAYS);

  /** Files larger than this many bytes are reported and not read. */
  @Parameter(property = "nixml.maxFileBytes", defaultValue = ValidateParameters.DEFAULT_MAX_FILE_BYTES)
  private long maxFileBytes = Long.parseLong(ValidateParameters.DEFAULT_MAX_FILE_BYTES);

  /** Comma-separated nixpkgs branches to accept, replacing the list computed from the NixOS release calendar. */
  @Parameter(property = "nixml.supportedBranches")
  private String supportedBranches;

  /**
   * An earlier nixml.sarif: findings already in it do not fail the build, only new ones do. Adopt nixml on an old
   * codebase by keeping today's report as the baseline.
   */
  @Parameter(property = "nixml.baseline")
  private File baseline;

  /** Per-rule severities: {@code <rule-id>error|warning|note|off</rule-id>}. */
  @Parameter
  private Map<String, String> severities;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skip) {
      log.info("nixml: skipped");
      return;
    }
    Validator validator = new Validator(BuiltInRules.registry());
    RunOutcome outcome;
    try {
      ValidateSettings settings = new ValidateParameters()
          .failOn(failOn)
          .formats(formats)
          .outputDirectory(outputDirectory == null ? null : outputDirectory.toPath())
          .layout(layout)
          .cuda(cuda)
          .disabledRules(disabledRules)
          .today(today)
          .maxLockAgeDays(maxLockAgeDays)
          .maxFileBytes(maxFileBytes)
          .supportedBranches(supportedBranches)
          .severities(severities)
          .baseline(baseline == null ? null : baseline.toPath())
          .settings(validator.registry());
      outcome = new ValidationRun(validator, settings, new MavenRunLog(log)).run(root());
    } catch (ConfigurationException | ValidationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    if (outcome.failed()) {
      throw new MojoFailureException(outcome.failureMessage("nixml.failOn"));
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

  /** Finding lines at their Maven log level. */
  private static final class MavenRunLog implements RunLog {
    private final Log log;

    MavenRunLog(Log log) {
      this.log = log;
    }

    @Override
    public void error(String line) {
      log.error(line);
    }

    @Override
    public void warn(String line) {
      log.warn(line);
    }

    @Override
    public void info(String line) {
      log.info(line);
    }
  }
}
