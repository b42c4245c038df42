package io.github.nixml.archetype.generate;

import io.github.nixml.lock.NixpkgsBranch;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The nixpkgs branch a project starts on, by the NixOS release calendar of the validator's branch rules
 * ({@link NixpkgsBranch}, whose source file is compiled into this jar too): the default is the newest release out
 * on the day of generation, and a release branch must name a release that is out.
 */
final class NixpkgsBranchChoice {

  /** The default value of nixpkgsBranch: the newest nixos-YY.MM release on the day of generation. */
  static final String NEWEST_RELEASE = "newest-release";

  private NixpkgsBranchChoice() {}

  /** The branch the project uses for a value that {@link ArchetypeProperty#NIXPKGS_BRANCH} accepts. */
  static String resolve(String value, LocalDate today) {
    return NEWEST_RELEASE.equals(value) ? "nixos-" + NixpkgsBranch.Release.latestOn(today).version() : value;
  }

  /** Why a nixos-YY.MM value names no release out on {@code today}, if it does not. */
  static Optional<String> problem(String value, LocalDate today) {
    NixpkgsBranch branch = NixpkgsBranch.parse(value);
    if (!value.startsWith("nixos-") || branch.kind() == NixpkgsBranch.Kind.ROLLING) {
      return Optional.empty();
    }
    NixpkgsBranch.Release newest = NixpkgsBranch.Release.latestOn(today);
    if (branch.release().isEmpty()) {
      return Optional.of(value + " names no NixOS release: releases are YY.05 and YY.11, the newest on " + today
          + " is nixos-" + newest.version());
    }
    if (branch.release().get().compareTo(newest) > 0) {
      return Optional.of("NixOS " + branch.release().get().version() + " is not released on " + today
          + ", the newest release is nixos-" + newest.version());
    }
    return Optional.empty();
  }
}
