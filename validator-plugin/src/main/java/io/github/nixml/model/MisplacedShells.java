package io.github.nixml.model;

import io.github.nixml.nix.syntax.SourceSpan;
import java.util.Objects;

/**
 * Dev shells written where {@code nix develop} does not look: it asks for {@code devShells.<system>.<name>} (or
 * {@code devShell.<system>}), so a shell needs exactly one system level above it.
 *
 * @param kind what is wrong with the levels
 * @param path the attribute path the shells were found at, as written ({@code devShells.default},
 *     {@code devShells.x86_64-linux.x86_64-linux})
 * @param span where the misplaced attribute is named
 */
public record MisplacedShells(Kind kind, String path, SourceSpan span) {

  /** How the levels differ from what {@code nix develop} looks up. */
  public enum Kind {
    /** A shell directly under {@code devShells} or as {@code devShell}, outside any per-system construct. */
    NO_SYSTEM_LEVEL,
    /** A system name under a system level that is already there ({@code eachDefaultSystem} plus {@code ${system}}). */
    SYSTEM_LEVEL_REPEATED
  }

  public MisplacedShells {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(span, "span");
  }
}
