package io.github.nixml.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BranchPolicyTest {

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource({
    // 24.11 is out on 2024-11-30: the day before it is a branch from the future.
    "nixos-24.11, 2024-11-29, false",
    "nixos-24.11, 2024-11-30, true",
    "nixos-24.11, 2024-12-01, true",
    // its successor 25.05 is out on 2025-05-31; 24.11 stays supported one month more, to 2025-06-30.
    "nixos-24.11, 2025-05-30, true",
    "nixos-24.11, 2025-05-31, true",
    "nixos-24.11, 2025-06-30, true",
    "nixos-24.11, 2025-07-01, false",
    // 25.05: out on 2025-05-31, supported until one month after 25.11 (2025-11-30): 2025-12-30.
    "nixos-25.05, 2025-05-30, false",
    "nixos-25.05, 2025-05-31, true",
    "nixos-25.05, 2025-12-30, true",
    "nixos-25.05, 2025-12-31, false",
    // variants follow their release
    "nixos-24.11-small, 2025-06-30, true",
    "nixos-24.11-small, 2025-07-01, false",
    "nixpkgs-24.11-darwin, 2025-06-30, true",
    "nixpkgs-24.11-darwin, 2025-07-01, false",
    "release-24.11, 2024-11-29, false",
    "release-24.11, 2024-12-15, true",
    "release-24.11, 2025-07-01, false",
    // rolling branches always; master and unknown branches never
    "nixos-unstable, 2010-01-01, true",
    "nixos-unstable-small, 2030-01-01, true",
    "nixpkgs-unstable, 2026-11-25, true",
    "master, 2026-11-25, false",
    "staging, 2026-11-25, false",
    "nixos-24.10, 2024-12-01, false",
    "nixpkgs-24.11, 2024-12-01, false",
    "nixos-23.05, 2026-11-25, false",
  })
  void computedPolicyFollowsTheReleaseCalendar(String branch, LocalDate today, boolean supported) {
    assertThat(BranchPolicy.computed(today).isSupported(branch)).isEqualTo(supported);
  }

  @Test
  void listsBothReleasesDuringTheOverlapAndOneAfterIt() {
    assertThat(BranchPolicy.computed(LocalDate.parse("2025-06-15")).supportedBranches())
        .containsExactly("nixos-24.11", "nixos-25.05", "nixos-unstable", "nixos-unstable-small", "nixpkgs-unstable");
    assertThat(BranchPolicy.computed(LocalDate.parse("2025-07-01")).supportedBranches())
        .containsExactly("nixos-25.05", "nixos-unstable", "nixos-unstable-small", "nixpkgs-unstable");
    assertThat(BranchPolicy.computed(LocalDate.parse("2026-11-25")).supportedBranches())
        .containsExactly("nixos-26.05", "nixos-unstable", "nixos-unstable-small", "nixpkgs-unstable");
    assertThat(BranchPolicy.computed(LocalDate.parse("2026-11-30")).supportedBranches())
        .containsExactly("nixos-26.05", "nixos-26.11", "nixos-unstable", "nixos-unstable-small", "nixpkgs-unstable");
  }

  @Test
  void suggestsTheLatestRelease() {
    assertThat(BranchPolicy.computed(LocalDate.parse("2025-06-15")).suggestedBranch()).isEqualTo("nixos-25.05");
    assertThat(BranchPolicy.computed(LocalDate.parse("2025-05-30")).suggestedBranch()).isEqualTo("nixos-24.11");
  }

  @Test
  void anExplicitListReplacesTheComputation() {
    BranchPolicy policy = BranchPolicy.listed(LocalDate.parse("2026-11-25"), List.of(" nixos-23.05", "", "master "));
    assertThat(policy.isSupported("nixos-23.05")).isTrue();
    assertThat(policy.isSupported("master")).isTrue();
    assertThat(policy.isSupported("nixos-unstable")).isFalse();
    assertThat(policy.supportedBranches()).containsExactly("master", "nixos-23.05");
  }

  @Test
  void releaseArithmetic() {
    NixpkgsBranch.Release r2411 = new NixpkgsBranch.Release(2024, 11);
    assertThat(r2411.releaseDate()).isEqualTo(LocalDate.parse("2024-11-30"));
    assertThat(r2411.successor()).isEqualTo(new NixpkgsBranch.Release(2025, 5));
    assertThat(r2411.endOfSupport()).isEqualTo(LocalDate.parse("2025-06-30"));
    assertThat(new NixpkgsBranch.Release(2025, 5).endOfSupport()).isEqualTo(LocalDate.parse("2025-12-30"));
    assertThat(NixpkgsBranch.Release.latestOn(LocalDate.parse("2025-01-10"))).isEqualTo(r2411);
    assertThat(NixpkgsBranch.Release.latestOn(LocalDate.parse("2024-11-29")))
        .isEqualTo(new NixpkgsBranch.Release(2024, 5));
    assertThat(NixpkgsBranch.parse("nixpkgs-25.05-darwin").release()).contains(new NixpkgsBranch.Release(2025, 5));
  }
}
