package io.github.nixml.nix.syntax;

/** A node or token placed in a tree: knows its absolute offset and parent. */
public sealed interface SyntaxElement permits SyntaxNode, SyntaxToken {
  SyntaxKind kind();

  /** Offset (in chars) of the first char covered. */
  int offset();

  /** Offset just past the last char covered. */
  int end();

  default int length() {
    return end() - offset();
  }

  /** The enclosing node, or null for the root. */
  SyntaxNode parent();

  String text();
}
