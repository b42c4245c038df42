package io.github.nixml.validate.rules.cuda;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.PackageRef;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.List;

/**
 * {@code cuda-mixed-nixpkgs}: CUDA packages come from more than one nixpkgs instance (e.g. {@code pkgs.cudatoolkit}
 * and {@code mpkgs.cudaPackages.cudnn}). Why: two CUDA versions end up on one library path; the first
 * {@code libcudart}/{@code libcudnn} found wins and the other library crashes with version or symbol errors.
 */
public final class CudaMixedNixpkgsRule extends DevShellRule {

  public CudaMixedNixpkgsRule() {
    super(RuleDescriptor.of("cuda-mixed-nixpkgs", Severity.WARNING,
        "CUDA packages come from more than one nixpkgs instance."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    List<PackageRef> firsts = CudaRules.firstPerInstance(shell, instance -> true);
    for (int i = 1; i < firsts.size(); i++) {
      PackageRef first = firsts.get(0);
      PackageRef other = firsts.get(i);
      sink.report(model.at(other.location()),
          other.name() + " comes from " + other.source().input() + " but " + first.name() + " ("
              + model.where(first.location()) + ") comes from " + first.source().input()
              + "; take every CUDA package from one nixpkgs instance",
          List.of(model.at(first.location())));
    }
  }
}
