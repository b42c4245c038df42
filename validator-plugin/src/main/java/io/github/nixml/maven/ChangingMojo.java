package io.github.nixml.maven;

import io.github.nixml.fix.UnifiedDiff;
import io.github.nixml.report.ConsoleReport;
import io.github.nixml.run.RunLog;
import io.github.nixml.run.ValidateSettings;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Fixer;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that edit the user's files ({@code fix}, {@code set-python}): a dry run, the run around the edit, and
 * how it ends. An edit that succeeded says which files it changed and succeeds, whatever was wrong before it; the
 * goal fails only on findings its own edit would introduce, and then writes nothing.
 */
abstract class ChangingMojo extends ConfiguredMojo {

  /** Prints what would change as a unified diff per file, and writes nothing. */
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

  /**
   * Fails, naming each, when the edit would introduce findings at or above the gate; the fixer then wrote nothing.
   *
   * @param goal the goal as the user called it, {@code fix} or {@code set-python 3.12}
   */
  final void refuseIntroduced(Fixer.FixResult result, ValidateSettings settings, String goal)
      throws MojoFailureException {
    List<Finding> introduced = result.introducedFailing();
    if (introduced.isEmpty()) {
      return;
    }
    for (Finding finding : introduced) {
      getLog().error("nixml: " + goal + " would introduce " + ConsoleReport.line(finding));
    }
    throw new MojoFailureException("nixml: " + goal + " refused, nothing changed: it would introduce "
        + ConsoleReport.findingCount(introduced.size()) + " at or above " + settings.gate().id() + " (above)");
  }

  /** What the edit changed: a unified diff per file in a dry run, else one line per written file. */
  final void logChanges(Fixer.FixResult result) {
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

  /**
   * Logs what is left after the edit, with the summary. What fails the gate there was there before the edit (an
   * edit that would add some is refused first), so it is a warning that {@code nixml:validate} still fails, not
   * this goal's failure: the edit did what was asked.
   */
  final void logLeft(ValidationResult left, ValidateSettings settings, String goal) {
    RunLog log = runLog();
    for (Finding finding : left.findings()) {
      log.finding(finding);
    }
    getLog().info(ConsoleReport.summary(left, settings.gate()));
    long failing = left.countFailing(settings.gate());
    if (failing > 0) {
      getLog().warn("nixml: already there before " + goal + " and left as is: " + ConsoleReport.findingCount(failing)
          + " at or above " + settings.gate().id() + " (nixml:validate still fails; see the log above)");
    }
  }
}
