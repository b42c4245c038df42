package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxNode;

/** {@code let { binds }}: a recursive set whose value is its {@code body} attribute. */
public final class LegacyLet extends Expr implements HasBindings {
  LegacyLet(SyntaxNode node) {
    super(node);
  }
}
