package io.github.nixml.lock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which nixpkgs branches are supported on a given day. Computed from the release calendar unless an explicit list
 * overrides it: {@code nixos-YY.05} is out on the last day of May and {@code nixos-YY.11} on the last day of
 * November, each is supported until one month after its successor's release, its {@code -small},
 * {@code nixpkgs-YY.MM-darwin} and {@code release-YY.MM} variants with it; the rolling branches always are; a
 * release not yet out is not.
 */
public final class BranchPolicy {

  private static final List<String> ROLLING = List.of("nixos-unstable", "nixos-unstable-small", "nixpkgs-unstable");

  private final LocalDate today;
  private final Optional<Set<String>> override;

  private BranchPolicy(LocalDate today, Optional<Set<String>> override) {
    this.today = Objects.requireNonNull(today, "today");
    this.override = override;
  }

  /** The computed policy on {@code today}. */
  public static BranchPolicy computed(LocalDate today) {
    return new BranchPolicy(today, Optional.empty());
  }

  /** Exactly these branches are supported (the {@code nixml.supportedBranches} parameter). */
  public static BranchPolicy listed(LocalDate today, Collection<String> branches) {
    Set<String> names = new LinkedHashSet<>();
    for (String branch : branches) {
      if (!branch.isBlank()) {
        names.add(branch.strip());
      }
    }
    return new BranchPolicy(today, Optional.of(Set.copyOf(names)));
  }

  public LocalDate today() {
    return today;
  }

  public boolean isOverridden() {
    return override.isPresent();
  }

  public boolean isSupported(String branch) {
    if (override.isPresent()) {
      return override.get().contains(branch);
    }
    NixpkgsBranch parsed = NixpkgsBranch.parse(branch);
    return switch (parsed.kind()) {
      case ROLLING -> true;
      case RELEASE -> parsed.release().orElseThrow().isSupportedOn(today);
      case MASTER, OTHER -> false;
    };
  }

  /** The supported releases on {@code today}, oldest first: the latest, and its predecessor in its last month. */
  public List<NixpkgsBranch.Release> supportedReleases() {
    NixpkgsBranch.Release latest = NixpkgsBranch.Release.latestOn(today);
    List<NixpkgsBranch.Release> releases = new ArrayList<>();
    if (latest.predecessor().isSupportedOn(today)) {
      releases.add(latest.predecessor());
    }
    releases.add(latest);
    return releases;
  }

  /** The main supported branch names, for messages: {@code nixos-25.05, nixos-25.11, nixos-unstable, ...}. */
  public List<String> supportedBranches() {
    if (override.isPresent()) {
      return override.get().stream().sorted().toList();
    }
    List<String> names = new ArrayList<>();
    for (NixpkgsBranch.Release release : supportedReleases()) {
      names.add("nixos-" + release.version());
    }
    names.addAll(ROLLING);
    return names;
  }

  /** The branch a supported policy would suggest instead: the latest release. */
  public String suggestedBranch() {
    if (override.isPresent()) {
      return supportedBranches().isEmpty() ? "nixos-unstable" : supportedBranches().get(0);
    }
    return "nixos-" + NixpkgsBranch.Release.latestOn(today).version();
  }
}
