package io.github.nixml.nix.eval;

import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * String functions of nixpkgs' {@code lib} answered on strings the model keeps in pieces (a package's path and
 * literal text: {@code "${stdenv.cc.bintools.dynamicLinker}\n"}), whose length the Nix definitions would need.
 */
public final class PieceStrings {
  private PieceStrings() {}

  /**
   * {@code lib.removeSuffix suffix str}: where {@code str} ends in literal text at least as long as the literal
   * suffix, that text decides (the suffix cut off, or the string unchanged); anything else goes to the Nix
   * {@code definition}.
   */
  public static Value removeSuffix(Evaluator evaluator, Value definition, Value suffix, Value str, SourceSpan at) {
    if (suffix instanceof Value.Str wanted && wanted.literal() != null && str instanceof Value.Str pieces
        && pieces.literal() == null && !pieces.pieces().isEmpty()
        && pieces.pieces().get(pieces.pieces().size() - 1) instanceof Value.Text last) {
      byte[] end = Strings.bytes(last.text());
      byte[] cut = Strings.bytes(wanted.literal());
      if (end.length >= cut.length) {
        if (!Arrays.equals(end, end.length - cut.length, end.length, cut, 0, cut.length)) {
          return str;
        }
        List<Value.Piece> kept = new ArrayList<>(pieces.pieces().subList(0, pieces.pieces().size() - 1));
        if (end.length > cut.length) {
          kept.add(new Value.Text(Strings.text(end, 0, end.length - cut.length)));
        }
        return new Value.Str(List.copyOf(kept), pieces.span());
      }
    }
    return evaluator.apply(evaluator.apply(definition, Thunk.of(suffix), at), Thunk.of(str), at);
  }

  /**
   * Whether two strings, one or both kept in pieces, differ whatever their unknown pieces hold: their literal
   * beginnings or ends disagree, or one is literal and shorter than the other's literal text ({@code
   * "export PATH=${…}" != ""}, as {@code lib.filter (line: line != "")} asks). An unknown piece may be empty; a path
   * never is.
   */
  static boolean certainlyDifferent(Value.Str left, Value.Str right) {
    Shape l = Shape.of(left);
    Shape r = Shape.of(right);
    if (!l.prefix().startsWith(r.prefix()) && !r.prefix().startsWith(l.prefix())
        || !l.suffix().endsWith(r.suffix()) && !r.suffix().endsWith(l.suffix())) {
      return true;
    }
    return l.whole() && r.minimumBytes() > l.minimumBytes() || r.whole() && l.minimumBytes() > r.minimumBytes();
  }

  /** What is known of a string in pieces: its literal beginning and end, and how many bytes it has at least. */
  private record Shape(String prefix, String suffix, int minimumBytes, boolean whole) {

    static Shape of(Value.Str str) {
      List<Object> flat = new ArrayList<>();
      flatten(str, flat);
      StringBuilder prefix = new StringBuilder();
      int first = 0;
      while (first < flat.size() && flat.get(first) instanceof String text) {
        prefix.append(text);
        first++;
      }
      StringBuilder suffix = new StringBuilder();
      int last = flat.size() - 1;
      while (last >= first && flat.get(last) instanceof String text) {
        suffix.insert(0, text);
        last--;
      }
      int bytes = 0;
      for (Object part : flat) {
        bytes += part instanceof String text ? Strings.bytes(text).length : (Integer) part;
      }
      boolean whole = first == flat.size();
      return new Shape(prefix.toString(), whole ? prefix.toString() : suffix.toString(), bytes, whole);
    }

    /** Literal texts as strings, unknown pieces as the least number of bytes they hold. */
    private static void flatten(Value.Str str, List<Object> into) {
      for (Value.Piece piece : str.pieces()) {
        if (piece instanceof Value.Text text) {
          into.add(text.text());
        } else if (piece instanceof Value.Interpolation interpolation) {
          if (interpolation.value() instanceof Value.Str inner) {
            flatten(inner, into);
          } else {
            into.add(interpolation.value() instanceof Value.Path ? 1 : 0);
          }
        }
      }
    }
  }
}
