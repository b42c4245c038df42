package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;

/** {@code { ... }} or {@code rec { ... }}. */
public final class AttrSet extends Expr implements HasBindings {
  AttrSet(SyntaxNode node) {
    super(node);
  }

  public boolean isRecursive() {
    return syntax().firstToken(SyntaxKind.KW_REC) != null;
  }
}
