package io.github.nixml.validate.rules.venv;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.VenvStrategy;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.List;

/**
 * {@code venv-hook-not-run}: the shell has {@code venvShellHook} and its own {@code shellHook}, which never runs
 * {@code runHook venvShellHook}. Why: the hook only installs itself as the shell hook when none is set; a custom
 * {@code shellHook} replaces it, so the venv is silently never created or activated.
 */
public final class VenvHookNotRunRule extends DevShellRule {

  public VenvHookNotRunRule() {
    super(RuleDescriptor.of("venv-hook-not-run", Severity.ERROR,
        "The shell defines its own shellHook but never runs `runHook venvShellHook`."));
  }


  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.layout() != Layout.LD_PATH
        || !shell.packages().anyMatch(p -> p.last().equals("venvShellHook"))) {
      return;
    }
    if (!VenvStrategy.venvShellHookReplaced(shell)) {
      return;
    }
    ShellText hook = shell.hook("shellHook").orElseThrow();
    // the hook may make a venv of its own (`uv venv .venv`): then what is lost is the hook's activation
    boolean madeElsewhere = VenvStrategy.of(shell).stream()
        .anyMatch(strategy -> strategy.kind() != VenvStrategy.Kind.VENV_SHELL_HOOK && strategy.creates());
    sink.report(model.at(hook.location()),
        "this shellHook replaces venvShellHook's own hook and never runs it, so "
            + (madeElsewhere ? "venvShellHook neither activates its venv nor runs postShellHook"
                : "the venv is not created")
            + "; add `runHook venvShellHook` to the shellHook (or move the commands to postShellHook)", List.of(),
        model.editAt(shell.location(), (f, path) -> VenvShellEdits.runVenvHook(f, path, shell)));
  }
}
