package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;

/** {@code let binds in body}. */
public final class LetIn extends Expr implements HasBindings {
  LetIn(SyntaxNode node) {
    super(node);
  }

  public Expr body() {
    return exprAfter(SyntaxKind.KW_IN);
  }
}
