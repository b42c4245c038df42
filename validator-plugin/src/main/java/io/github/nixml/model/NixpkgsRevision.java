package io.github.nixml.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which nixpkgs a flake input gives, as far as the facts per release ({@link NixpkgsFacts}) can tell: a NixOS
 * release ({@code nixos-24.11} and its variants) or an unstable revision known by its commit date.
 */
public sealed interface NixpkgsRevision {

  /** {@code nixpkgs 24.11} or {@code nixpkgs unstable of 2024-07-01}, for messages. */
  String describe();

  /** A NixOS release {@code YY.05} or {@code YY.11}. */
  record Release(int year, int month) implements NixpkgsRevision, Comparable<Release> {
    private static final Pattern VERSION = Pattern.compile("(\\d\\d)\\.(05|11)");

    public Release {
      if (month != 5 && month != 11) {
        throw new IllegalArgumentException("NixOS releases are YY.05 or YY.11, not month " + month);
      }
    }

    /** {@code 24.11} read as a release; empty for anything else. */
    public static Optional<Release> parse(String version) {
      Matcher m = VERSION.matcher(version);
      return m.matches()
          ? Optional.of(new Release(2000 + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
          : Optional.empty();
    }

    /** The release day: the last day of its month. */
    public LocalDate releaseDate() {
      return LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
    }

    /** {@code 24.11}. */
    public String version() {
      return String.format("%02d.%02d", year % 100, month);
    }

    @Override
    public String describe() {
      return "nixpkgs " + version();
    }

    @Override
    public int compareTo(Release other) {
      return Integer.compare(year * 12 + month, other.year * 12 + other.month);
    }
  }

  /** A revision of a rolling branch ({@code nixos-unstable}), known by the day it was committed (UTC). */
  record Unstable(LocalDate committed) implements NixpkgsRevision {
    public Unstable {
      Objects.requireNonNull(committed, "committed");
    }

    @Override
    public String describe() {
      return "nixpkgs unstable of " + committed;
    }
  }
}
