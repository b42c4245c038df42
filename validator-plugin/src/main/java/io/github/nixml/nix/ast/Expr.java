package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;

/**
 * A typed view of an expression node. Views are cheap wrappers created on demand; the syntax
 * node underneath ({@link #syntax()}) holds positions and text.
 */
public abstract sealed class Expr
    permits Lambda, Assert, With, LetIn, LegacyLet, IfElse, BinOp, UnaryOp, HasAttr, Apply, Select,
        Ident, Literal, StringLit, PathLit, SearchPath, Paren, AttrSet, NixList {
  private final SyntaxNode node;

  Expr(SyntaxNode node) {
    this.node = node;
  }

  public final SyntaxNode syntax() {
    return node;
  }

  public final int offset() {
    return node.offset();
  }

  public final int end() {
    return node.end();
  }

  /** The view for an expression node, or null for anything else (error nodes included). */
  public static Expr cast(SyntaxNode node) {
    if (node == null) {
      return null;
    }
    return switch (node.kind()) {
      case LAMBDA -> new Lambda(node);
      case ASSERT -> new Assert(node);
      case WITH -> new With(node);
      case LET_IN -> new LetIn(node);
      case LEGACY_LET -> new LegacyLet(node);
      case IF_ELSE -> new IfElse(node);
      case BIN_OP -> new BinOp(node);
      case UNARY_OP -> new UnaryOp(node);
      case HAS_ATTR -> new HasAttr(node);
      case APPLY -> new Apply(node);
      case SELECT -> new Select(node);
      case IDENT_REF -> new Ident(node);
      case LITERAL -> new Literal(node);
      case STRING, IND_STRING -> new StringLit(node);
      case PATH_EXPR -> new PathLit(node);
      case SEARCH_PATH -> new SearchPath(node);
      case PAREN -> new Paren(node);
      case ATTR_SET -> new AttrSet(node);
      case LIST -> new NixList(node);
      default -> null;
    };
  }

  public static boolean isExpr(SyntaxKind kind) {
    return switch (kind) {
      case LAMBDA, ASSERT, WITH, LET_IN, LEGACY_LET, IF_ELSE, BIN_OP, UNARY_OP, HAS_ATTR, APPLY, SELECT,
          IDENT_REF, LITERAL, STRING, IND_STRING, PATH_EXPR, SEARCH_PATH, PAREN, ATTR_SET, LIST -> true;
      default -> false;
    };
  }

  /** This expression with any enclosing parentheses looked through. */
  public Expr unparenthesized() {
    Expr e = this;
    while (e instanceof Paren p && p.inner() != null) {
      e = p.inner();
    }
    return e;
  }

  /** The n-th child expression node (0-based), or null. */
  final Expr childExpr(int index) {
    int seen = 0;
    for (SyntaxNode child : node.children()) {
      if (isExpr(child.kind())) {
        if (seen++ == index) {
          return cast(child);
        }
      }
    }
    return null;
  }

  /** The first child expression node after the first direct token of the given kind, or null. */
  final Expr exprAfter(SyntaxKind tokenKind) {
    var token = node.firstToken(tokenKind);
    if (token == null) {
      return null;
    }
    for (SyntaxNode child : node.children()) {
      if (child.offset() >= token.end() && isExpr(child.kind())) {
        return cast(child);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "@" + offset() + ".." + end();
  }
}
