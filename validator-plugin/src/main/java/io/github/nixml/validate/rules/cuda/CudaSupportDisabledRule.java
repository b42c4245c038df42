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
 * {@code cuda-support-disabled}: CUDA packages come from a nixpkgs instance without
 * {@code config.cudaSupport = true}. Why: the rest of that package set (torch, opencv, magma…) is then built
 * without CUDA, so the shell mixes CUDA libraries with CPU-only builds and {@code torch.cuda.is_available()} is
 * false, or binary caches miss and everything compiles from source.
 */
public final class CudaSupportDisabledRule extends DevShellRule {

  public CudaSupportDisabledRule() {
    super(RuleDescriptor.of("cuda-support-disabled", Severity.ERROR,
        "CUDA is used but that nixpkgs instance lacks config.cudaSupport = true."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    for (PackageRef ref : CudaRules.firstPerInstance(shell, i -> i.cudaSupport() == Tristate.FALSE)) {
      sink.report(model.at(ref.location()),
          ref.name() + " comes from " + ref.source().input() + " (" + model.where(ref.source().location())
              + "), which lacks config.cudaSupport = true: its other packages are built without CUDA; set it in "
              + "that import",
          List.of(model.at(ref.source().location())));
    }
  }
}
