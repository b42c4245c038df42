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
}
