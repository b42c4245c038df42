package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxNode;

/** {@code ( e )}. */
public final class Paren extends Expr {
  Paren(SyntaxNode node) {
    super(node);
  }

  public Expr inner() {
    return childExpr(0);
  }
}
