package io.github.nixml.validate.rules;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.ShellLayout;
import io.github.nixml.model.ShellText;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.rules.shell.FhsShellEdits;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fhs-shell-not-provided}: the FHS {@code runScript} starts a shell ({@code zsh}, {@code fish}…) that is
 * not in {@code targetPkgs}. Why: inside the FHS sandbox only {@code targetPkgs} (plus bash) are on PATH, so entering
 * the shell fails with "zsh: command not found", or picks up the host's binary with mismatched libraries.
 */
public final class FhsShellNotProvidedRule extends DevShellRule {
  private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of("fhs-shell-not-provided", Severity.WARNING,
      "runScript names a shell that is not in targetPkgs.");
  /** Shell commands and the nixpkgs attribute that provides each; bash and sh come with every FHS env. */
  private static final Map<String, String> SHELLS = Map.of("zsh", "zsh", "fish", "fish", "nu", "nushell",
      "xonsh", "xonsh", "elvish", "elvish", "tcsh", "tcsh", "ksh", "ksh", "mksh", "mksh", "dash", "dash");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  void check(DevShell shell, ShellModel model, FindingSink sink) {
    Optional<ShellText> runScript = shell.runScript();
    if (shell.layout() != ShellLayout.FHS || runScript.isEmpty() || !runScript.get().complete()
        || !shell.packages().complete()) {
      return;
    }
    String[] words = runScript.get().text().strip().split("\\s+");
    String command = words.length == 0 ? "" : words[0];
    if (command.contains("/") || command.contains("$") || !SHELLS.containsKey(command)) {
      return;
    }
    String attribute = SHELLS.get(command);
    if (shell.packages().anyMatch(p -> p.last().equals(attribute) || p.last().equals(command))) {
      return;
    }
    sink.report(model.at(runScript.get().location()),
        "runScript starts " + command + " but targetPkgs does not provide it; add " + attribute
            + " to targetPkgs (or use \"bash\")", List.of(),
        model.context().flake().flatMap(f -> FhsShellEdits.addToTargetPkgs(f, model.flakePath(), shell, attribute)));
  }
}
