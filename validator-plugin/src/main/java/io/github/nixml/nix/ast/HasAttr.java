package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import java.util.List;

/** {@code e ? a.b}. */
public final class HasAttr extends Expr {
  HasAttr(SyntaxNode node) {
    super(node);
  }

  public Expr expr() {
    return childExpr(0);
  }

  public List<AttrName> attrpath() {
    return AttrName.ofPath(syntax().firstChild(SyntaxKind.ATTRPATH));
  }
}
