package io.github.nixml.validate.rules.cuda;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.LibraryPath;
import io.github.nixml.model.PackageRef;
import io.github.nixml.validate.CudaMode;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;

/**
 * {@code cuda-toolkit-missing}: CUDA is required ({@code nixml.cuda=required}) or used by the shell, but no CUDA
 * toolkit or runtime ({@code cudatoolkit}, {@code cudaPackages.cuda_cudart}) is on the library path (ld-path) or
 * in {@code targetPkgs} (FHS). Why: CUDA wheels then fail at import with "libcudart.so.12: cannot open shared
 * object file", or silently fall back to the CPU.
 */
public final class CudaToolkitMissingRule extends DevShellRule {

  public CudaToolkitMissingRule() {
    super(RuleDescriptor.of("cuda-toolkit-missing", Severity.ERROR,
        "CUDA is required or used, but no CUDA toolkit or runtime is on the library path or in targetPkgs."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (!model.cudaWanted(shell)) {
      return;
    }
    String why = model.context().config().cuda() == CudaMode.REQUIRED ? "nixml.cuda is required"
        : "the shell uses CUDA";
    if (shell.layout() == Layout.FHS) {
      if (!shell.packages().complete() || shell.packages().anyMatch(PackageRef::isCudaRuntime)) {
        return;
      }
      sink.report(model.at(shell.packagesLocation() != null ? shell.packagesLocation() : shell.location()),
          why + " but targetPkgs has no CUDA toolkit: add cudatoolkit (or cudaPackages.cuda_cudart)");
      return;
    }
    if (shell.layout() != Layout.LD_PATH) {
      return; // a devshell has no library-list convention to check
    }
    if (shell.libraryPaths().isEmpty()) {
      if (shell.attributesComplete() && shell.hooksComplete()) {
        sink.report(model.at(shell.location()), why + " but the shell puts no library list on LD_LIBRARY_PATH; "
            + "add NIX_LD_LIBRARY_PATH = lib.makeLibraryPath [ … cudatoolkit ] and export it");
      }
      return;
    }
    for (LibraryPath path : shell.libraryPaths()) {
      if (!path.entries().complete() || path.entries().anyMatch(PackageRef::isCudaRuntime)) {
        return;
      }
    }
    sink.report(model.at(shell.libraryPaths().get(0).location()),
        why + " but this library list has no CUDA toolkit: add cudatoolkit (or cudaPackages.cuda_cudart), "
            + "guarded by lib.optionals stdenv.isLinux");
  }
}
