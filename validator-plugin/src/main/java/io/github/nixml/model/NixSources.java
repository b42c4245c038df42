package io.github.nixml.model;

/** nixml's own Nix sources as a whole, for callers outside the model. */
public final class NixSources {
  private NixSources() {}

  /**
   * Parses nixpkgs' {@code lib} and flake-utils' sources now (once per JVM, as their first use would) and
   * evaluates {@code lib} once, its value then dropped: a caller does it on a thread of its own while the project's
   * files are read, so that the evaluator's classes and builtins are ready when the project's evaluation starts.
   */
  public static void prepare() {
    NixLibrary.term(NixLibrary.Source.FLAKE_UTILS);
    NixLibrary.evaluateOnce();
  }
}
