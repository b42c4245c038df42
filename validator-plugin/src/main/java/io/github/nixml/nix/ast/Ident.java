package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.nix.syntax.SyntaxToken;

/** A variable reference. */
public final class Ident extends Expr {
  Ident(SyntaxNode node) {
    super(node);
  }

  public SyntaxToken token() {
    return syntax().firstSignificantToken();
  }

  public String name() {
    SyntaxToken token = token();
    return token == null ? "" : token.text();
  }
}
