package io.github.nixml.nix.bind;

import io.github.nixml.nix.ast.Ident;
import java.util.Arrays;
import java.util.List;

/** The result of binding a file: what each variable reference resolves to, and the problems. */
public final class Bindings {
  /** Offsets of resolved references, sorted; {@link #resolutions} in the same order. */
  private final int[] offsets;
  private final Resolution[] resolutions;
  private final List<BindProblem> problems;

  Bindings(int[] offsets, Resolution[] resolutions, List<BindProblem> problems) {
    this.offsets = offsets;
    this.resolutions = resolutions;
    this.problems = List.copyOf(problems);
  }

  /** What a variable reference resolves to (null for a reference the binder never reached). */
  public Resolution resolve(Ident ident) {
    return resolveAt(ident.offset());
  }

  /**
   * What the reference starting at this offset resolves to: a variable reference, or the name of a
   * plain {@code inherit}; null when there is none.
   */
  public Resolution resolveAt(int offset) {
    int index = Arrays.binarySearch(offsets, offset);
    return index >= 0 ? resolutions[index] : null;
  }

  /** How many references were resolved. */
  public int size() {
    return offsets.length;
  }

  /** Duplicate attributes and formals, undefined variables, dynamic attributes where not allowed. */
  public List<BindProblem> problems() {
    return problems;
  }
}
