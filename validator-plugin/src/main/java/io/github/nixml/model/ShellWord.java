package io.github.nixml.model;

import java.util.List;

/**
 * One word of a shell command after quoting is resolved: literal text, {@code $VAR}/{@code ${VAR}} references
 * and interpolated {@link ShellPiece}s, in order.
 */
public record ShellWord(List<Segment> segments) {

  public ShellWord {
    segments = List.copyOf(segments);
  }

  /** A part of a word. */
  public sealed interface Segment {}

  /** Text, quoted or not. */
  public record Text(String text) implements Segment {}

  /**
   * {@code $NAME} or {@code ${NAME…}}: the name it reads, and the reference as written (with any expansion such
   * as {@code ${NAME:+:$NAME}}), for showing it to people.
   */
  public record Variable(String name, String written) implements Segment {
    public Variable(String name) {
      this(name, "$" + name);
    }
  }

  /** An interpolation of the Nix string ({@code ${pkgs.zlib}}, a library path, unknown). */
  public record Piece(ShellPiece piece) implements Segment {}

  /** The word's text when it is all literal; null when it holds a variable or an interpolation. */
  public String literal() {
    StringBuilder out = new StringBuilder();
    for (Segment segment : segments) {
      if (!(segment instanceof Text text)) {
        return null;
      }
      out.append(text.text());
    }
    return out.toString();
  }

  /**
   * Whether the word holds a command substitution ({@code $(nixGLNvidia printenv LD_LIBRARY_PATH)}, backquotes):
   * its value is the command's output, which nothing static can tell.
   */
  public boolean hasCommandSubstitution() {
    return containsText("$(") || containsText("`");
  }

  /** Whether some run of literal text in the word contains {@code text}. */
  public boolean containsText(String text) {
    StringBuilder run = new StringBuilder();
    for (Segment segment : segments) {
      if (segment instanceof Text literal) {
        run.append(literal.text());
      } else {
        if (run.indexOf(text) >= 0) {
          return true;
        }
        run.setLength(0);
      }
    }
    return run.indexOf(text) >= 0;
  }

  /** Whether the word ends with literal {@code suffix} ({@code $venvDir/bin/activate} ends with bin/activate). */
  public boolean endsWith(String suffix) {
    return !segments.isEmpty() && segments.get(segments.size() - 1) instanceof Text text
        && text.text().endsWith(suffix);
  }

  /** The program a command word names: its literal tail after the last {@code /} ({@code ${python}/bin/python3}). */
  public String programName() {
    if (segments.isEmpty() || !(segments.get(segments.size() - 1) instanceof Text text)) {
      return "";
    }
    String tail = text.text();
    return tail.substring(tail.lastIndexOf('/') + 1);
  }

  public boolean mentionsVariable(String name) {
    return segments.stream().anyMatch(s -> s instanceof Variable variable && variable.name().equals(name));
  }

  /** Whether the word holds a {@code makeLibraryPath} list that gives the folder {@code directory}. */
  public boolean hasLibraryDirectory(String directory) {
    return segments.stream().anyMatch(s -> s instanceof Piece piece
        && piece.piece() instanceof ShellPiece.LibraryPathRef ref && ref.path().directories().contains(directory));
  }

  /** Whether the word holds a {@code makeLibraryPath} list. */
  public boolean hasLibraryPath() {
    return segments.stream().anyMatch(s -> s instanceof Piece piece
        && piece.piece() instanceof ShellPiece.LibraryPathRef);
  }
}
