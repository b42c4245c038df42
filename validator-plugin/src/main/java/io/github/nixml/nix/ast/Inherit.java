package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/** {@code inherit a b;} or {@code inherit (source) a b;}. */
public final class Inherit {
  private final SyntaxNode node;

  Inherit(SyntaxNode node) {
    this.node = node;
  }

  public SyntaxNode syntax() {
    return node;
  }

  /** The expression in parentheses, or null for a plain {@code inherit}. */
  public Expr source() {
    SyntaxNode from = node.firstChild(SyntaxKind.INHERIT_FROM);
    if (from == null) {
      return null;
    }
    for (SyntaxNode child : from.children()) {
      Expr e = Expr.cast(child);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  public boolean hasSource() {
    return node.firstChild(SyntaxKind.INHERIT_FROM) != null;
  }

  public List<AttrName> names() {
    List<AttrName> out = new ArrayList<>();
    for (SyntaxNode child : node.children()) {
      AttrName name = AttrName.cast(child);
      if (name != null) {
        out.add(name);
      }
    }
    return out;
  }
}
