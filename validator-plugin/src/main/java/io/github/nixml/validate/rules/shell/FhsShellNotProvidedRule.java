package io.github.nixml.validate.rules.shell;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellText;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fhs-shell-not-provided}: the FHS {@code runScript} starts a shell ({@code zsh}, {@code fish}…) that is
 * not in {@code targetPkgs}. Why: inside the FHS sandbox only {@code targetPkgs} (plus bash) are on PATH, so entering
 * the shell fails with "zsh: command not found", or picks up the host's binary with mismatched libraries.
 */
public final class FhsShellNotProvidedRule extends DevShellRule {

  public FhsShellNotProvidedRule() {
    super(RuleDescriptor.of("fhs-shell-not-provided", Severity.WARNING,
        "runScript names a shell that is not in targetPkgs."));
  }
  /** Shell commands and the nixpkgs attribute that provides each; bash and sh come with every FHS env. */
  private static final Map<String, String> SHELLS = Map.of("zsh", "zsh", "fish", "fish", "nu", "nushell",
      "xonsh", "xonsh", "elvish", "elvish", "tcsh", "tcsh", "ksh", "ksh", "mksh", "mksh", "dash", "dash");

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    Optional<ShellText> runScript = shell.runScript();
    if (shell.layout() != Layout.FHS || runScript.isEmpty() || !runScript.get().complete()
        || !shell.packages().complete()) {
      return;
    }
    List<ShellCommand> commands = runScript.get().commands();
    String command = commands.isEmpty() || commands.get(0).invocation().isEmpty() ? null
        : commands.get(0).invocation().get(0).literal();
    if (command == null || command.contains("/") || !SHELLS.containsKey(command)) {
      return;
    }
    String attribute = SHELLS.get(command);
    if (shell.packages().anyMatch(p -> p.last().equals(attribute) || p.last().equals(command))) {
      return;
    }
    sink.report(model.at(runScript.get().location()),
        "runScript starts " + command + " but targetPkgs does not provide it; add " + attribute
            + " to targetPkgs (or use \"bash\")", List.of(),
        model.editAt(shell.location(), (f, path) -> FhsShellEdits.addToTargetPkgs(f, path, shell, attribute)));
  }
}
