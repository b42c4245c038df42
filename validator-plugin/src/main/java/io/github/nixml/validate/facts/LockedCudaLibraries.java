package io.github.nixml.validate.facts;

import io.github.nixml.model.PackageRef;
import io.github.nixml.validate.facts.LibraryProviders.Provider;
import io.github.nixml.validate.facts.LockedWheels.LockedPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The CUDA toolkit libraries a lock's Linux wheels load that no sibling {@code nvidia-*} wheel of the lock ships, so
 * that they must come from the host (the shell's library path or {@code targetPkgs}). A minimal table, one entry per
 * kind of CUDA wheel, from what was measured (../shared/wheels/wheel-needs-h200.json, read on an H200 host with torch
 * 2.11.0+cu130 and cupy-cuda13x 14.2.0: each wheel's {@code DT_NEEDED} that it does not ship). The sonames per CUDA
 * major come from {@link LibraryProviders}; a library no row names for that major is unknown and left out. Wheels
 * not in the table (jax plugins, which were not measured) need nothing here.
 */
public final class LockedCudaLibraries {
  private LockedCudaLibraries() {}

  /** One wheel and the toolkit libraries of its CUDA major that the lock leaves to the host. */
  public record Need(LockedPackage wheel, int major, List<Provider> libraries) {
    public Need {
      libraries = List.copyOf(libraries);
    }
  }

  /**
   * The toolkit libraries each kind of CUDA wheel loads, by library stem ({@code cublas} for
   * {@code libcublas.so.N}): torch 2.11.0 and cupy-cuda13x 14.2.0 as measured; torchaudio its {@code libcudart}.
   * cuDNN, NCCL, cuSPARSELt and cuFile are not part of the toolkit and are not listed.
   */
  private static final Map<String, List<String>> NEEDED = Map.of(
      "torch", List.of("cublas", "cublasLt", "cudart", "cufft", "curand", "cusolver", "cusparse", "nvrtc", "cupti"),
      "torchaudio", List.of("cudart"),
      "cupy", List.of("cublas", "cufft", "curand", "cusolver", "cusparse", "nvrtc"));

  /** The {@code nvidia-*} wheel (without its {@code -cuNN} suffix) that ships each library stem. */
  private static final Map<String, String> SHIPPED_BY = Map.of(
      "cublas", "nvidia-cublas", "cublasLt", "nvidia-cublas", "cudart", "nvidia-cuda-runtime",
      "cufft", "nvidia-cufft", "curand", "nvidia-curand", "cusolver", "nvidia-cusolver",
      "cusparse", "nvidia-cusparse", "nvrtc", "nvidia-cuda-nvrtc", "cupti", "nvidia-cuda-cupti");

  /** Every Linux CUDA wheel of the lock that needs toolkit libraries of its major that no sibling ships. */
  public static List<Need> of(LockedWheels lock, LibraryProviders providers) {
    List<LockedPackage> linux = lock.forLinux();
    List<Need> needs = new ArrayList<>();
    for (LockedPackage wheel : linux) {
      OptionalInt major = wheel.cudaMajor();
      List<String> stems = major.isPresent() ? NEEDED.get(kind(wheel.name())) : null;
      if (stems == null) {
        continue;
      }
      List<Provider> missing = new ArrayList<>();
      for (String stem : stems) {
        if (!shippedBySibling(linux, SHIPPED_BY.get(stem), major.getAsInt())) {
          providers.cudaLibrary(stem, major.getAsInt()).ifPresent(missing::add);
        }
      }
      if (!missing.isEmpty()) {
        needs.add(new Need(wheel, major.getAsInt(), missing));
      }
    }
    return needs;
  }

  /**
   * Whether a shell package provides this library: the whole toolkit ({@code cudatoolkit},
   * {@code cudaPackages.cudatoolkit}, a symlinkJoin of the split packages on every release we generate for) or the
   * split package that holds it ({@code cudaPackages.libcublas}, {@code cudaPackages_12.cuda_cudart}).
   */
  public static boolean provides(PackageRef ref, Provider library) {
    if (ref.attrPath().stream().anyMatch(part -> part.startsWith("cudatoolkit"))) {
      return true;
    }
    return library.packages().stream().anyMatch(pkg -> pkg.substring(pkg.lastIndexOf('.') + 1).equals(ref.last()));
  }

  /**
   * Whether the lock holds a CUDA wheel: one whose name or version says a CUDA major ({@link CudaWheelMajor}), or
   * any {@code nvidia-*} package (they load the driver's {@code libcuda.so.1} or {@code libnvidia-ml.so.1}). The
   * first one that is not an {@code nvidia-*} library (torch, cupy), which the user chose, else the first.
   */
  public static Optional<LockedPackage> firstCudaWheel(LockedWheels lock) {
    List<LockedPackage> cuda = lock.forLinux().stream()
        .filter(p -> p.cudaMajor().isPresent() || normalized(p.name()).startsWith("nvidia-"))
        .toList();
    return cuda.stream().filter(p -> !normalized(p.name()).startsWith("nvidia-")).findFirst()
        .or(() -> cuda.stream().findFirst());
  }

  private static boolean shippedBySibling(List<LockedPackage> linux, String base, int major) {
    for (LockedPackage sibling : linux) {
      String name = normalized(sibling.name());
      if (name.equals(base) || name.matches(java.util.regex.Pattern.quote(base) + "-cu\\d{2}")) {
        OptionalInt siblingMajor = sibling.cudaMajor();
        // A sibling whose major is unknown (nvidia-cufft 12.0 of CUDA 13) counts: silent on unknown.
        if (siblingMajor.isEmpty() || siblingMajor.getAsInt() == major) {
          return true;
        }
      }
    }
    return false;
  }

  private static String kind(String name) {
    String n = normalized(name);
    return n.startsWith("cupy-cuda") ? "cupy" : n;
  }

  private static String normalized(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
