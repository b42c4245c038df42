package io.github.nixml.nix.bind;

import io.github.nixml.nix.ast.Ident;
import java.util.List;
import java.util.Map;

/** The result of binding a file: what each variable reference resolves to, and the problems. */
public final class Bindings {
  private final Map<Integer, Resolution> byOffset;
  private final List<BindProblem> problems;

  Bindings(Map<Integer, Resolution> byOffset, List<BindProblem> problems) {
    this.byOffset = byOffset;
    this.problems = List.copyOf(problems);
  }

  /** What a variable reference resolves to (null for a reference the binder never reached). */
  public Resolution resolve(Ident ident) {
    return byOffset.get(ident.offset());
  }

  /**
   * What the reference starting at this offset resolves to: a variable reference, or the name of a
   * plain {@code inherit}; null when there is none.
   */
  public Resolution resolveAt(int offset) {
    return byOffset.get(offset);
  }

  /** Duplicate attributes and formals, undefined variables, dynamic attributes where not allowed. */
  public List<BindProblem> problems() {
    return problems;
  }
}
