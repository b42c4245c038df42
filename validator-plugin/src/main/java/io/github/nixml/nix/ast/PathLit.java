package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxElement;
import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.nix.syntax.SyntaxToken;
import java.util.ArrayList;
import java.util.List;

/** A path: {@code ./a}, {@code /abs}, {@code ~/a}, {@code a/b}, {@code ./${x}.nix}. */
public final class PathLit extends Expr {
  PathLit(SyntaxNode node) {
    super(node);
  }

  public boolean isHomePath() {
    return syntax().firstToken(SyntaxKind.HPATH) != null;
  }

  /** The path's pieces as written: literal text and interpolations. */
  public List<StringPart> parts() {
    List<StringPart> out = new ArrayList<>();
    for (SyntaxElement element : syntax().childrenWithTokens()) {
      if (element instanceof SyntaxToken token && !token.kind().isTrivia()) {
        out.add(new StringPart.Text(token.text(), token.offset(), token.length()));
      } else if (element instanceof SyntaxNode node && node.kind() == SyntaxKind.INTERPOL) {
        out.add(StringLit.interpolation(node));
      }
    }
    return out;
  }

  /** The text of a path without interpolation, or null. */
  public String staticText() {
    List<StringPart> parts = parts();
    return parts.size() == 1 && parts.get(0) instanceof StringPart.Text t ? t.text() : null;
  }
}
