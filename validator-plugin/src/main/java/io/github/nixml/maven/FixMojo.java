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
 * Fixes every finding marked (fixable) (docs/rules.md says which rules can fix and how), keeping comments and
 * layout, and names each file it changed (nixml: changed flake.nix). Then validates again and logs what is left.
 * Fails, writing nothing, only when the fixes would introduce a finding at or above failOn; findings that were
 * there before and cannot be fixed do not fail it (nixml:validate still does). With -Dnixml.dryRun=true it prints
 * the unified diff of every change and writes nothing.
 */
@Mojo(name = "fix", requiresProject = false, threadSafe = true)
public class FixMojo extends ChangingMojo {
  // The work is Fixer's (in validate); this goal maps parameters to it and its result to log lines.

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
