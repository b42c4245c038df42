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
 * Moves every project under the directory to another Python in one step, -Dnixml.python=3.13: each interpreter of
 * the flake's dev shells (python3XY, python3XYPackages.venvShellHook, ...), .python-version, and the lower bound of
 * requires-python in pyproject.toml when it would exclude the new version. Names each file it changed, then
 * validates and logs what is left. Refuses, changing nothing, when it cannot see every interpreter (naming the
 * place) or when the move would introduce a finding at or above failOn; findings that were there before do not
 * fail it. With -Dnixml.dryRun=true it prints the unified diff of every change and writes nothing.
 */
@Mojo(name = "set-python", requiresProject = false, threadSafe = true)
public class SetPythonMojo extends ChangingMojo {
  // The work is PythonSwitch's; this goal maps parameters to it and its result to log lines.

  /** The Python version to move to: 3.10, 3.11, 3.12, 3.13 or 3.14. */
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
