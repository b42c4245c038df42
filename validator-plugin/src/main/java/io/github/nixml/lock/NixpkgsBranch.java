package io.github.nixml.lock;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A nixpkgs branch name read for what it follows: a release ({@code nixos-24.11}, {@code nixos-24.11-small},
 * {@code nixpkgs-24.11-darwin}, {@code release-24.11}), a rolling branch ({@code nixos-unstable},
 * {@code nixos-unstable-small}, {@code nixpkgs-unstable}), {@code master}, or something else.
 *
 * @param name the branch as written
 * @param kind what the name says it follows
 * @param release the release for {@link Kind#RELEASE} branches
 */
public record NixpkgsBranch(String name, Kind kind, Optional<Release> release) {

  private static final Pattern RELEASE_BRANCH =
      Pattern.compile("(?:nixos-(\\d\\d)\\.(\\d\\d)(?:-small)?|nixpkgs-(\\d\\d)\\.(\\d\\d)-darwin|release-(\\d\\d)\\.(\\d\\d))");

  /** What a branch follows. */
  public enum Kind {
    /** A stable release or one of its variants. */
    RELEASE,
    /** {@code nixos-unstable}, {@code nixos-unstable-small} or {@code nixpkgs-unstable}: always supported. */
    ROLLING,
    /** {@code master}: untested commits, no binary cache guarantee. */
    MASTER,
    /** Any other ref: a staging or feature branch, a tag, a typo. */
    OTHER
  }

  /**
   * A NixOS release {@code YY.05} or {@code YY.11}: released on the last day of May or of November of year 20YY,
   * and supported until one month after the next release.
   */
  public record Release(int year, int month) implements Comparable<Release> {

    public Release {
      if (month != 5 && month != 11) {
        throw new IllegalArgumentException("NixOS releases are YY.05 or YY.11, not month " + month);
      }
    }

    /** The release day as this policy counts it: the last day of the release month. */
    public LocalDate releaseDate() {
      return YearMonth.of(year, month).atEndOfMonth();
    }

    public Release successor() {
      return month == 5 ? new Release(year, 11) : new Release(year + 1, 5);
    }

    public Release predecessor() {
      return month == 11 ? new Release(year, 5) : new Release(year - 1, 11);
    }

    /** The last day this release is supported: one month after its successor's release. */
    public LocalDate endOfSupport() {
      return successor().releaseDate().plusMonths(1);
    }

    /** Supported on {@code day}: released (on or before it) and not past its end of support. */
    public boolean isSupportedOn(LocalDate day) {
      return !day.isBefore(releaseDate()) && !day.isAfter(endOfSupport());
    }

    /** The latest release out on {@code day}. */
    public static Release latestOn(LocalDate day) {
      Release candidate = new Release(day.getYear(), 11);
      while (candidate.releaseDate().isAfter(day)) {
        candidate = candidate.predecessor();
      }
      return candidate;
    }

    /** {@code 24.11}. */
    public String version() {
      int yy = year % 100;
      return (yy < 10 ? "0" : "") + yy + (month < 10 ? ".0" : ".") + month;
    }

    @Override
    public int compareTo(Release other) {
      return Integer.compare(year * 12 + month, other.year * 12 + other.month);
    }

    @Override
    public String toString() {
      return version();
    }
  }

  public NixpkgsBranch {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(release, "release");
  }

  public static NixpkgsBranch parse(String name) {
    switch (name) {
      case "nixos-unstable", "nixos-unstable-small", "nixpkgs-unstable":
        return new NixpkgsBranch(name, Kind.ROLLING, Optional.empty());
      case "master":
        return new NixpkgsBranch(name, Kind.MASTER, Optional.empty());
      default:
        break;
    }
    Matcher m = RELEASE_BRANCH.matcher(name);
    if (m.matches()) {
      int group = m.group(1) != null ? 1 : m.group(3) != null ? 3 : 5;
      int month = Integer.parseInt(m.group(group + 1));
      if (month == 5 || month == 11) {
        Release release = new Release(2000 + Integer.parseInt(m.group(group)), month);
        return new NixpkgsBranch(name, Kind.RELEASE, Optional.of(release));
      }
    }
    return new NixpkgsBranch(name, Kind.OTHER, Optional.empty());
  }
}
