package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import java.util.List;

/** {@code e.a.b} or {@code e.a.b or default}. */
public final class Select extends Expr {
  Select(SyntaxNode node) {
    super(node);
  }

  public Expr expr() {
    return childExpr(0);
  }

  public List<AttrName> attrpath() {
    return AttrName.ofPath(syntax().firstChild(SyntaxKind.ATTRPATH));
  }

  /** The {@code or} default, or null. */
  public Expr orDefault() {
    return exprAfter(SyntaxKind.KW_OR);
  }
}
