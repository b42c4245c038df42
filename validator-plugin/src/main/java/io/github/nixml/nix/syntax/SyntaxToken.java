package io.github.nixml.nix.syntax;

/** A token placed in the tree (a "red" token): its green token, parent and absolute offset. */
public record SyntaxToken(GreenToken green, SyntaxNode parent, int offset) implements SyntaxElement {
  @Override
  public SyntaxKind kind() {
    return green.kind();
  }

  @Override
  public int end() {
    return offset + green.width();
  }

  @Override
  public String text() {
    return green.text();
  }

  @Override
  public String toString() {
    return kind() + "@" + offset + " " + text();
  }
}
