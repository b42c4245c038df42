package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;

/** {@code with e; body}. */
public final class With extends Expr {
  With(SyntaxNode node) {
    super(node);
  }

  /** The expression before the ';'. */
  public Expr namespace() {
    return childExpr(0);
  }

  public Expr body() {
    return exprAfter(SyntaxKind.SEMICOLON);
  }
}
