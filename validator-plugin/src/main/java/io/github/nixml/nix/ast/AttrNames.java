package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxNode;

/** Static attribute names of raw attrpath parts, for code that walks syntax nodes directly. */
public final class AttrNames {
  private AttrNames() {}

  /** The name of an ATTR_NAME, STRING or DYNAMIC node when Nix knows it at parse time, else null. */
  public static String staticName(SyntaxNode part) {
    AttrName name = AttrName.cast(part);
    return name == null ? null : name.staticName();
  }
}
