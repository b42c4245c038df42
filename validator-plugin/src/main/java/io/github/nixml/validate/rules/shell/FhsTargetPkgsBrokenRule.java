package io.github.nixml.validate.rules.shell;

import io.github.nixml.fix.TargetPkgsEdits;
import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.ShellBreakage;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import java.util.List;

/**
 * {@code fhs-target-pkgs-broken}: building a {@code buildFHSEnv} fails in its {@code targetPkgs} (or
 * {@code multiPkgs}): it is a list, which the builder calls with its package set ({@code targetPkgs pkgs}), or its
 * value is a type error ({@code [ … ] ++ aFunction}). Why: Nix stops there on every system, and the shell never
 * opens.
 */
public final class FhsTargetPkgsBrokenRule extends DevShellRule {

  public FhsTargetPkgsBrokenRule() {
    super(RuleDescriptor.of("fhs-target-pkgs-broken", Severity.ERROR,
        "A buildFHSEnv's targetPkgs or multiPkgs makes Nix fail: a list where a function is called, or a type error."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.layout() != Layout.FHS) {
      return;
    }
    for (ShellBreakage breakage : shell.breakages()) {
      String attribute = breakage.attribute();
      if (breakage.kind() == ShellBreakage.Kind.NOT_A_FUNCTION) {
        sink.report(model.at(breakage.location()),
            attribute + " is a list, but buildFHSEnv calls it with its package set (`" + attribute + " pkgs`), so "
                + "building the shell fails with \"" + breakage.nixError() + "\"; make it a function: `" + attribute
                + " = pkgs: [ … ];`", List.of(),
            model.editAt(shell.location(), (f, path) -> TargetPkgsEdits.makeFunction(f, path, shell, attribute)));
      } else if (breakage.kind() == ShellBreakage.Kind.TYPE_ERROR) {
        sink.report(model.at(breakage.location()), "building the shell fails here, in " + attribute + ": \""
            + breakage.nixError() + "\"");
      }
    }
  }
}
