package io.github.nixml.model;

/** Where an expression stands in its file: 0-based char offset and length, 1-based line and column. */
public record SourceSpan(int offset, int length, int line, int column) {

  /** {@code line:column}, for messages. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
