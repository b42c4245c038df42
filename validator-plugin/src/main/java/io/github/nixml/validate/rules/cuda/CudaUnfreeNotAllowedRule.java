package io.github.nixml.validate.rules.cuda;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.Tristate;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.List;

/**
 * {@code cuda-unfree-not-allowed}: a CUDA package (or a CUDA module of a {@code withPackages} environment,
 * {@code ps.torchWithCuda}) comes from a nixpkgs instance that allows no unfree package
 * (no {@code config.allowUnfree = true}, no {@code allowUnfreePredicate}); {@code nixpkgs.legacyPackages} counts
 * as such. Why: evaluation stops with "Package 'cudatoolkit-…' has an unfree license ('CUDA EULA'), refusing to
 * evaluate" and the shell never starts.
 */
public final class CudaUnfreeNotAllowedRule extends DevShellRule {

  public CudaUnfreeNotAllowedRule() {
    super(RuleDescriptor.of("cuda-unfree-not-allowed", Severity.ERROR,
        "CUDA comes from a nixpkgs instance without allowUnfree (or an unfree predicate)."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    // nix-shell evaluates with the user's environment, which may allow unfree packages where the file does not
    String refusal = model.context().nixShellProject()
        ? "nix-shell refuses it on every machine without NIXPKGS_ALLOW_UNFREE=1 or allowUnfree in "
            + "~/.config/nixpkgs/config.nix"
        : "evaluation refuses it";
    for (PackageRef ref : CudaRules.firstPerInstanceWithModules(shell, i -> i.unfreeAllowed() == Tristate.FALSE)) {
      sink.report(model.at(ref.location()),
          ref.name() + (ref.pythonModule() ? " builds on CUDA, which is unfree," : " is unfree") + " but comes from "
              + ref.source().input() + " (" + model.where(ref.source().location()) + "), which does not allow "
              + "unfree packages: " + refusal + "; set config.allowUnfree = true in that import",
          List.of(model.at(ref.source().location())));
    }
  }
}
