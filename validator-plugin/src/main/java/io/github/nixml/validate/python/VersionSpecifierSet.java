package io.github.nixml.validate.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version specifier set such as {@code >=3.11,<3.13,!=3.12.0}: comma-separated clauses with
 * {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ~=}, {@code ===}, and
 * {@code .*} prefix matching on {@code ==} and {@code !=}. A version matches when every clause matches; the empty
 * set matches everything.
 */
public final class VersionSpecifierSet {

  private static final Pattern CLAUSE = Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*(\\S+?)\\s*");

  /** One clause: operator and version (wildcard {@code .*} removed and noted). */
  public record Specifier(String operator, String versionText, Pep440Version version, boolean wildcard) {
    @Override
    public String toString() {
      return operator + versionText + (wildcard ? ".*" : "");
    }
  }

  /** Thrown by {@link #parse} with a message that says what is wrong. */
  public static final class InvalidSpecifierException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidSpecifierException(String message) {
      super(message);
    }
  }

  private final List<Specifier> specifiers;

  private VersionSpecifierSet(List<Specifier> specifiers) {
    this.specifiers = List.copyOf(specifiers);
  }

  /**
   * Parses a specifier set.
   *
   * @throws InvalidSpecifierException when a clause is not a PEP 440 specifier
   */
  public static VersionSpecifierSet parse(String text) {
    List<Specifier> specifiers = new ArrayList<>();
    if (text.isBlank()) {
      return new VersionSpecifierSet(specifiers);
    }
    for (String clause : text.split(",", -1)) {
      if (clause.isBlank()) {
        throw new InvalidSpecifierException("empty clause in '" + text.strip() + "'");
      }
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw new InvalidSpecifierException("'" + clause.strip()
            + "' is not a version specifier (an operator such as >=, ==, ~= followed by a version)");
      }
      specifiers.add(specifier(m.group(1), m.group(2)));
    }
    return new VersionSpecifierSet(specifiers);
  }

  private static Specifier specifier(String operator, String versionText) {
    if (operator.equals("===")) {
      return new Specifier(operator, versionText, null, false);
    }
    boolean wildcard = versionText.endsWith(".*");
    String bare = wildcard ? versionText.substring(0, versionText.length() - 2) : versionText;
    if (wildcard && !(operator.equals("==") || operator.equals("!="))) {
      throw new InvalidSpecifierException("'" + operator + versionText + "': a .* suffix is only allowed with == and !=");
    }
    Pep440Version version = Pep440Version.parse(bare)
        .orElseThrow(() -> new InvalidSpecifierException("'" + versionText + "' in '" + operator + versionText
            + "' is not a PEP 440 version"));
    if (wildcard && version.hasLocal()) {
      throw new InvalidSpecifierException("'" + operator + versionText + "': a local version cannot have .*");
    }
    if (version.hasLocal() && !(operator.equals("==") || operator.equals("!="))) {
      throw new InvalidSpecifierException("'" + operator + versionText
          + "': local versions (+...) are only allowed with == and !=");
    }
    if (operator.equals("~=") && version.releaseSize() < 2) {
      throw new InvalidSpecifierException("'~=" + versionText + "': ~= needs at least two release numbers, e.g. ~=3.12");
    }
    return new Specifier(operator, bare, version, wildcard);
  }

  public List<Specifier> specifiers() {
    return specifiers;
  }

  /** Whether {@code candidate} matches every clause (pre-releases only if a clause names one or {@code candidate} is one we must allow). */
  public boolean contains(Pep440Version candidate) {
    if (candidate.isPrerelease() && !mentionsPrerelease()) {
      return false;
    }
    return containsIgnoringPrereleasePolicy(candidate);
  }

  /** Whether every clause matches, allowing pre-releases. */
  public boolean containsIgnoringPrereleasePolicy(Pep440Version candidate) {
    for (Specifier specifier : specifiers) {
      if (!matches(specifier, candidate)) {
        return false;
      }
    }
    return true;
  }

  private boolean mentionsPrerelease() {
    return specifiers.stream().anyMatch(s -> s.version() != null && s.version().isPrerelease());
  }

  private static boolean matches(Specifier s, Pep440Version candidate) {
    Pep440Version v = s.version();
    switch (s.operator()) {
      case "===":
        return candidate.toString().equalsIgnoreCase(s.versionText());
      case "==":
        return equal(s, candidate);
      case "!=":
        return !equal(s, candidate);
      case ">=":
        return candidate.withoutLocal().compareTo(v) >= 0;
      case "<=":
        return candidate.withoutLocal().compareTo(v) <= 0;
      case "<":
        if (candidate.withoutLocal().compareTo(v) >= 0) {
          return false;
        }
        // <3.12 must not admit 3.12.0rc1: a pre-release of the bound itself is excluded.
        return v.isPrerelease() || !(candidate.isPrerelease() && candidate.baseVersion().equals(v.baseVersion()));
      case ">":
        if (candidate.withoutLocal().compareTo(v) <= 0) {
          return false;
        }
        if (!v.isPostRelease() && candidate.isPostRelease() && candidate.baseVersion().equals(v.baseVersion())) {
          return false;
        }
        return !(candidate.hasLocal() && candidate.baseVersion().equals(v.baseVersion()));
      case "~=":
        return candidate.withoutLocal().compareTo(v) >= 0 && prefixMatches(v, v.releaseSize() - 1, candidate);
      default:
        throw new IllegalStateException(s.operator());
    }
  }

  private static boolean equal(Specifier s, Pep440Version candidate) {
    Pep440Version v = s.version();
    if (s.wildcard()) {
      if (!v.baseVersion().equals(v)) {
        // ==1.0rc1.*: compare the normalised public version text as a prefix
        String prefix = v.toString();
        String text = candidate.withoutLocal().toString();
        return text.equals(prefix) || text.startsWith(prefix + ".");
      }
      return prefixMatches(v, v.releaseSize(), candidate);
    }
    return (v.hasLocal() ? candidate : candidate.withoutLocal()).equals(v);
  }

  /** The candidate's epoch and first {@code length} release numbers (zero-padded) equal the specifier's. */
  private static boolean prefixMatches(Pep440Version v, int length, Pep440Version candidate) {
    if (!candidate.epoch().equals(v.epoch())) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      BigInteger a = candidate.releasePart(i);
      if (!a.equals(v.releasePart(i))) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return specifiers.isEmpty();
  }

  @Override
  public String toString() {
    return String.join(",", specifiers.stream().map(Specifier::toString).toList()).toLowerCase(Locale.ROOT);
  }
}
