package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import org.junit.jupiter.api.Test;

class NixpkgsInstanceTest {
  private static final SourceSpan AT = new SourceSpan(0, 0, 1, 1, null);

  @Test
  void aCudaSupportOfSomePlatformsIsDecidedWhereTheShellsPlatformsAgree() {
    NixpkgsInstance instance = new NixpkgsInstance("nixpkgs", Tristate.TRUE, Tristate.FALSE, Tristate.FALSE,
        Tristate.FALSE, AT, AT).withCudaSupportOn(PlatformGuard.ofSystem("x86_64-linux"));
    assertThat(instance.cudaSupport()).isEqualTo(Tristate.UNKNOWN);
    assertThat(instance.platformDependent()).isTrue();
    assertThat(instance.on(PlatformGuard.ofSystem("x86_64-linux")).cudaSupport()).isEqualTo(Tristate.TRUE);
    assertThat(instance.on(PlatformGuard.ofSystem("aarch64-darwin")).cudaSupport()).isEqualTo(Tristate.FALSE);
    // both Linux systems: true on one, false on the other
    assertThat(instance.on(PlatformGuard.ofSystem("x86_64-linux").or(PlatformGuard.ofSystem("aarch64-linux")))
        .cudaSupport()).isEqualTo(Tristate.UNKNOWN);
    assertThat(instance.forSystem("aarch64-linux").cudaSupport()).isEqualTo(Tristate.FALSE);
    // decided once, a later view keeps it
    assertThat(instance.on(PlatformGuard.ofSystem("x86_64-linux")).on(PlatformGuard.ALWAYS).platformDependent())
        .isFalse();
  }
}
