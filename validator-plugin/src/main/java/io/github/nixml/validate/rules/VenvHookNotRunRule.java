package io.github.nixml.validate.rules;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.ShellLayout;
import io.github.nixml.model.ShellText;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.rules.venv.VenvShellEdits;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code venv-hook-not-run}: the shell has {@code venvShellHook} and its own {@code shellHook}, which never runs
 * {@code runHook venvShellHook}. Why: the hook only installs itself as the shell hook when none is set; a custom
 * {@code shellHook} replaces it, so the venv is silently never created or activated.
 */
public final class VenvHookNotRunRule extends DevShellRule {
  private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of("venv-hook-not-run", Severity.ERROR,
      "The shell defines its own shellHook but never runs `runHook venvShellHook`.");
  private static final Pattern RUNS = Pattern.compile("(?m)(\\brunHook\\s+venvShellHook\\b|^\\s*venvShellHook\\s*(;|$))");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  void check(DevShell shell, ShellModel model, FindingSink sink) {
    if (shell.layout() != ShellLayout.LD_PATH
        || !shell.packages().anyMatch(p -> p.last().equals("venvShellHook"))) {
      return;
    }
    Optional<ShellText> hook = shell.hook("shellHook");
    if (hook.isEmpty() || !hook.get().complete() || RUNS.matcher(hook.get().text()).find()) {
      return;
    }
    sink.report(model.at(hook.get().location()),
        "this shellHook replaces venvShellHook's own hook and never runs it, so the venv is not created; "
            + "add `runHook venvShellHook` to the shellHook (or move the commands to postShellHook)", List.of(),
        model.context().flake().flatMap(f -> VenvShellEdits.runVenvHook(f, model.flakePath(), shell)));
  }
}
