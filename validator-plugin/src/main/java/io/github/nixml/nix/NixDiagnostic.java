package io.github.nixml.nix;

import io.github.nixml.nix.syntax.SourceSpan;

/**
 * One problem Nix itself would report when parsing a file: a syntax error, a duplicate attribute or
 * formal, an undefined variable. Positions are 0-based offsets (in chars of the decoded text) and
 * 1-based line and column.
 */
public record NixDiagnostic(Kind kind, String message, int offset, int length, int line, int column) {

  /** Where the problem is, as the one span type. */
  public SourceSpan span() {
    return new SourceSpan(offset, length, line, column);
  }

  /** What Nix rejects at parse time. */
  public enum Kind {
    SYNTAX,
    DUPLICATE_ATTRIBUTE,
    DUPLICATE_FORMAL,
    UNDEFINED_VARIABLE,
    /** Nesting deeper than the parser follows; Nix would accept it, we refuse to recurse. */
    TOO_DEEP
  }
}
