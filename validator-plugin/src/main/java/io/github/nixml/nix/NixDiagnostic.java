package io.github.nixml.nix;

/**
 * One problem Nix itself would report when parsing a file: a syntax error, a duplicate attribute or
 * formal, an undefined variable. Positions are 0-based offsets (in chars of the decoded text) and
 * 1-based line and column.
 */
public record NixDiagnostic(Kind kind, String message, int offset, int length, int line, int column) {

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
