package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/** A construct holding {@code binds}: attribute sets, {@code let ... in} and legacy {@code let { }}. */
public interface HasBindings {
  SyntaxNode syntax();

  /** {@code path = value;} entries, in source order. */
  default List<Binding> bindings() {
    List<Binding> out = new ArrayList<>();
    for (SyntaxNode child : syntax().children()) {
      if (child.kind() == SyntaxKind.BINDING) {
        out.add(new Binding(child));
      }
    }
    return out;
  }

  /** {@code inherit ...;} entries, in source order. */
  default List<Inherit> inherits() {
    List<Inherit> out = new ArrayList<>();
    for (SyntaxNode child : syntax().children()) {
      if (child.kind() == SyntaxKind.INHERIT) {
        out.add(new Inherit(child));
      }
    }
    return out;
  }

  /** The static value bound to a top-level name by {@code name = value;}, or null. */
  default Expr get(String name) {
    for (Binding binding : bindings()) {
      List<AttrName> path = binding.attrpath();
      if (path.size() == 1 && name.equals(path.get(0).staticName())) {
        return binding.value();
      }
    }
    return null;
  }
}
