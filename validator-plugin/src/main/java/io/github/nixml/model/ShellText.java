package io.github.nixml.model;

import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * A string a shell defines: an environment variable, a hook ({@code shellHook}, {@code profile}) or the FHS
 * {@code runScript}, as {@link ShellPiece}s. Rules ask it questions through {@link #commands()} (the text split
 * into simple commands) instead of searching its text. It has a name, its pieces, whether it is a script (hooks
 * and profiles, shell code the shell runs) or a variable's value, its location (where the attribute is named,
 * {@code shellHook = …}, or the string itself for runScript) and the platforms the shell has it on
 * ({@code env = { … } // lib.optionalAttrs stdenv.isLinux { … }}).
 *
 * <p>A class, not a record, for one reason: its commands are split once and kept (a dozen rules ask for them, and
 * the split was a tenth of a monorepo run's time). Equality is still its five components'.
 */
public final class ShellText {
  private final String name;
  private final List<ShellPiece> pieces;
  private final boolean script;
  private final SourceSpan location;
  private final PlatformGuard guard;
  /** Split on first use; immutable, so a race at worst splits twice. */
  private List<ShellCommand> commands;

  public ShellText(String name, List<ShellPiece> pieces, boolean script, SourceSpan location,
      PlatformGuard guard) {
    this.name = name;
    this.pieces = List.copyOf(pieces);
    this.script = script;
    this.location = location;
    this.guard = guard;
  }

  /** A text the shell has on every platform. */
  public ShellText(String name, List<ShellPiece> pieces, boolean script, SourceSpan location) {
    this(name, pieces, script, location, PlatformGuard.ALWAYS);
  }

  public String name() {
    return name;
  }

  public List<ShellPiece> pieces() {
    return pieces;
  }

  public boolean script() {
    return script;
  }

  public SourceSpan location() {
    return location;
  }

  public PlatformGuard guard() {
    return guard;
  }

  /** False when an interpolation could not be resolved (the text may then contain anything). */
  public boolean complete() {
    return pieces.stream().noneMatch(piece -> piece instanceof ShellPiece.Unknown);
  }

  /** The text for messages (a script without its comments), non-literal pieces as {@code ${…}}. */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (ShellPiece piece : script ? ShellScript.withoutComments(pieces) : pieces) {
      out.append(piece.display());
    }
    return out.toString();
  }

  /** The value as one shell word (a variable's value is not split or run). */
  public ShellWord value() {
    return ShellScript.word(pieces);
  }

  /** The simple commands of the text, comments dropped. */
  public List<ShellCommand> commands() {
    List<ShellCommand> split = commands;
    if (split == null) {
      split = ShellScript.parse(pieces);
      commands = split;
    }
    return split;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShellText text && script == text.script && name.equals(text.name)
        && pieces.equals(text.pieces) && Objects.equals(location, text.location) && Objects.equals(guard, text.guard);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, pieces, script, location, guard);
  }

  @Override
  public String toString() {
    return "ShellText[name=" + name + ", pieces=" + pieces + ", script=" + script + ", location=" + location
        + ", guard=" + guard + "]";
  }
}
