package io.github.nixml.validate.rules.venv;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;

/**
 * {@code venv-hook-missing}: an ld-path shell ({@code mkShell}) has no {@code venvShellHook}. Why: nothing creates
 * or activates {@code .venv}, so {@code uv pip install} and {@code pip install} write into the read-only Nix store
 * ("Read-only file system") or into the user's global site-packages. A shell whose own hooks activate a venv
 * ({@code source .venv/bin/activate}) does the hook's job and is left alone.
 */
public final class VenvHookMissingRule extends DevShellRule {

  public VenvHookMissingRule() {
    super(RuleDescriptor.of("venv-hook-missing", Severity.ERROR,
        "An ld-path shell has no venvShellHook."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.layout() != Layout.LD_PATH || !shell.packages().complete()) {
      return;
    }
    if (shell.packages().anyMatch(p -> p.last().equals("venvShellHook"))) {
      return;
    }
    if (!shell.hooksComplete() || VenvCommands.anyActivates(shell.hookCommands())) {
      return;
    }
    sink.report(model.at(shell.location()),
        "this mkShell has no venvShellHook, so nothing creates or activates the venv; add "
            + "python3XYPackages.venvShellHook (the interpreter's own package set) to packages and set venvDir");
  }
}
