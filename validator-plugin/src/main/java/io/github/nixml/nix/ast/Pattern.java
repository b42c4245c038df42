package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.nix.syntax.SyntaxToken;
import java.util.ArrayList;
import java.util.List;

/** The formals of a lambda: {@code { a, b ? d, ... }}, optionally bound with {@code @}. */
public final class Pattern {
  private final SyntaxNode node;

  Pattern(SyntaxNode node) {
    this.node = node;
  }

  public SyntaxNode syntax() {
    return node;
  }

  public List<Formal> formals() {
    List<Formal> out = new ArrayList<>();
    for (SyntaxNode child : node.children()) {
      if (child.kind() == SyntaxKind.PAT_ENTRY) {
        out.add(new Formal(child));
      }
    }
    return out;
  }

  public boolean hasEllipsis() {
    return node.firstToken(SyntaxKind.ELLIPSIS) != null;
  }

  /** The name bound to the whole argument by {@code @}, or null. */
  public SyntaxToken bindName() {
    SyntaxNode bind = node.firstChild(SyntaxKind.PAT_BIND);
    return bind == null ? null : bind.firstToken(SyntaxKind.IDENT);
  }

  /** One formal argument and its optional default. */
  public static final class Formal {
    private final SyntaxNode node;

    Formal(SyntaxNode node) {
      this.node = node;
    }

    public SyntaxNode syntax() {
      return node;
    }

    public SyntaxToken name() {
      return node.firstToken(SyntaxKind.IDENT);
    }

    /** The default value, or null. */
    public Expr defaultValue() {
      for (SyntaxNode child : node.children()) {
        Expr e = Expr.cast(child);
        if (e != null) {
          return e;
        }
      }
      return null;
    }
  }
}
