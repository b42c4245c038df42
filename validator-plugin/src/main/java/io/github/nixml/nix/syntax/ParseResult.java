package io.github.nixml.nix.syntax;

import java.util.List;

/** A green tree plus what was wrong with the text, sorted by offset. */
public record ParseResult(GreenNode green, List<SyntaxError> errors, boolean tooDeep) {
  public ParseResult {
    errors = List.copyOf(errors);
  }

  public SyntaxNode root() {
    return SyntaxNode.root(green);
  }
}
