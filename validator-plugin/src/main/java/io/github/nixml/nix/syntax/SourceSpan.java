package io.github.nixml.nix.syntax;

/**
 * Where something stands in its file: 0-based char offset and length, 1-based line and column, and which file:
 * {@code file} is null for the file being analysed (a flake's {@code flake.nix}) and otherwise the path of a file
 * it imports, relative to the directory the evaluator may read (the project's: {@code nix/shell.nix}). The one position type of the front-end,
 * the model and the diagnostics; reports turn it into a {@code Location} with a path.
 */
public record SourceSpan(int offset, int length, int line, int column, String file) {

  /** A place in the file being analysed. */
  public SourceSpan(int offset, int length, int line, int column) {
    this(offset, length, line, column, null);
  }

  /** Whether the span lies in an imported file rather than the file being analysed. */
  public boolean imported() {
    return file != null;
  }

  /** {@code line:column}, for messages. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
