package io.github.nixml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NixpkgsFactsTest {
  private static final NixpkgsFacts FACTS = NixpkgsFacts.bundled();

  private static NixpkgsRevision release(String version) {
    return NixpkgsRevision.Release.parse(version).orElseThrow();
  }

  private static NixpkgsRevision unstable(String day) {
    return new NixpkgsRevision.Unstable(LocalDate.parse(day));
  }

  private static Optional<String> python3(NixpkgsRevision revision) {
    return FACTS.python3(revision).map(NixpkgsFacts.Alias::target);
  }

  @Test
  void python3PerRelease() {
    assertEquals(Optional.of("python39"), python3(release("22.05")));
    assertEquals(Optional.of("python310"), python3(release("22.11")));
    assertEquals(Optional.of("python310"), python3(release("23.05")));
    assertEquals(Optional.of("python311"), python3(release("23.11")));
    assertEquals(Optional.of("python311"), python3(release("24.05")));
    assertEquals(Optional.of("python312"), python3(release("24.11")));
    assertEquals(Optional.of("python312"), python3(release("25.05")));
    assertEquals(Optional.of("python313"), python3(release("25.11")));
  }

  @Test
  void releasesWithoutARowAreUnknown() {
    assertEquals(Optional.empty(), python3(release("21.11")));
    assertEquals(Optional.empty(), python3(release("26.05")));
  }

  @Test
  void unstableByCommitDayWithinSourcedRanges() {
    assertEquals(Optional.of("python310"), python3(unstable("2022-11-30")));
    assertEquals(Optional.of("python310"), python3(unstable("2023-08-16")));
    assertEquals(Optional.empty(), python3(unstable("2023-08-17")), "the switch to 3.11 may have landed: unknown");
    assertEquals(Optional.of("python311"), python3(unstable("2024-02-01")));
    assertEquals(Optional.of("python312"), python3(unstable("2025-01-15")));
    assertEquals(Optional.empty(), python3(unstable("2025-07-07")), "the switch to 3.13 may have landed: unknown");
    assertEquals(Optional.of("python313"), python3(unstable("2025-07-08")));
    assertEquals(Optional.of("python313"), python3(unstable("2025-11-29")));
    assertEquals(Optional.empty(), python3(unstable("2025-11-30")), "after 25.11's branch-off: not sourced");
    assertEquals(Optional.empty(), python3(unstable("2021-06-01")));
  }

  @Test
  void everyAliasCarriesItsSource() {
    assertTrue(FACTS.python3(release("24.11")).orElseThrow().source().startsWith("NixOS/nixpkgs#320924"));
  }

  @Test
  void removedFromTheReleaseOnAndOnUnstableFromItsDay() {
    NixpkgsFacts.Removal removal = FACTS.removedAttribute("python38", release("24.05")).orElseThrow();
    assertEquals("24.05", removal.release().version());
    assertEquals("NixOS/nixpkgs#285779", removal.reference());
    assertEquals("python3", removal.replacement());
    assertTrue(FACTS.removedAttribute("python38", release("25.11")).isPresent());
    assertTrue(FACTS.removedAttribute("python38", release("23.11")).isEmpty());
    assertTrue(FACTS.removedAttribute("python38", unstable("2024-05-31")).isPresent());
    assertTrue(FACTS.removedAttribute("python38", unstable("2024-05-30")).isEmpty());
    assertEquals("25.05", FACTS.removedAttribute("python39Packages", release("25.05")).orElseThrow()
        .release().version());
    assertTrue(FACTS.removedAttribute("python311", release("25.11")).isEmpty());
    assertTrue(FACTS.removedAttribute("python37", release("24.05")).isEmpty(), "not sourced: unknown");
  }

  @Test
  void defaultCudaPackagesIsUnknownUntilSourced() {
    assertEquals(Optional.empty(), FACTS.defaultCudaPackages(release("24.11")));
    NixpkgsFacts own = NixpkgsFacts.parse(
        "# test data\nalias\tcudaPackages\t24.11\tcudaPackages_12_4\tsome commit, pkgs/top-level/all-packages.nix\n");
    assertEquals("cudaPackages_12_4", own.defaultCudaPackages(release("24.11")).orElseThrow().target());
    assertEquals(Optional.empty(), own.defaultCudaPackages(release("25.05")));
  }

  @Test
  void aRowWithoutASourceIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> NixpkgsFacts.parse("alias\tpython3\t24.11\tpython312\t\n"));
    assertThrows(IllegalArgumentException.class,
        () -> NixpkgsFacts.parse("removed\tpython38\tunstable 2024-01-01..2024-02-01\tpython3\tx\n"));
    assertThrows(IllegalArgumentException.class, () -> NixpkgsFacts.parse("alias\tpython3\t24.10\tpython312\tx\n"));
  }
}
