package io.github.nixml.nix.bind;

import io.github.nixml.nix.syntax.SyntaxNode;

/** What a variable reference refers to. */
public sealed interface Resolution {
  /** A lexical binding (let, rec, lambda argument or formal). */
  record Local(Definition definition) implements Resolution {}

  /** A name of Nix's base environment ({@code builtins}, {@code map}, {@code true}, ...). */
  record Builtin(String name) implements Resolution {}

  /** Not bound lexically: looked up at evaluation time in the innermost enclosing {@code with}. */
  record FromWith(SyntaxNode with) implements Resolution {}

  /** Not bound anywhere: Nix rejects the file. */
  record Undefined(String name) implements Resolution {}
}
