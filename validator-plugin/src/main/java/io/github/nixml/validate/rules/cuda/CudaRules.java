package io.github.nixml.validate.rules.cuda;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.NixpkgsInstance;
import io.github.nixml.model.PackageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What the CUDA rules share: the first CUDA package of each nixpkgs instance of a shell. */
final class CudaRules {
  private CudaRules() {}

  /** For each distinct instance (by input and configuration), the first CUDA package taken from it. */
  static List<PackageRef> firstPerInstance(DevShell shell, Predicate<NixpkgsInstance> selected) {
    return firstPerInstance(shell.cudaPackages(), selected);
  }

  /**
   * The same over the shell's CUDA packages and then the CUDA modules of its {@code withPackages} environments
   * ({@code ps.torchWithCuda}), which evaluation refuses as it refuses the toolkit.
   */
  static List<PackageRef> firstPerInstanceWithModules(DevShell shell, Predicate<NixpkgsInstance> selected) {
    List<PackageRef> refs = new ArrayList<>(shell.cudaPackages());
    shell.packages().pythonModules().stream().filter(PackageRef::isCuda).forEach(refs::add);
    return firstPerInstance(refs, selected);
  }

  private static List<PackageRef> firstPerInstance(List<PackageRef> refs, Predicate<NixpkgsInstance> selected) {
    List<PackageRef> firsts = new ArrayList<>();
    for (PackageRef ref : refs) {
      NixpkgsInstance source = ref.source();
      if (source == null || !selected.test(source)) {
        continue;
      }
      if (firsts.stream().noneMatch(other -> other.source().sameAs(source))) {
        firsts.add(ref);
      }
    }
    return firsts;
  }
}
