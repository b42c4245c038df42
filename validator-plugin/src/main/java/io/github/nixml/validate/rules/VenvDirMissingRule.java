package io.github.nixml.validate.rules;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.ShellLayout;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.rules.venv.VenvShellEdits;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code venv-dir-missing}: {@code venvShellHook} is used but the shell sets no {@code venvDir}. Why: the hook
 * stops the shell with "Error: `venvDir` should be set when using `venvShellHook`" and {@code nix develop} exits.
 */
public final class VenvDirMissingRule extends DevShellRule {
  private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of("venv-dir-missing", Severity.ERROR,
      "venvShellHook is used without venvDir.");
  private static final Pattern ASSIGNED = Pattern.compile("(?m)^\\s*(export\\s+)?venvDir=");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  void check(DevShell shell, ShellModel model, FindingSink sink) {
    if (shell.layout() != ShellLayout.LD_PATH || !shell.attributesComplete()) {
      return;
    }
    Optional<PackageRef> hook =
        shell.packages().packages().stream().filter(p -> p.last().equals("venvShellHook")).findFirst();
    if (hook.isEmpty() || shell.env().containsKey("venvDir")) {
      return;
    }
    if (!shell.hooksComplete() || ASSIGNED.matcher(shell.hookText()).find()) {
      return;
    }
    sink.report(model.at(hook.get().location()),
        "venvShellHook is used but venvDir is not set: the hook aborts the shell; add venvDir = \".venv\";",
        List.of(), model.context().flake().flatMap(f -> VenvShellEdits.addVenvDir(f, model.flakePath(), shell)));
  }
}
