package io.github.nixml.archetype.generate;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PEP 440 version of pyproject.toml for a Maven project version, where a faithful one exists: numbers
 * separated by dots, then at most one pre-release qualifier (alpha, beta, RC with an optional number) or a final
 * marker (Final, GA, RELEASE), then an optional -SNAPSHOT, which is a development release of what it precedes.
 */
final class PythonProjectVersion {

  static final String ALLOWED_FORM = "a Maven version that PEP 440 can express: numbers separated by dots, then"
      + " optionally -alpha-N, -beta-N or -RC N (N optional), .Final, and -SNAPSHOT (1.0-SNAPSHOT, 1.0.0-RC1,"
      + " 2.1-alpha-3, 1.0.0.Final)";

  private static final Pattern MAVEN_VERSION = Pattern.compile(
      "(\\d+(?:\\.\\d+)*)"
          + "(?:[.-]?(alpha|a|beta|b|rc|cr)[.-]?(\\d+)?|[.-](final|ga|release))?"
          + "(-SNAPSHOT)?",
      Pattern.CASE_INSENSITIVE);

  private PythonProjectVersion() {}

  /** 1.0-SNAPSHOT is 1.0.dev0, 1.0.0-RC1 is 1.0.0rc1, 2.1-alpha-3 is 2.1a3, 1.0.0.Final is 1.0.0. */
  static Optional<String> fromMaven(String mavenVersion) {
    Matcher m = MAVEN_VERSION.matcher(mavenVersion);
    if (!m.matches()) {
      return Optional.empty();
    }
    StringBuilder pep440 = new StringBuilder(m.group(1));
    if (m.group(2) != null) {
      String phase = switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "alpha", "a" -> "a";
        case "beta", "b" -> "b";
        default -> "rc";
      };
      pep440.append(phase).append(m.group(3) == null ? "0" : m.group(3));
    }
    if (m.group(5) != null) {
      pep440.append(".dev0");
    }
    return Optional.of(pep440.toString());
  }
}
