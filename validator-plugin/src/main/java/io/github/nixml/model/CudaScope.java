package io.github.nixml.model;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names nixpkgs' CUDA package set ({@code cudaPackages}, {@code cudaPackages_12_4}) may hold, for a name looked
 * up through {@code with cudaPackages;}: Nix takes the innermost {@code with} that has the name, so
 * {@code with pkgs; with cudaPackages; [ cmake cudatoolkit ]} gives the top level's {@code cmake}. The set is a
 * scope of NVIDIA's redistributables (named after NVIDIA's components: {@code cuda_*}, {@code libcu*},
 * {@code libnv*}…), the toolkit and libraries built on them, and a few helpers; anything else is not in it.
 */
final class CudaScope {
  private static final Pattern SET = Pattern.compile("cudaPackages(_[0-9_]+)?");

  /** NVIDIA's components and the libraries nixpkgs builds in the set, by the prefixes of their names. */
  private static final Pattern COMPONENT = Pattern.compile(
      "(cuda|libcu|libnv|libnpp|cudnn|nccl|tensorrt|cutensor|cusparselt|cudss|cuquantum|nsight|nvidia|nv|gdrcopy)"
          + ".*");

  /** The set's helpers: its scope functions, toolchain, versions and setup hooks. */
  private static final Set<String> HELPERS = Set.of("backendStdenv", "callPackage", "newScope", "overrideScope",
      "overrideScope'", "packages", "pkgs", "flags", "autoAddDriverRunpath", "autoAddOpenGLRunpathHook",
      "autoAddCudaCompatRunpath", "autoFixElfFiles", "markForCudatoolkitRootHook", "setupCudaHook", "saxpy",
      "fabricmanager", "imex", "tests", "writeGpuTestPython");

  private CudaScope() {
  }

  /** Whether an attribute path names a CUDA package set. */
  static boolean isCudaSet(List<String> path) {
    return path.size() == 1 && SET.matcher(path.get(0)).matches();
  }

  /** Whether the CUDA set may hold {@code name}: false only for a name that is none of its kinds. */
  static boolean mayHold(String name) {
    return COMPONENT.matcher(name).matches() || HELPERS.contains(name);
  }
}
