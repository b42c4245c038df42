package io.github.nixml.model;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names nixpkgs' CUDA package set ({@code cudaPackages}, {@code cudaPackages_12_4}) may hold, for a name looked
 * up through {@code with cudaPackages;}: Nix takes the innermost {@code with} that has the name, so
 * {@code with pkgs; with cudaPackages; [ cmake cudatoolkit ]} gives the top level's {@code cmake}. The set is a
 * scope of NVIDIA's redistributables (named after NVIDIA's components: {@code cuda_*}, {@code libcublas},
 * {@code libnvjitlink}…), the toolkit and libraries built on them, and a few helpers; a name none of these kinds
 * is taken as not in it (a member the list misses would be read from the outer {@code with}, as a package that is no
 * CUDA library).
 */
final class CudaScope {
  private static final Pattern SET = Pattern.compile("cudaPackages(_[0-9_]+)?");

  /**
   * NVIDIA's components and the libraries nixpkgs builds in the set, by the prefixes of their names: the CUDA
   * libraries by name, not a bare {@code libcu} or {@code nv} (the top level has {@code libcue}, {@code nvtop},
   * {@code nv-codec-headers}).
   */
  private static final Pattern COMPONENT = Pattern.compile("(cuda|cudnn|nccl|tensorrt|cutensor|cusparselt|cudss"
      + "|cuquantum|cutlass|nsight_|nvidia_|libcublas|libcufft|libcufile|libcurand|libcusolver|libcusparse|libcudla"
      + "|libcutensor|libnpp|libnvjitlink|libnvjpeg|libnvidia_|libnvptxcompiler|libnvfatbin|libnvvm|nvcomp|nvjpeg"
      + "|gdrcopy).*");

  /** The set's helpers: its scope functions, toolchain, versions, setup hooks and tools. */
  private static final Set<String> HELPERS = Set.of("backendStdenv", "callPackage", "newScope", "overrideScope",
      "overrideScope'", "packages", "pkgs", "flags", "autoAddDriverRunpath", "autoAddOpenGLRunpathHook",
      "autoAddCudaCompatRunpath", "autoFixElfFiles", "markForCudatoolkitRootHook", "setupCudaHook",
      "removeStubsFromRunpathHook", "saxpy", "fabricmanager", "imex", "tests", "writeGpuTestPython", "manifests",
      "mft", "driver_assistant", "collectx_bringup");

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
