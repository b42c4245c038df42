package io.github.nixml.validate.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibraryProvidersTest {
  private final LibraryProviders providers = LibraryProviders.bundled();

  @Test
  void theRuntimeOfGccComesFromItsLibOutput() {
    assertThat(providers.of("libstdc++.so.6").orElseThrow().suggested()).isEqualTo("stdenv.cc.cc.lib");
    assertThat(providers.of("libz.so.1").orElseThrow().packages()).containsExactly("zlib", "libz");
  }

  @Test
  void onlyTheDriverProvidesLibcudaAndCudaLibrariesKnowTheirMajor() {
    assertThat(providers.of("libcuda.so.1").orElseThrow().driverOnly()).isTrue();
    assertThat(providers.of("libcublas.so.13").orElseThrow().cudaMajor()).hasValue(13);
    assertThat(providers.of("libcublas.so.12").orElseThrow().cudaMajor()).hasValue(12);
  }

  @Test
  void anUnlistedLibraryIsUnknown() {
    assertThat(providers.of("libfoo.so.1")).isEmpty();
    assertThat(providers.size()).isGreaterThan(40);
  }
}
