package io.github.nixml.nix.syntax;

/** A token with its exact text. Equal tokens are shared (interned) within one tree. */
public record GreenToken(SyntaxKind kind, String text) implements GreenElement {
  @Override
  public int width() {
    return text.length();
  }
}
