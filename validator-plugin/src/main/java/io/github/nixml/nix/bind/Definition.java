package io.github.nixml.nix.bind;

import io.github.nixml.nix.syntax.SyntaxNode;

/** Where a name is bound: the syntax node that introduces it and what kind of binding it is. */
public record Definition(String name, Kind kind, SyntaxNode site) {
  /** The constructs that bind names lexically. */
  public enum Kind {
    /** {@code let a = ...; in} (also {@code let inherit a;}). */
    LET,
    /** An attribute of a {@code rec { }} set or a legacy {@code let { }}. */
    REC_ATTRIBUTE,
    /** {@code x: body}. */
    LAMBDA_PARAMETER,
    /** {@code { x ? d }: body}. */
    FORMAL,
    /** {@code args@{ ... }: body}. */
    PATTERN_BIND
  }
}
