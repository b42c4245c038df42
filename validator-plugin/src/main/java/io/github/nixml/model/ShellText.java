package io.github.nixml.model;

import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;

/**
 * A string a shell defines: an environment variable, a hook ({@code shellHook}, {@code profile}) or the FHS
 * {@code runScript}, as {@link ShellPiece}s. Rules ask it questions through {@link #commands()} (the text split
 * into simple commands) instead of searching its text.
 *
 * @param script true for hooks and profiles (shell code run by the shell), false for variable values
 * @param location where the attribute is named ({@code shellHook = …}), or the string itself for runScript
 * @param guard the platforms the shell has it on ({@code env = { … } // lib.optionalAttrs stdenv.isLinux { … }})
 */
public record ShellText(String name, List<ShellPiece> pieces, boolean script, SourceSpan location,
    PlatformGuard guard) {

  public ShellText {
    pieces = List.copyOf(pieces);
  }

  /** A text the shell has on every platform. */
  public ShellText(String name, List<ShellPiece> pieces, boolean script, SourceSpan location) {
    this(name, pieces, script, location, PlatformGuard.ALWAYS);
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
    return ShellScript.parse(pieces);
  }
}
