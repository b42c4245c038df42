package io.github.nixml.validate;

import java.util.Objects;

/**
 * A place in a file: a path relative to the validation root with {@code /} separators, a 1-based line and
 * column, and optionally an end (inclusive line, exclusive column; 0 when unknown). Line 0 means the whole file,
 * e.g. a file that is missing or cannot be read.
 */
public record Location(String path, int line, int column, int endLine, int endColumn) implements Comparable<Location> {

  public Location {
    Objects.requireNonNull(path, "path");
    if (line < 0 || column < 0 || endLine < 0 || endColumn < 0) {
      throw new IllegalArgumentException("negative position in " + path);
    }
  }

  /** A point in a file. */
  public static Location of(String path, int line, int column) {
    return new Location(path, line, column, 0, 0);
  }

  /** A range in a file. */
  public static Location range(String path, int line, int column, int endLine, int endColumn) {
    return new Location(path, line, column, endLine, endColumn);
  }

  /** The file as a whole (missing, unreadable, or a finding about its entire content). */
  public static Location wholeFile(String path) {
    return new Location(path, 0, 0, 0, 0);
  }

  public boolean isWholeFile() {
    return line == 0;
  }

  public boolean hasEnd() {
    return endLine > 0;
  }

  @Override
  public int compareTo(Location other) {
    int byPath = path.compareTo(other.path);
    if (byPath != 0) {
      return byPath;
    }
    int byLine = Integer.compare(line, other.line);
    if (byLine != 0) {
      return byLine;
    }
    int byColumn = Integer.compare(column, other.column);
    if (byColumn != 0) {
      return byColumn;
    }
    int byEndLine = Integer.compare(endLine, other.endLine);
    return byEndLine != 0 ? byEndLine : Integer.compare(endColumn, other.endColumn);
  }

  /** {@code path:line:col}, or just {@code path} for the whole file. */
  @Override
  public String toString() {
    return isWholeFile() ? path : path + ":" + line + ":" + column;
  }
}
