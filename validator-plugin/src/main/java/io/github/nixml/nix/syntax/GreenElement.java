package io.github.nixml.nix.syntax;

/** An immutable, position-free piece of the syntax tree: a {@link GreenNode} or a {@link GreenToken}. */
public sealed interface GreenElement permits GreenNode, GreenToken {
  SyntaxKind kind();

  /** Length in chars of the text this element covers. */
  int width();
}
