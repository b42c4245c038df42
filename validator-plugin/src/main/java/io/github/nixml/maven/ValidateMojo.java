package io.github.nixml.maven;

import io.github.nixml.run.ConfigurationException;
import io.github.nixml.run.RunOutcome;
import io.github.nixml.run.ValidateParameters;
import io.github.nixml.run.ValidateSettings;
import io.github.nixml.run.ValidationRun;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.WarmUp;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the Nix flake + Python dev-shell projects under a directory: every directory holding a flake.nix is a
 * project, and every *.nix file is syntax-checked. Prints one line per finding, writes the report files (SARIF by
 * default; JUnit XML and JSON on request) to target/nixml, then fails the build once if any finding is at or above
 * failOn. Bound to the validate phase; runs without a pom too: mvn nixml:validate -Dnixml.directory=path.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, threadSafe = true)
public class ValidateMojo extends ConfiguredMojo {
  // A thin adapter: ValidateParameters checks the parameters, ValidationRun does the run; failing is Maven's
  // (the command line shares both).

  /**
   * Comma-separated report formats: text (one line per finding in the build log), and the files sarif
   * (nixml.sarif), junit (nixml-junit.xml), json (nixml.json) and html (nixml.html, a self-contained page with
   * the findings and each dev shell as nixml understood it), written to outputDirectory.
   */
  @Parameter(property = "nixml.formats", defaultValue = ValidateParameters.DEFAULT_FORMATS)
  private String formats;

  /** Where the report files go. Default: target/nixml under the checked directory. */
  @Parameter(property = "nixml.outputDirectory")
  private File outputDirectory;

  /**
   * An earlier nixml.sarif: findings already in it do not fail the build, only new ones do. Adopt nixml on an old
   * codebase by keeping today's report as the baseline. Default: none, every finding counts.
   */
  @Parameter(property = "nixml.baseline")
  private File baseline;

  @Override
  void addParameters(ValidateParameters parameters) {
    parameters.formats(formats)
        .outputDirectory(outputDirectory == null ? null : outputDirectory.toPath())
        .baseline(baseline == null ? null : baseline.toPath());
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      return;
    }
    WarmUp.start(root());
    Validator validator = new Validator(BuiltInRules.registry());
    ValidateSettings settings = settings(validator.registry());
    RunOutcome outcome;
    try {
      outcome = new ValidationRun(validator, settings, runLog()).run(root());
    } catch (ConfigurationException | ValidationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    if (outcome.failed()) {
      throw new MojoFailureException(outcome.failureMessage("nixml.failOn"));
    }
  }
}
