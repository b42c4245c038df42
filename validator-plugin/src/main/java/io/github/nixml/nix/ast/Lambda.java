package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.nix.syntax.SyntaxToken;

/** {@code x: body} or {@code { formals } @ x: body}. */
public final class Lambda extends Expr {
  Lambda(SyntaxNode node) {
    super(node);
  }

  /** The identifier of {@code x: body}, or null when the lambda has formals. */
  public SyntaxToken param() {
    SyntaxNode param = syntax().firstChild(SyntaxKind.IDENT_PARAM);
    return param == null ? null : param.firstToken(SyntaxKind.IDENT);
  }

  /** The formals, or null for {@code x: body}. */
  public Pattern pattern() {
    SyntaxNode pattern = syntax().firstChild(SyntaxKind.PATTERN);
    return pattern == null ? null : new Pattern(pattern);
  }

  public Expr body() {
    return exprAfter(SyntaxKind.COLON);
  }
}
