package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxNode;

/** {@code <nixpkgs>}. */
public final class SearchPath extends Expr {
  SearchPath(SyntaxNode node) {
    super(node);
  }

  /** The name between the angle brackets. */
  public String name() {
    String text = syntax().firstSignificantToken().text();
    return text.substring(1, text.length() - 1);
  }
}
