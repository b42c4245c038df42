package io.github.nixml.validate.rules.libraries;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.ShellWord;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code env-var-unset-source}: a hook exports a variable whose value reads one of the variables a dev shell
 * itself is meant to set ({@code $NIX_LD_LIBRARY_PATH}, {@code $CUDA_PATH}, {@code $venvDir}…), while nothing in
 * the shell sets it: no attribute, no {@code env} entry, no earlier assignment in a hook. Why: the reference
 * expands to nothing (or, for {@code NIX_LD_LIBRARY_PATH} on NixOS with nix-ld, to the system's libraries, not the
 * shell's), so {@code export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH:…} silently drops the libraries the wheels need.
 * Only these shell-convention variables are judged: anything else may come from the user's environment.
 */
public final class EnvVarUnsetSourceRule extends DevShellRule {

  /** Of those, the Linux loader's and CUDA's: no shell read for Darwin alone needs them set. */
  private static final Set<String> LINUX_ONLY = Set.of("NIX_LD_LIBRARY_PATH", "NIX_LD", "CUDA_PATH", "CUDA_HOME",
      "CUDNN_PATH");

  /** Variables that only the dev shell itself sets, by convention. */
  private static final Set<String> SHELL_SET = Set.of("NIX_LD_LIBRARY_PATH", "NIX_LD", "CUDA_PATH", "CUDA_HOME",
      "CUDNN_PATH", "venvDir", "UV_PROJECT_ENVIRONMENT");

  public EnvVarUnsetSourceRule() {
    super(RuleDescriptor.of("env-var-unset-source", Severity.WARNING,
        "An exported value reads a variable that nothing in the shell sets."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (!shell.attributesComplete() || !shell.hooksComplete()) {
      return;
    }
    Set<String> set = new HashSet<>(shell.env().keySet());
    Set<String> reported = new HashSet<>();
    for (ShellText hook : shell.hooks()) {
      for (ShellCommand command : hook.commands()) {
        for (ShellCommand.Assignment assignment : command.assignments()) {
          for (ShellWord.Segment segment : assignment.value().segments()) {
            if (segment instanceof ShellWord.Variable variable && SHELL_SET.contains(variable.name())
                && !(shell.onlyOffLinux() && LINUX_ONLY.contains(variable.name()))
                && !set.contains(variable.name()) && !variable.name().equals(assignment.name())
                && reported.add(variable.name())) {
              sink.report(model.at(hook.location()), hook.name() + " sets " + assignment.name() + " from $"
                  + variable.name() + ", which nothing in the shell sets, so it expands to nothing; set "
                  + variable.name() + " in the shell (e.g. " + variable.name() + " = lib.makeLibraryPath [ … ];)"
                  + " or use the value itself");
            }
          }
          set.add(assignment.name());
        }
      }
    }
  }
}
