package io.github.nixml.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The day pinned in a case's archetype.properties reaches the post-generate step under archetype:integration-test.
 * The two cases pin days with different newest releases, so any clock disagrees with at least one of them: if the
 * pin stops reaching generation, this fails on every day, not only after the next release.
 */
class DayPinTest {

  @ParameterizedTest(name = "{0}: {1} gives {2}")
  @CsvSource({"default, 2026-11-25, nixos-26.05", "pinned-2027, 2027-07-15, nixos-27.05"})
  void thePinnedDayChoosesTheDefaultBranch(String caseSuffix, String day, String branch) {
    GeneratedCase generated = GeneratedCase.named(Layout.current().id.replace("-path", "") + "-" + caseSuffix);

    assertThat(generated.properties().getProperty("nixml.today")).isEqualTo(day);
    assertThat(generated.properties().getProperty("nixpkgsBranch")).as("the default, newest-release").isNull();
    assertThat(generated.read("flake.nix")).contains("\"github:NixOS/nixpkgs/" + branch + "\"");
    assertThat(generated.read("README.md")).contains(branch);
  }
}
