package io.github.nixml.maven;

import io.github.nixml.run.ValidateSettings;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that edit the user's files ({@code fix}, {@code set-python}): a dry run, and the run around the edit. */
abstract class ChangingMojo extends ConfiguredMojo {

  /** Prints what would change as a unified diff, and writes nothing. */
  @Parameter(property = "nixml.dryRun", defaultValue = "false")
  boolean dryRun;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      return;
    }
    Validator validator = new Validator(BuiltInRules.registry());
    ValidateSettings settings = settings(validator.registry());
    try {
      change(validator, settings);
    } catch (ValidationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** The goal's edit, its log lines and its gate. */
  abstract void change(Validator validator, ValidateSettings settings)
      throws ValidationException, MojoFailureException;
}
