package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One part of an attribute path or inherit list: a plain name, a "string" or <code>${expr}</code>.
 * {@link #staticName()} is the name when Nix knows it at parse time, which includes strings
 * without interpolation and <code>${"a"}</code> (Nix 2.8 treats an interpolated plain string as
 * static).
 */
public final class AttrName {
  private final SyntaxNode node;

  private AttrName(SyntaxNode node) {
    this.node = node;
  }

  static AttrName cast(SyntaxNode node) {
    if (node == null) {
      return null;
    }
    return switch (node.kind()) {
      case ATTR_NAME, STRING, DYNAMIC -> new AttrName(node);
      default -> null;
    };
  }

  static List<AttrName> ofPath(SyntaxNode attrpath) {
    List<AttrName> out = new ArrayList<>();
    if (attrpath != null) {
      for (SyntaxNode child : attrpath.children()) {
        AttrName name = cast(child);
        if (name != null) {
          out.add(name);
        }
      }
    }
    return out;
  }

  public SyntaxNode syntax() {
    return node;
  }

  public int offset() {
    return node.offset();
  }

  public boolean isDynamic() {
    return staticName() == null;
  }

  /** The name, or null when it is only known at evaluation time. */
  public String staticName() {
    return switch (node.kind()) {
      case ATTR_NAME -> node.firstSignificantToken().text();
      case STRING -> new StringLit(node).staticText();
      case DYNAMIC -> {
        Expr inner = null;
        for (SyntaxNode child : node.children()) {
          inner = Expr.cast(child);
          if (inner != null) {
            break;
          }
        }
        yield inner == null ? null : staticValueOf(inner.unparenthesized());
      }
      default -> null;
    };
  }

  /** The expression of <code>${expr}</code>, or null for other kinds of name. */
  public Expr dynamicExpr() {
    if (node.kind() != SyntaxKind.DYNAMIC) {
      return null;
    }
    for (SyntaxNode child : node.children()) {
      Expr e = Expr.cast(child);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /** What Nix 2.8 sees as an {@code ExprString}: a string without interpolation, or a URI. */
  static String staticValueOf(Expr e) {
    if (e instanceof StringLit s) {
      return s.staticText();
    }
    if (e instanceof Literal l && l.literalKind() == SyntaxKind.URI) {
      return l.text();
    }
    return null;
  }

  @Override
  public String toString() {
    String name = staticName();
    return name != null ? name : "${...}";
  }
}
