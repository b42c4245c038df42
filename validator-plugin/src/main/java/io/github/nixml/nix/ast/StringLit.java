package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxElement;
import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.nix.syntax.SyntaxToken;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code "string"} or an {@code ''indented string''}, cooked exactly as Nix 2.8 does: escapes
 * processed ({@code \n}, <code>''$</code>, {@code '''}, {@code ''\t}, ...), CR and CRLF turned into
 * LF in double-quoted strings, and in indented strings the common indentation stripped
 * ({@code stripIndentation} in Nix's parser.y) and a final whitespace-only line dropped.
 */
public final class StringLit extends Expr {
  StringLit(SyntaxNode node) {
    super(node);
  }

  public boolean isIndented() {
    return syntax().kind() == SyntaxKind.IND_STRING;
  }

  /** Literal text and interpolations, adjacent literal pieces merged. */
  public List<StringPart> parts() {
    List<StringPart> raw = isIndented() ? cookIndented() : cookQuoted();
    List<StringPart> out = new ArrayList<>(raw.size());
    for (StringPart part : raw) {
      if (part instanceof StringPart.Text t && !out.isEmpty()
          && out.get(out.size() - 1) instanceof StringPart.Text prev) {
        out.set(out.size() - 1, new StringPart.Text(prev.text() + t.text(), prev.offset(),
            t.offset() + t.length() - prev.offset()));
      } else {
        out.add(part);
      }
    }
    return out;
  }

  /** The cooked value when the string has no interpolation, else null. */
  public String cookedText() {
    StringBuilder out = new StringBuilder();
    for (StringPart part : parts()) {
      if (part instanceof StringPart.Text t) {
        out.append(t.text());
      } else {
        return null;
      }
    }
    return out.toString();
  }

  public boolean hasInterpolation() {
    return syntax().firstChild(SyntaxKind.INTERPOL) != null;
  }

  /**
   * The value when Nix 2.8's parser makes this string a plain {@code ExprString} (what it accepts as a
   * static attribute name), else null. An indented string made of several literal tokens (as in
   * {@code ''a'''b''}) is a concatenation to Nix, so it is not static.
   */
  public String staticText() {
    if (hasInterpolation()) {
      return null;
    }
    if (isIndented()) {
      int pieces = 0;
      for (SyntaxToken token : syntax().significantTokens()) {
        if (token.kind() == SyntaxKind.IND_STR) {
          pieces++;
        }
      }
      if (pieces > 1) {
        return null;
      }
    }
    return cookedText();
  }

  static StringPart.Interpolation interpolation(SyntaxNode node) {
    Expr inner = null;
    for (SyntaxNode child : node.children()) {
      inner = Expr.cast(child);
      if (inner != null) {
        break;
      }
    }
    return new StringPart.Interpolation(inner, node.offset(), node.length());
  }

  private List<StringPart> cookQuoted() {
    List<StringPart> out = new ArrayList<>();
    for (SyntaxElement element : syntax().childrenWithTokens()) {
      if (element instanceof SyntaxToken token && token.kind() == SyntaxKind.STR) {
        out.add(new StringPart.Text(unescape(token.text(), true), token.offset(), token.length()));
      } else if (element instanceof SyntaxNode node && node.kind() == SyntaxKind.INTERPOL) {
        out.add(interpolation(node));
      }
    }
    return out;
  }

  /**
   * The source text that cooks back to {@code line} (one line, no line break) in a string of the given kind. In
   * {@code "…"}: a backslash before {@code \}, {@code "} and <code>${</code>. In
   * {@code ''…''}: <code>''${</code> for <code>${</code>, and <code>''\'</code> for each quote of a run of two or
   * more or of one just before <code>${</code> (written plainly, such quotes would end the string or swallow the
   * next escape: {@code '''} is an escaped {@code ''}).
   */
  public static String escape(String line, boolean indented) {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("one line expected: " + line);
    }
    StringBuilder out = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean interpolation = line.startsWith("${", i);
      if (!indented) {
        out.append(c == '\\' || c == '"' || interpolation ? "\\" : "").append(c);
      } else if (c == '\'') {
        int end = i;
        while (end < line.length() && line.charAt(end) == '\'') {
          end++;
        }
        boolean plain = end - i == 1 && !line.startsWith("${", end);
        out.append(plain ? "'" : "''\\'".repeat(end - i));
        i = end - 1;
      } else {
        out.append(interpolation ? "''" : "").append(c);
      }
    }
    return out.toString();
  }

  /** Nix's {@code unescapeStr}: backslash escapes, and (in "strings") CR/CRLF to LF. */
  static String unescape(String s, boolean normalizeCr) {
    StringBuilder t = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char d = s.charAt(++i);
        switch (d) {
          case 'n' -> t.append('\n');
          case 'r' -> t.append('\r');
          case 't' -> t.append('\t');
          default -> t.append(d);
        }
      } else if (c == '\r' && normalizeCr) {
        t.append('\n');
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        t.append(c);
      }
    }
    return t.toString();
  }

  /** One piece of an indented string before stripping. */
  private record Piece(String text, boolean hasIndentation, SyntaxNode interpolation, int offset,
      int length) {}

  private List<Piece> indentedPieces() {
    List<Piece> pieces = new ArrayList<>();
    for (SyntaxElement element : syntax().childrenWithTokens()) {
      if (element instanceof SyntaxToken token && token.kind() == SyntaxKind.IND_STR) {
        String text = token.text();
        Piece piece;
        if (text.startsWith("''$")) {
          piece = new Piece("$", false, null, token.offset(), token.length());
        } else if (text.equals("'''")) {
          piece = new Piece("''", false, null, token.offset(), token.length());
        } else if (text.startsWith("''\\")) {
          piece = new Piece(unescape(text.substring(2), false), false, null, token.offset(),
              token.length());
        } else if (text.equals("$") || text.equals("'")) {
          piece = new Piece(text, false, null, token.offset(), token.length());
        } else {
          piece = new Piece(text, true, null, token.offset(), token.length());
        }
        pieces.add(piece);
      } else if (element instanceof SyntaxNode node && node.kind() == SyntaxKind.INTERPOL) {
        pieces.add(new Piece(null, false, node, node.offset(), node.length()));
      }
    }
    return pieces;
  }

  private List<StringPart> cookIndented() {
    List<Piece> pieces = indentedPieces();
    List<StringPart> out = new ArrayList<>();
    if (pieces.isEmpty()) {
      return out;
    }
    // minimum indentation; whitespace-only final lines do not count
    boolean atStartOfLine = true;
    int minIndent = 1000000;
    int curIndent = 0;
    for (Piece piece : pieces) {
      if (piece.interpolation() != null || !piece.hasIndentation()) {
        if (atStartOfLine) {
          atStartOfLine = false;
          minIndent = Math.min(minIndent, curIndent);
        }
        continue;
      }
      String s = piece.text();
      for (int j = 0; j < s.length(); j++) {
        char c = s.charAt(j);
        if (atStartOfLine) {
          if (c == ' ') {
            curIndent++;
          } else if (c == '\n') {
            curIndent = 0;
          } else {
            atStartOfLine = false;
            minIndent = Math.min(minIndent, curIndent);
          }
        } else if (c == '\n') {
          atStartOfLine = true;
          curIndent = 0;
        }
      }
    }
    // strip it from every line
    atStartOfLine = true;
    int curDropped = 0;
    int remaining = pieces.size();
    for (Piece piece : pieces) {
      if (piece.interpolation() != null) {
        atStartOfLine = false;
        curDropped = 0;
        out.add(interpolation(piece.interpolation()));
        remaining--;
        continue;
      }
      String s = piece.text();
      StringBuilder s2 = new StringBuilder(s.length());
      for (int j = 0; j < s.length(); j++) {
        char c = s.charAt(j);
        if (atStartOfLine) {
          if (c == ' ') {
            if (curDropped++ >= minIndent) {
              s2.append(c);
            }
          } else if (c == '\n') {
            curDropped = 0;
            s2.append(c);
          } else {
            atStartOfLine = false;
            curDropped = 0;
            s2.append(c);
          }
        } else {
          s2.append(c);
          if (c == '\n') {
            atStartOfLine = true;
          }
        }
      }
      if (remaining == 1) {
        int p = s2.lastIndexOf("\n");
        if (p >= 0) {
          boolean onlySpaces = true;
          for (int j = p + 1; j < s2.length(); j++) {
            if (s2.charAt(j) != ' ') {
              onlySpaces = false;
              break;
            }
          }
          if (onlySpaces) {
            s2.setLength(p + 1);
          }
        }
      }
      out.add(new StringPart.Text(s2.toString(), piece.offset(), piece.length()));
      remaining--;
    }
    return out;
  }
}
