package io.github.nixml.validate.rules.venv;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.PackageRef;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.List;
import java.util.Optional;

/**
 * {@code venv-dir-missing}: {@code venvShellHook} is used but the shell sets no {@code venvDir}. Why: the hook
 * stops the shell with "Error: `venvDir` should be set when using `venvShellHook`" and {@code nix develop} exits.
 */
public final class VenvDirMissingRule extends DevShellRule {

  public VenvDirMissingRule() {
    super(RuleDescriptor.of("venv-dir-missing", Severity.ERROR,
        "venvShellHook is used without venvDir."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.layout() != Layout.LD_PATH || !shell.attributesComplete()) {
      return;
    }
    Optional<PackageRef> hook =
        shell.packages().packages().stream().filter(p -> p.last().equals("venvShellHook")).findFirst();
    if (hook.isEmpty() || shell.env().containsKey("venvDir")) {
      return;
    }
    if (!shell.hooksComplete() || shell.hookAssignments().stream().anyMatch(a -> a.name().equals("venvDir"))) {
      return;
    }
    sink.report(model.at(hook.get().location()),
        "venvShellHook is used but venvDir is not set: the hook aborts the shell; add venvDir = \".venv\";",
        List.of(), model.editAt(shell.location(), (f, path) -> VenvShellEdits.addVenvDir(f, path, shell)));
  }
}
