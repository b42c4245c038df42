package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/** {@code [ a b c ]}. */
public final class NixList extends Expr {
  NixList(SyntaxNode node) {
    super(node);
  }

  public List<Expr> elements() {
    List<Expr> out = new ArrayList<>();
    for (SyntaxNode child : syntax().children()) {
      Expr e = Expr.cast(child);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }
}
