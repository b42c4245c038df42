package io.github.nixml.maven;

import io.github.nixml.run.ValidateSettings;
import io.github.nixml.validate.Fixer;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.Validator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates, applies every fix the rules offer (see docs/rules.md for which), writes each changed file atomically,
 * then validates again and reports what is left, failing like {@code validate} when that is at or above
 * {@code failOn}. With {@code nixml.dryRun} it prints the unified diff of every change and writes nothing.
 * The work is {@link Fixer}'s; this class maps parameters and results.
 */
@Mojo(name = "fix", requiresProject = false, threadSafe = true)
public class FixMojo extends ChangingMojo {

  @Override
  void change(Validator validator, ValidateSettings settings) throws ValidationException, MojoFailureException {
    Log log = getLog();
    Fixer.FixResult result = new Fixer(validator, settings.gate())
        .fix(new ValidationRequest(root(), settings.config()), dryRun);
    refuseIntroduced(result, settings, "fix");
    for (Fixer.AppliedFix applied : result.applied()) {
      log.info("nixml: " + (dryRun ? "would fix " : "fixed ") + applied);
    }
    logChanges(result);
    for (String note : result.notes()) {
      log.warn("nixml: " + note);
    }
    if (result.changes().isEmpty()) {
      log.info("nixml: nothing to fix");
    }
    logLeft(result.after(), settings, "nixml:fix");
  }
}
