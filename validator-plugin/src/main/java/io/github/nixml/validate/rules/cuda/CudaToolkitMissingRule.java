package io.github.nixml.validate.rules.cuda;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.LibraryPath;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.ShellPiece;
import io.github.nixml.model.ShellWord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    if (runtimeInterpolatedOnLibraryPath(shell)) {
      return;
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

  /** {@code export LD_LIBRARY_PATH=${cudatoolkit}/lib:…} (or the variable as an attribute) names the runtime. */
  private static boolean runtimeInterpolatedOnLibraryPath(DevShell shell) {
    Set<Integer> runtimes = new HashSet<>();
    shell.interpolatedPackages().stream().filter(PackageRef::isCudaRuntime)
        .forEach(ref -> runtimes.add(ref.location().offset()));
    List<ShellWord> values = new ArrayList<>();
    shell.hookAssignments().stream().filter(a -> a.name().equals("LD_LIBRARY_PATH"))
        .forEach(a -> values.add(a.value()));
    if (shell.env().containsKey("LD_LIBRARY_PATH")) {
      values.add(shell.env().get("LD_LIBRARY_PATH").value());
    }
    return values.stream().flatMap(value -> value.segments().stream()).anyMatch(segment ->
        segment instanceof ShellWord.Piece piece && piece.piece() instanceof ShellPiece.PackagePath path
            && path.location() != null && runtimes.contains(path.location().offset()));
  }
}
