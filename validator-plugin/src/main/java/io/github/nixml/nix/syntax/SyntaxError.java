package io.github.nixml.nix.syntax;

/** A syntax problem found by the lexer or parser, at a char offset into the text. */
public record SyntaxError(Kind kind, int offset, int length, String message) {

  /** What went wrong: the text is not Nix, or it nests deeper than Nix's own parser follows. */
  public enum Kind { SYNTAX, TOO_DEEP }

  /** A plain syntax error. */
  public SyntaxError(int offset, int length, String message) {
    this(Kind.SYNTAX, offset, length, message);
  }
}
