package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.nix.syntax.SyntaxToken;

/** An integer, float or URI literal. */
public final class Literal extends Expr {
  Literal(SyntaxNode node) {
    super(node);
  }

  public SyntaxToken token() {
    return syntax().firstSignificantToken();
  }

  /** INT, FLOAT or URI. */
  public SyntaxKind literalKind() {
    SyntaxToken token = token();
    return token == null ? null : token.kind();
  }

  public String text() {
    SyntaxToken token = token();
    return token == null ? "" : token.text();
  }
}
