package io.github.nixml.maven;

import io.github.nixml.run.ConfigurationException;
import io.github.nixml.run.RunLog;
import io.github.nixml.run.ValidateParameters;
import io.github.nixml.run.ValidateSettings;
import io.github.nixml.validate.RuleRegistry;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters every nixml goal shares (the root, skip, the gate and the validator's configuration), turned into
 * checked settings by {@link ValidateParameters}, the one place that knows their defaults and their errors (the
 * command line uses it too). The goals add their own parameters and stay thin.
 */
abstract class ConfiguredMojo extends AbstractMojo {

  /**
   * The directory to work on: every directory under it holding a flake.nix is a project. Default: the project's
   * directory, or the current directory when run without a pom.
   */
  @Parameter(property = "nixml.directory")
  private File directory;

  // Maven's own project directory, read only: the fallback for directory.
  @Parameter(defaultValue = "${basedir}", readonly = true)
  private File basedir;

  /** Skips the goal: nothing is checked or changed. */
  @Parameter(property = "nixml.skip", defaultValue = "false")
  private boolean skip;

  /**
   * The lowest severity that fails the build: error, warning, note, or none to never fail. validate fails on any
   * finding at or above it; fix and set-python fail, writing nothing, only on such findings their own change would
   * introduce.
   */
  @Parameter(property = "nixml.failOn", defaultValue = ValidateParameters.DEFAULT_FAIL_ON)
  private String failOn;

  /**
   * The dev-shell layout your flakes use: auto (recognise either), ld-path (pkgs.mkShell exporting
   * LD_LIBRARY_PATH) or fhs (pkgs.buildFHSEnv).
   */
  @Parameter(property = "nixml.layout", defaultValue = ValidateParameters.DEFAULT_LAYOUT)
  private String layout;

  /**
   * What to expect of CUDA: auto (check CUDA where a flake uses it), required (every shell must provide it) or
   * off (no shell may).
   */
  @Parameter(property = "nixml.cuda", defaultValue = ValidateParameters.DEFAULT_CUDA)
  private String cuda;

  /**
   * Comma-separated ids of rules not to run, as printed in brackets after each finding (every rule is described
   * in docs/rules.md). Default: none, every rule runs.
   */
  @Parameter(property = "nixml.disabledRules")
  private String disabledRules;

  /**
   * The day the flake.lock age and nixpkgs branch-support rules judge by, as an ISO date such as 2026-11-25.
   * Default: today.
   */
  @Parameter(property = "nixml.today")
  private String today;

  /** A locked nixpkgs older than this many days is reported as stale (flake-lock-stale). */
  @Parameter(property = "nixml.maxLockAgeDays", defaultValue = ValidateParameters.DEFAULT_MAX_LOCK_AGE_DAYS)
  private int maxLockAgeDays = Integer.parseInt(ValidateParameters.DEFAULT_MAX_LOCK_AGE_DAYS);

  /** Files larger than this many bytes are reported (file-too-large) and not read. */
  @Parameter(property = "nixml.maxFileBytes", defaultValue = ValidateParameters.DEFAULT_MAX_FILE_BYTES)
  private long maxFileBytes = Long.parseLong(ValidateParameters.DEFAULT_MAX_FILE_BYTES);

  /**
   * Comma-separated nixpkgs branches to accept, such as nixos-26.05,nixos-unstable. Default: the branches the
   * NixOS release calendar supports on the day the rules judge by.
   */
  @Parameter(property = "nixml.supportedBranches")
  private String supportedBranches;

  /**
   * Per-rule severities, in the plugin's configuration, each error, warning, note or off (the rule does not run):
   * {@code <severities><uv-python-downloads>error</uv-python-downloads></severities>}. Default: each rule's own.
   */
  @Parameter
  private Map<String, String> severities;

  /** True (and logged) when the goal is skipped. */
  final boolean skipped() {
    if (skip) {
      getLog().info("nixml: skipped");
    }
    return skip;
  }

  /** The shared parameters; a goal adds its own by overriding {@link #addParameters}. */
  final ValidateSettings settings(RuleRegistry rules) throws MojoExecutionException {
    ValidateParameters parameters = new ValidateParameters()
        .failOn(failOn)
        .layout(layout)
        .cuda(cuda)
        .disabledRules(disabledRules)
        .today(today)
        .maxLockAgeDays(maxLockAgeDays)
        .maxFileBytes(maxFileBytes)
        .supportedBranches(supportedBranches)
        .severities(severities);
    addParameters(parameters);
    try {
      return parameters.settings(rules);
    } catch (ConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** Adds the goal's own parameters; none by default. */
  void addParameters(ValidateParameters parameters) {}

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

  /** The run's lines in Maven's log, each at its level. */
  final RunLog runLog() {
    Log log = getLog();
    return new RunLog() {
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
    };
  }
}
