package io.github.nixml.model;

/** A configuration flag as far as the model can tell. */
public enum Tristate {
  TRUE,
  FALSE,
  UNKNOWN;

  public static Tristate of(boolean value) {
    return value ? TRUE : FALSE;
  }
}
