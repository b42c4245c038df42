package io.github.nixml.validate.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.model.PackageRef;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.toml.TomlDocument;
import io.github.nixml.validate.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockedCudaLibrariesTest {
  private static final LibraryProviders PROVIDERS = LibraryProviders.bundled();

  private static LockedWheels lock(String... packages) {
    StringBuilder text = new StringBuilder("version = 1\nrevision = 3\nrequires-python = \">=3.11\"\n");
    for (String spec : packages) {
      String[] nameVersion = spec.split(" ");
      String file = nameVersion[0].replace('-', '_') + "-" + nameVersion[1].replace("+", "%2B")
          + "-cp311-cp311-manylinux_2_28_x86_64.whl";
      text.append("\n[[package]]\nname = \"").append(nameVersion[0]).append("\"\nversion = \"").append(nameVersion[1])
          .append("\"\nsource = { registry = \"https://pypi.org/simple\" }\nwheels = [\n    { url = \"https://")
          .append("files.pythonhosted.org/packages/00/00/").append(file).append("\" },\n]\n");
    }
    return LockedWheels.read(SourceFile.of("uv.lock", text.toString()), Optional.of(TomlDocument.parse(text.toString())));
  }

  private static PackageRef ref(String... attrPath) {
    return new PackageRef(List.of(attrPath), null, PlatformGuard.ALWAYS, new SourceSpan(0, 1, 1, 1));
  }

  @Test
  void cupyWithoutNvidiaWheelsNeedsTheToolkitLibrariesOfItsMajor() {
    List<LockedCudaLibraries.Need> needs = LockedCudaLibraries.of(lock("cupy-cuda12x 13.4.1", "numpy 2.2.6"), PROVIDERS);
    assertThat(needs).singleElement().satisfies(need -> {
      assertThat(need.wheel().name()).isEqualTo("cupy-cuda12x");
      assertThat(need.major()).isEqualTo(12);
      assertThat(need.libraries()).extracting(LibraryProviders.Provider::soname).containsExactly("libcublas.so.12",
          "libcufft.so.11", "libcurand.so.10", "libcusolver.so.11", "libcusparse.so.12", "libnvrtc.so.12");
    });
  }

  @Test
  void siblingWheelsOfTheSameMajorShipThem() {
    assertThat(LockedCudaLibraries.of(lock("cupy-cuda12x 13.4.1", "nvidia-cublas-cu12 12.8.4.1",
        "nvidia-cufft-cu12 11.3.3.83", "nvidia-curand-cu12 10.3.9.90", "nvidia-cusolver-cu12 11.7.3.90",
        "nvidia-cusparse-cu12 12.5.8.93", "nvidia-cuda-nvrtc-cu12 12.8.93"), PROVIDERS)).isEmpty();
    // A sibling of the other major does not.
    assertThat(LockedCudaLibraries.of(lock("cupy-cuda12x 13.4.1", "nvidia-cublas-cu13 13.0.0.19"), PROVIDERS))
        .singleElement().satisfies(need -> assertThat(need.libraries()).extracting(LibraryProviders.Provider::soname)
            .contains("libcublas.so.12"));
  }

  @Test
  void wheelsWithoutAMajorOrNotMeasuredNeedNothing() {
    assertThat(LockedCudaLibraries.of(lock("torch 2.7.1", "numpy 2.2.6", "jax-cuda12-plugin 0.6.2"), PROVIDERS))
        .isEmpty();
  }

  @Test
  void theToolkitOrTheSplitPackageProvidesALibrary() {
    LibraryProviders.Provider cublas = PROVIDERS.cudaLibrary("cublas", 12).orElseThrow();
    assertThat(cublas.soname()).isEqualTo("libcublas.so.12");
    assertThat(LockedCudaLibraries.provides(ref("cudatoolkit"), cublas)).isTrue();
    assertThat(LockedCudaLibraries.provides(ref("cudaPackages_12", "cudatoolkit"), cublas)).isTrue();
    assertThat(LockedCudaLibraries.provides(ref("cudaPackages", "libcublas"), cublas)).isTrue();
    assertThat(LockedCudaLibraries.provides(ref("cudaPackages", "cuda_cudart"), cublas)).isFalse();
    assertThat(LockedCudaLibraries.provides(ref("zlib"), cublas)).isFalse();
  }

  @Test
  void theFirstCudaWheelIsTheOneTheUserChose() {
    assertThat(LockedCudaLibraries.firstCudaWheel(lock("nvidia-cublas-cu12 12.8.4.1", "torch 2.7.1+cu128")))
        .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("torch"));
    assertThat(LockedCudaLibraries.firstCudaWheel(lock("nvidia-ml-py 12.575.51")))
        .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("nvidia-ml-py"));
    assertThat(LockedCudaLibraries.firstCudaWheel(lock("numpy 2.2.6", "torch 2.7.1"))).isEmpty();
  }
}
