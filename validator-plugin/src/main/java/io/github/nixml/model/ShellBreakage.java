package io.github.nixml.model;

import io.github.nixml.nix.syntax.SourceSpan;

/**
 * Something in a dev shell's call that makes Nix fail when it builds the shell, whatever the system: the model
 * knows the value and what the builder does with it.
 *
 * @param kind what is wrong
 * @param attribute the attribute of the call that breaks it ({@code targetPkgs})
 * @param nixError what Nix says, as it says it
 * @param location where Nix fails: the attribute, or the expression that fails inside its value
 */
public record ShellBreakage(Kind kind, String attribute, String nixError, SourceSpan location) {

  public enum Kind {
    /** A list where the builder calls a function ({@code targetPkgs = [ … ]}). */
    NOT_A_FUNCTION,
    /** A type error inside the value ({@code [ … ] ++ aFunction}). */
    TYPE_ERROR,
    /**
     * The flake's per-system outputs selected without their system level ({@code self.devShells.rust}) or with it
     * twice ({@code self'.packages.${system}}): an attribute missing on every system.
     */
    SYSTEM_LEVEL
  }
}
