package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;

/** {@code assert e; body}. */
public final class Assert extends Expr {
  Assert(SyntaxNode node) {
    super(node);
  }

  /** The expression before the ';'. */
  public Expr condition() {
    return childExpr(0);
  }

  public Expr body() {
    return exprAfter(SyntaxKind.SEMICOLON);
  }
}
