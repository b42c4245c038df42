package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;

/** {@code if c then a else b}. */
public final class IfElse extends Expr {
  IfElse(SyntaxNode node) {
    super(node);
  }

  public Expr condition() {
    return exprAfter(SyntaxKind.KW_IF);
  }

  public Expr thenBranch() {
    return exprAfter(SyntaxKind.KW_THEN);
  }

  public Expr elseBranch() {
    return exprAfter(SyntaxKind.KW_ELSE);
  }
}
