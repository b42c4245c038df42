package io.github.nixml.nix.bind;

/** A problem Nix reports while building its expression tree: offsets in chars. */
public record BindProblem(Kind kind, String message, int offset, int length) {
  /** Which check failed. */
  public enum Kind {
    DUPLICATE_ATTRIBUTE,
    DUPLICATE_FORMAL,
    UNDEFINED_VARIABLE,
    /** "dynamic attributes not allowed in let / inherit": a parse error to Nix. */
    SYNTAX
  }
}
