package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;

/** {@code !e} or {@code -e}. */
public final class UnaryOp extends Expr {
  UnaryOp(SyntaxNode node) {
    super(node);
  }

  /** True for {@code !}, false for {@code -}. */
  public boolean isNot() {
    return syntax().firstToken(SyntaxKind.BANG) != null;
  }

  public Expr operand() {
    return childExpr(0);
  }
}
