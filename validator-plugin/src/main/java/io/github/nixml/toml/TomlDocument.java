package io.github.nixml.toml;

import io.github.nixml.nix.syntax.LineIndex;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * A TOML text (pyproject.toml, uv.lock) parsed through the validator's one TOML entry point: its table when it is
 * valid TOML 1.0, else its errors in file order, each with a 1-based line and column.
 *
 * <p>tomlj's parser recurses once per nested array or inline table and overflows the stack on a few thousand
 * levels, so a text nested deeper than {@link #MAX_NESTING} is refused before tomlj sees it, with one error at the
 * bracket that goes too deep (as flake.lock is for JSON). Real files stay under ten levels (uv.lock: three), and
 * uv's own parser refuses nesting in the hundreds.
 *
 * @param table the document, present exactly when there are no errors
 * @param errors why the text is not valid TOML, first error first; empty when it is
 */
public record TomlDocument(Optional<TomlTable> table, List<TomlDocument.Error> errors) {

  /** The deepest nesting of arrays and inline tables read. */
  public static final int MAX_NESTING = 128;

  /** One reason the text is not TOML, at a 1-based line and column (in chars). */
  public record Error(String message, int line, int column) {
    @Override
    public String toString() {
      return message + " (line " + line + ", column " + column + ")";
    }
  }

  public TomlDocument {
    Objects.requireNonNull(table, "table");
    errors = List.copyOf(errors);
    if (table.isPresent() == !errors.isEmpty()) {
      throw new IllegalArgumentException("a document has a table or errors, not both");
    }
  }

  /** Parses {@code text}; never throws. */
  public static TomlDocument parse(String text) {
    int tooDeep = tooDeepAt(text);
    if (tooDeep >= 0) {
      LineIndex lines = new LineIndex(text);
      return new TomlDocument(Optional.empty(), List.of(new Error("nested too deeply: more than " + MAX_NESTING
          + " levels of arrays and inline tables", lines.line(tooDeep), lines.column(tooDeep))));
    }
    TomlParseResult parsed = Toml.parse(text);
    if (!parsed.hasErrors()) {
      return new TomlDocument(Optional.of(parsed), List.of());
    }
    return new TomlDocument(Optional.empty(), parsed.errors().stream().map(TomlDocument::error).toList());
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** The first error: TOML parsers (uv's, pip's) stop there, and what follows it mostly echoes it. */
  public Optional<Error> firstError() {
    return errors.stream().findFirst();
  }

  private static Error error(TomlParseError error) {
    return new Error(error.getMessage(), Math.max(1, error.position().line()),
        Math.max(1, error.position().column()));
  }

  /**
   * The offset of the first {@code [} or {@code {} that opens more than {@link #MAX_NESTING} levels, or -1. Strings
   * and comments are skipped; a table header ({@code [a]}, {@code [[a]]}) is one or two levels that close at once.
   */
  static int tooDeepAt(String text) {
    int depth = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '#') {
        int newline = text.indexOf('\n', i);
        i = newline < 0 ? text.length() : newline;
        continue;
      }
      if (c == '"' || c == '\'') {
        i = afterString(text, i);
        continue;
      }
      if (c == '[' || c == '{') {
        if (++depth > MAX_NESTING) {
          return i;
        }
      } else if (c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      }
      i++;
    }
    return -1;
  }

  /**
   * The offset after the string that starts at {@code start}: basic ({@code "}) strings take backslash escapes,
   * literal ({@code '}) ones do not; a one-line string ends at the end of its line at the latest; a multi-line one
   * closes at a run of three to five quotes (up to two of them content).
   */
  private static int afterString(String text, int start) {
    char quote = text.charAt(start);
    boolean multiLine = text.startsWith(String.valueOf(quote).repeat(3), start);
    int i = start + (multiLine ? 3 : 1);
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && quote == '"') {
        i += 2;
      } else if (c == '\n' && !multiLine) {
        return i;
      } else if (c == quote) {
        int run = 1;
        while (i + run < text.length() && text.charAt(i + run) == quote) {
          run++;
        }
        if (!multiLine || run >= 3) {
          return i + (multiLine ? run : 1);
        }
        i += run;
      } else {
        i++;
      }
    }
    return text.length();
  }
}
