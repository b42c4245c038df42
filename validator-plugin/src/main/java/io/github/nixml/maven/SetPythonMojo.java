package io.github.nixml.maven;

import io.github.nixml.run.ValidateSettings;
import io.github.nixml.validate.Fixer;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.python.PythonSwitch;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Moves every project under the root to another Python ({@code -Dnixml.python=3.13}): every interpreter site of
 * the flake's dev shells, {@code .python-version}, and the lower bound of {@code requires-python} when it would
 * exclude the new version; then validates. Refuses, changing nothing, when it cannot see every interpreter site.
 * The work is {@link PythonSwitch}'s; this class maps parameters and results.
 */
@Mojo(name = "set-python", requiresProject = false, threadSafe = true)
public class SetPythonMojo extends ChangingMojo {

  /** The Python to move to: 3.10 to 3.14. */
  @Parameter(property = "nixml.python", required = true)
  private String python;

  @Override
  void change(Validator validator, ValidateSettings settings) throws ValidationException, MojoFailureException {
    Log log = getLog();
    PythonSwitch.Result result = new PythonSwitch(validator, settings.gate())
        .switchTo(new ValidationRequest(root(), settings.config()), python == null ? "" : python.trim(), dryRun);
    if (!result.refusals().isEmpty()) {
      for (String refusal : result.refusals()) {
        log.error("nixml: " + refusal);
      }
      throw new MojoFailureException("nixml: set-python " + python + " refused, nothing changed ("
          + result.refusals().size() + (result.refusals().size() == 1 ? " reason" : " reasons") + " above)");
    }
    Fixer.FixResult applied = result.applied().orElseThrow();
    refuseIntroduced(applied, settings, "set-python " + python);
    logChanges(applied);
    if (applied.changes().isEmpty()) {
      log.info("nixml: already on Python " + python + ", nothing to change");
    }
    for (String venv : result.staleVenvs()) {
      log.warn("nixml: " + venv + " was made by the old interpreter: remove it (rm -rf " + venv
          + ") and enter the shell again to recreate it");
    }
    logLeft(applied.after(), settings, "nixml:set-python");
  }
}
