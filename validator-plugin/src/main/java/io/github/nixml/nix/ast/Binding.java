package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import java.util.List;

/** {@code a.b."c".${d} = value;}. */
public final class Binding {
  private final SyntaxNode node;

  Binding(SyntaxNode node) {
    this.node = node;
  }

  public SyntaxNode syntax() {
    return node;
  }

  public SyntaxNode attrpathSyntax() {
    return node.firstChild(SyntaxKind.ATTRPATH);
  }

  public List<AttrName> attrpath() {
    return AttrName.ofPath(attrpathSyntax());
  }

  /** The path as dotted text when every part is static ({@code a.b.c}), else null. */
  public String staticPath() {
    StringBuilder out = new StringBuilder();
    for (AttrName name : attrpath()) {
      if (name.staticName() == null) {
        return null;
      }
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(name.staticName());
    }
    return out.toString();
  }

  public Expr value() {
    for (SyntaxNode child : node.children()) {
      if (child.kind() != SyntaxKind.ATTRPATH) {
        Expr e = Expr.cast(child);
        if (e != null) {
          return e;
        }
      }
    }
    return null;
  }
}
