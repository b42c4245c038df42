package io.github.nixml.validate.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CudaWheelMajorTest {

  @ParameterizedTest
  @CsvSource({
      "nvidia-cublas-cu12, 12.8.4.1, 12",
      "nvidia-cudnn-cu13, 9.19.0.56, 13",
      "nvidia-cuda-runtime-cu11, 11.8.89, 11",
      "nvidia_cublas_cu12, 12.8.4.1, 12",
      "nvidia-cublas, 13.1.0.3, 13",
      "nvidia-cuda-runtime, 13.0.96, 13",
      "torch, 2.7.1+cu128, 12",
      "torch, 2.11.0+cu130, 13",
      "torchvision, 0.16.0+cu118, 11",
      "torchaudio, 2.1.0+cu121, 12",
      "cupy-cuda12x, 13.4.1, 12",
      "cupy-cuda13x, 14.2.0, 13",
      "cupy-cuda117, 10.6.0, 11",
      "jax-cuda12-plugin, 0.6.2, 12",
      "jax-cuda13-pjrt, 0.11.2, 13",
      "jaxlib, 0.4.13+cuda12.cudnn89, 12",
  })
  void namesAndVersionsThatSayTheirMajor(String name, String version, int major) {
    assertThat(CudaWheelMajor.of(name, version)).isEqualTo(OptionalInt.of(major));
  }

  @ParameterizedTest
  @CsvSource({
      "nvidia-cufft, 12.0.0.61",   // a CUDA 13 library with its own version
      "nvidia-cusparse, 12.6.3.3",
      "nvidia-cublas, 0.0.1",      // an old stub, no convention
      "torch, 2.7.1",
      "torch, 2.7.1+cpu",
      "numpy, 2.3.1+cu128",        // only torch's local versions say it
      "jaxlib, 0.6.2",
      "cupy, 13.4.1",
  })
  void unknownOtherwise(String name, String version) {
    assertThat(CudaWheelMajor.of(name, version)).isEmpty();
  }
}
