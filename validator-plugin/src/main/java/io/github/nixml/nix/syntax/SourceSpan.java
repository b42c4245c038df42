package io.github.nixml.nix.syntax;

/**
 * Where something stands in its file: 0-based char offset and length, 1-based line and column. The one position
 * type of the front-end, the model and the diagnostics; reports turn it into a {@code Location} with a path.
 */
public record SourceSpan(int offset, int length, int line, int column) {

  /** {@code line:column}, for messages. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
