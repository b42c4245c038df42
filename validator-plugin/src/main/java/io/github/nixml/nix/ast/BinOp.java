package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.nix.syntax.SyntaxToken;

/** {@code lhs op rhs}. */
public final class BinOp extends Expr {
  BinOp(SyntaxNode node) {
    super(node);
  }

  public Expr lhs() {
    return childExpr(0);
  }

  public Expr rhs() {
    return childExpr(1);
  }

  public SyntaxToken operatorToken() {
    for (SyntaxToken token : syntax().significantTokens()) {
      if (BinaryOperator.of(token.kind()) != null) {
        return token;
      }
    }
    return null;
  }

  public BinaryOperator operator() {
    SyntaxToken token = operatorToken();
    return token == null ? null : BinaryOperator.of(token.kind());
  }
}
