package io.github.nixml.nix.syntax;

import java.util.List;

/** The token stream of one text: kinds and start offsets in parallel arrays (no object per token). */
public final class Tokens {
  private final String text;
  private final byte[] kinds;
  private final int[] starts;
  private final int count;
  private final List<SyntaxError> errors;
  private static final int LAST_TRIVIA = SyntaxKind.NUL_TAIL.ordinal();

  Tokens(String text, byte[] kinds, int[] starts, int count, List<SyntaxError> errors) {
    this.text = text;
    this.kinds = kinds;
    this.starts = starts;
    this.count = count;
    this.errors = errors;
  }

  public String text() {
    return text;
  }

  public int count() {
    return count;
  }

  public SyntaxKind kind(int i) {
    return i < count ? SyntaxKind.VALUES[kinds[i]] : SyntaxKind.EOF;
  }

  /** Whether token {@code i} is whitespace, a comment or the NUL tail (the first kinds); false past the end. */
  boolean isTrivia(int i) {
    return i < count && kinds[i] <= LAST_TRIVIA;
  }

  public int start(int i) {
    return i < count ? starts[i] : text.length();
  }

  public int end(int i) {
    return i + 1 < count ? starts[i + 1] : text.length();
  }

  public String tokenText(int i) {
    return text.substring(start(i), end(i));
  }

  /** Errors the lexer itself reports (a path with a trailing slash). */
  public List<SyntaxError> errors() {
    return errors;
  }
}
