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
    List<PackageRef> firsts = new ArrayList<>();
    for (PackageRef ref : shell.cudaPackages()) {
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
