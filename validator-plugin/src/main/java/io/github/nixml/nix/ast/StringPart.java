package io.github.nixml.nix.ast;

/** A part of a cooked string: literal text, or an interpolated expression. */
public sealed interface StringPart {
  /** Offset in the source of the first char this part comes from. */
  int offset();

  /** Length in the source of what this part comes from. */
  int length();

  /** Cooked text (escapes processed, indentation stripped) and the source range it comes from. */
  record Text(String text, int offset, int length) implements StringPart {}

  /** <code>${ expr }</code>; expr is null when the interpolation is broken. */
  record Interpolation(Expr expr, int offset, int length) implements StringPart {}
}
