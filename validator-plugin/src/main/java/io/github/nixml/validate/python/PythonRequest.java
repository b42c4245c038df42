package io.github.nixml.validate.python;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Python request as uv reads it from a {@code .python-version} line: {@code 3}, {@code 312}, {@code 3.12},
 * {@code 3.12.1}, {@code 3.13t}, {@code 3.14.0rc1}, {@code >=3.11,<3.13}, {@code cpython@3.12}, {@code pypy3.10},
 * {@code cp312}, {@code cpython-3.12.3-linux-x86_64-gnu}, {@code python3.12}, {@code any}, {@code default}, or a
 * path. Anything else uv would treat as the name of an executable to find on {@code PATH}, which is never what a
 * project pin means; {@link #parse} reports it.
 */
public record PythonRequest(
    Kind kind, String text, Optional<String> implementation, Optional<Pep440Version> version,
    Optional<VersionSpecifierSet> range, boolean freethreaded) {

  /** What the request asks for. */
  public enum Kind {
    /** {@code any} or {@code default}: no particular version. */
    ANY,
    /** A version or version prefix, optionally with an implementation. */
    VERSION,
    /** A PEP 440 specifier set. */
    RANGE,
    /** An implementation without version ({@code pypy}). */
    IMPLEMENTATION,
    /** A path to an interpreter or environment (machine-specific, not checked further). */
    PATH
  }

  private static final List<String> IMPLEMENTATIONS =
      List.of("cpython", "pypy", "graalpy", "pyodide", "cp", "pp", "gp");
  private static final Pattern NO_SEPARATOR = Pattern.compile("[0-9]([0-9]{1,3})?");
  private static final Pattern DOTTED = Pattern.compile("[0-9]+(\\.[0-9]+){0,2}");
  private static final Pattern DOWNLOAD_KEY = Pattern.compile(
      "(cpython|pypy|graalpy|pyodide|any)-([^-]+)(-[a-z0-9_]+){0,3}", Pattern.CASE_INSENSITIVE);

  /** The outcome of parsing one line: a request, or why uv would not understand it. */
  public record Parsed(Optional<PythonRequest> request, Optional<String> problem) {
    static Parsed ok(PythonRequest request) {
      return new Parsed(Optional.of(request), Optional.empty());
    }

    static Parsed error(String problem) {
      return new Parsed(Optional.empty(), Optional.of(problem));
    }
  }

  /** Parses a trimmed, non-comment line of a {@code .python-version} file. */
  public static Parsed parse(String line) {
    String text = line.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      return Parsed.error("is empty");
    }
    if (text.charAt(0) == '\uFEFF') {
      return Parsed.error("starts with a byte-order mark; uv reads it as part of the version. Save the file as UTF-8 without BOM");
    }
    if (lower.equals("any") || lower.equals("default")) {
      return Parsed.ok(new PythonRequest(Kind.ANY, text, Optional.empty(), Optional.empty(), Optional.empty(), false));
    }
    if (text.contains("/") || text.contains("\\")) {
      return Parsed.ok(new PythonRequest(Kind.PATH, text, Optional.empty(), Optional.empty(), Optional.empty(), false));
    }
    Parsed direct = versionPart(text, Optional.empty(), text);
    if (direct.request().isPresent()) {
      return direct;
    }
    if (lower.startsWith("python") && text.length() > "python".length()) {
      Parsed viaPython = versionPart(text.substring("python".length()), Optional.empty(), text);
      if (viaPython.request().isPresent()) {
        return viaPython;
      }
    }
    int at = text.indexOf('@');
    if (at > 0) {
      String implementation = lower.substring(0, at);
      if (IMPLEMENTATIONS.contains(implementation)) {
        Parsed versioned = versionPart(text.substring(at + 1), Optional.of(longName(implementation)), text);
        if (versioned.problem().isPresent() && versioned.problem().get().startsWith("asks for")) {
          return versioned;
        }
        if (versioned.request().isPresent()) {
          return versioned;
        }
      }
    }
    for (String implementation : IMPLEMENTATIONS) {
      if (lower.startsWith(implementation)) {
        String rest = text.substring(implementation.length());
        if (rest.isEmpty()) {
          return Parsed.ok(new PythonRequest(Kind.IMPLEMENTATION, text, Optional.of(longName(implementation)),
              Optional.empty(), Optional.empty(), false));
        }
        Parsed versioned = versionPart(rest, Optional.of(longName(implementation)), text);
        if (versioned.request().isPresent() || versioned.problem().orElse("").startsWith("asks for")) {
          return versioned;
        }
      }
    }
    Matcher key = DOWNLOAD_KEY.matcher(text);
    if (key.matches()) {
      Optional<String> implementation = key.group(1).equalsIgnoreCase("any") ? Optional.empty()
          : Optional.of(key.group(1).toLowerCase(Locale.ROOT));
      Parsed versioned = versionPart(key.group(2), implementation, text);
      if (versioned.request().isPresent() || versioned.problem().orElse("").startsWith("asks for")) {
        return versioned;
      }
    }
    if (text.contains("#")) {
      return Parsed.error("is not a Python version request: uv allows comments only on their own line, starting with #");
    }
    if (text.chars().anyMatch(Character::isWhitespace)) {
      return Parsed.error("is not a Python version request: uv reads the whole line, spaces included");
    }
    return Parsed.error("is not a Python version request: uv would look for an executable named '" + text
        + "' on PATH");
  }

  private static String longName(String implementation) {
    return switch (implementation) {
      case "cp" -> "cpython";
      case "pp" -> "pypy";
      case "gp" -> "graalpy";
      default -> implementation;
    };
  }

  /** A version, version with variant, or specifier set, as uv's VersionRequest accepts it. */
  private static Parsed versionPart(String raw, Optional<String> implementation, String text) {
    String s = raw;
    if (s.isEmpty() || ("<>=!~".indexOf(s.charAt(0)) < 0 && s.chars().anyMatch(Character::isWhitespace))) {
      return Parsed.error("is not a Python version request");
    }
    boolean freethreaded = false;
    String lower = s.toLowerCase(Locale.ROOT);
    for (String variant : List.of("+freethreaded", "+debug", "+gil")) {
      if (lower.endsWith(variant)) {
        freethreaded = variant.equals("+freethreaded");
        s = s.substring(0, s.length() - variant.length());
        lower = s.toLowerCase(Locale.ROOT);
        break;
      }
    }
    if (s.length() > 1 && (lower.endsWith("t") || lower.endsWith("d")) && Character.isDigit(s.charAt(s.length() - 2))) {
      freethreaded = lower.endsWith("t");
      s = s.substring(0, s.length() - 1);
    }
    if (s.startsWith("v") || s.startsWith("V")) {
      s = s.substring(1);
    }
    Pep440Version version = null;
    if (NO_SEPARATOR.matcher(s).matches()) {
      int major = s.charAt(0) - '0';
      version = s.length() == 1 ? Pep440Version.of(major) : Pep440Version.of(major, Integer.parseInt(s.substring(1)));
      if (s.length() > 1 && Integer.parseInt(s.substring(1)) > 255) {
        return Parsed.error("is not a Python version request: the minor version is too large");
      }
    } else if (DOTTED.matcher(s).matches()) {
      for (String part : s.split("\\.")) {
        if (part.length() > 3 || Integer.parseInt(part) > 255) {
          return Parsed.error("is not a Python version request: version numbers above 255 are not Python versions");
        }
      }
      version = Pep440Version.parse(s).orElseThrow();
    } else {
      Optional<Pep440Version> pep440 = Pep440Version.parse(s);
      if (pep440.isPresent() && !s.contains("+")) {
        Pep440Version v = pep440.get();
        if (v.isPostRelease() || v.toString().contains(".dev") || v.releaseSize() > 3
            || !v.epoch().equals(java.math.BigInteger.ZERO)) {
          return Parsed.error("is not a Python version request: uv accepts release and pre-release versions only");
        }
        version = v;
      } else if (!s.isEmpty() && "<>=!~".indexOf(s.charAt(0)) >= 0) {
        try {
          VersionSpecifierSet range = VersionSpecifierSet.parse(s);
          if (!range.isEmpty()) {
            return Parsed.ok(new PythonRequest(Kind.RANGE, text, implementation, Optional.empty(),
                Optional.of(range), freethreaded));
          }
        } catch (IllegalArgumentException e) {
          return Parsed.error("is not a valid version range: " + e.getMessage());
        }
      }
    }
    if (version == null) {
      return Parsed.error("is not a Python version request");
    }
    int major = version.releasePart(0).intValue();
    int minor = version.releasePart(1).intValue();
    if (major < 3) {
      return Parsed.error("asks for Python " + version + "; uv supports Python 3.7 and newer only");
    }
    if (version.releaseSize() >= 2 && major == 3 && minor < 7) {
      return Parsed.error("asks for Python " + version + "; uv supports Python 3.7 and newer only");
    }
    if (freethreaded && version.releaseSize() >= 2 && major == 3 && minor < 13) {
      return Parsed.error("asks for a free-threaded Python " + version + "; free-threading exists from 3.13 on");
    }
    return Parsed.ok(new PythonRequest(Kind.VERSION, text, implementation, Optional.of(version), Optional.empty(),
        freethreaded));
  }

  /** Whether the version is known (a version or a range), so version rules can compare it. */
  public boolean hasVersion() {
    return kind == Kind.VERSION || kind == Kind.RANGE;
  }

  /** {@code major.minor} when the request names one exactly (3.12, 3.12.1, cpython@3.12), else empty. */
  public Optional<String> majorMinor() {
    if (kind != Kind.VERSION || version.isEmpty() || version.get().releaseSize() < 2) {
      return Optional.empty();
    }
    return Optional.of(version.get().releasePart(0) + "." + version.get().releasePart(1));
  }

  /** Whether a Python interpreter of version {@code candidate} satisfies this request, as uv decides it. */
  public boolean admits(Pep440Version candidate) {
    switch (kind) {
      case VERSION: {
        Pep440Version v = version.orElseThrow();
        if (v.isPrerelease()) {
          return candidate.equals(v);
        }
        for (int i = 0; i < v.releaseSize(); i++) {
          if (!candidate.releasePart(i).equals(v.releasePart(i))) {
            return false;
          }
        }
        return !candidate.isPrerelease();
      }
      case RANGE:
        return range.orElseThrow().containsIgnoringPrereleasePolicy(candidate.baseVersion());
      default:
        return true;
    }
  }
}
