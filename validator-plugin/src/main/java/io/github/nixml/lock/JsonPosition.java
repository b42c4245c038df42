package io.github.nixml.lock;

/** A 1-based line and column in a JSON text, as Jackson reports them for the first character of a token. */
public record JsonPosition(int line, int column) {

  /** The start of the file, for problems that have no better place. */
  public static final JsonPosition START = new JsonPosition(1, 1);
}
