package io.github.nixml.validate.rules.python;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.python.Pep440Version;
import io.github.nixml.validate.python.VersionSpecifierSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Moves the lower bound of {@code [project].requires-python} to a Python major.minor it excludes: each lower-bound
 * clause ({@code >=}, {@code >}) that shuts the version out becomes {@code >=X.Y}, a compatible release
 * {@code ~=} keeps its form with {@code X.Y} as the floor; the other clauses
 * stay. No fix when an upper bound, a pin or an exclusion shuts it out (that is a decision, not a slip), nor when
 * the value is not a plain one-line TOML string. The value is edited in place, at the position tomlj gives for
 * the key, so comments and the rest of the file stay as they are.
 */
public final class RequiresPythonBound {
  private static final String KEY = "project.requires-python";
  private static final int MAX_PATCH = 99;

  private RequiresPythonBound() {}

  /** The fix that makes requires-python admit {@code majorMinor} (3.12), or empty. */
  public static Optional<Fix> fix(SourceFile pyproject, TomlTable toml, String majorMinor) {
    if (!(toml.get(KEY) instanceof String value) || pyproject.text().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> raised = admitting(value, majorMinor);
    TomlPosition position = toml.inputPositionOf(KEY);
    if (raised.isEmpty() || position == null) {
      return Optional.empty();
    }
    String text = pyproject.text().get();
    int valueStart = valueStart(text, pyproject.offsetOf(position.line(), position.column()));
    if (valueStart < 0) {
      return Optional.empty();
    }
    char quote = text.charAt(valueStart);
    int close = text.indexOf(quote, valueStart + 1);
    int newline = text.indexOf('\n', valueStart);
    if (close < 0 || (newline >= 0 && close > newline) || close == valueStart + 1
        || text.substring(valueStart + 1, close).indexOf('\\') >= 0
        || !text.substring(valueStart + 1, close).equals(value)) {
      return Optional.empty(); // an escape, a multi-line or empty string: leave it to the user
    }
    return Optional.of(Fix.of("set requires-python to \"" + raised.get() + "\" in " + pyproject.path(),
        TextEdit.replace(pyproject.path(), valueStart + 1, close - valueStart - 1, raised.get())));
  }

  /** {@code specifiers} changed so that they admit every {@code X.Y.*} release, or empty when that needs more. */
  static Optional<String> admitting(String specifiers, String majorMinor) {
    VersionSpecifierSet parsed;
    try {
      parsed = VersionSpecifierSet.parse(specifiers);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] parts = majorMinor.split("\\.");
    Pep440Version lowest = Pep440Version.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 0);
    List<String> clauses = new ArrayList<>();
    boolean changed = false;
    for (VersionSpecifierSet.Specifier clause : parsed.specifiers()) {
      boolean admits = VersionSpecifierSet.parse(clause.toString()).contains(lowest);
      if (admits) {
        clauses.add(clause.toString());
      } else if (clause.operator().equals(">=") || clause.operator().equals(">")) {
        clauses.add(">=" + majorMinor);
        changed = true;
      } else if (clause.operator().equals("~=")) {
        // keep the compatible-release upper bound: ~=3.11.5 becomes ~=3.11.0, ~=3.13 becomes ~=3.12
        int size = clause.version().releaseSize();
        clauses.add("~=" + majorMinor + ".0".repeat(Math.max(0, size - 2)));
        changed = true;
      } else {
        return Optional.empty();
      }
    }
    if (!changed) {
      return Optional.empty();
    }
    String result = String.join(specifiers.contains(", ") ? ", " : ",", clauses);
    return admitsSome(VersionSpecifierSet.parse(result), majorMinor) ? Optional.of(result) : Optional.empty();
  }

  /** Whether {@code specifiers} (valid) already admit some {@code X.Y.*} release of {@code majorMinor}. */
  static boolean admits(String specifiers, String majorMinor) {
    try {
      return admitsSome(VersionSpecifierSet.parse(specifiers), majorMinor);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean admitsSome(VersionSpecifierSet specifiers, String majorMinor) {
    String[] parts = majorMinor.split("\\.");
    for (int patch = 0; patch <= MAX_PATCH; patch++) {
      if (specifiers.contains(Pep440Version.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), patch))) {
        return true;
      }
    }
    return false;
  }

  /** The offset of the opening quote of the value whose key starts at {@code keyStart}, or -1. */
  private static int valueStart(String text, int keyStart) {
    int i = keyStart;
    while (i < text.length() && text.charAt(i) != '=' && text.charAt(i) != '\n') {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        int end = text.indexOf(c, i + 1);
        if (end < 0) {
          return -1;
        }
        i = end;
      }
      i++;
    }
    if (i >= text.length() || text.charAt(i) != '=') {
      return -1;
    }
    i++;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'') ? i : -1;
  }
}
