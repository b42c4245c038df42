package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxNode;

/** {@code function argument}. */
public final class Apply extends Expr {
  Apply(SyntaxNode node) {
    super(node);
  }

  public Expr function() {
    return childExpr(0);
  }

  public Expr argument() {
    return childExpr(1);
  }
}
