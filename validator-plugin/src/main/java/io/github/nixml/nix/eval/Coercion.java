package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Failure;
import io.github.nixml.nix.eval.Value.FailureKind;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Piece;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Nix's coercion of values to strings: what {@code "${x}"} accepts (strings, paths, sets with {@code __toString}
 * or {@code outPath}) and what {@code toString} accepts besides (numbers, Booleans, null, lists).
 */
final class Coercion {
  private Coercion() {}

  /**
   * The value {@code "${value}"} interpolates: a string, a path (copied to the store, so its text is unknown), or
   * what a set's {@code __toString}/{@code outPath} gives; a failure for what Nix refuses; unknown values as they
   * are, so that a string can keep them as pieces.
   */
  static Value interpolate(Evaluator evaluator, Value value, SourceSpan span) {
    return coerce(evaluator, value, false, span);
  }

  /** A string as {@code "${…}"} or {@code toString} ({@code more}) coerce it; a path keeps its own text. */
  static Value coerce(Evaluator evaluator, Value value, boolean more, SourceSpan span) {
    if (value instanceof Str || value instanceof Failure || !Types.isData(value)) {
      return value;
    }
    if (value instanceof Value.Path path) {
      if (more && evaluator != null && evaluator.host().sourceInStore()) {
        // the text is the store path of the copied source, not the file on this machine: still that path
        return new Str(List.of(new Value.Interpolation(path, "toString")), span);
      }
      return more ? Str.of(path.path(), span) : value;
    }
    if (value instanceof Attrs attrs) {
      if (attrs.entries().containsKey("__toString")) {
        Value result = evaluator.apply(attrs.get("__toString"), Thunk.of(attrs), span);
        return coerce(evaluator, result, more, span);
      }
      if (attrs.entries().containsKey("outPath")) {
        return coerce(evaluator, attrs.get("outPath"), more, span);
      }
      return attrs.open() ? Value.UNKNOWN : cannot(value, span);
    }
    if (!more) {
      return cannot(value, span);
    }
    if (value instanceof Value.Int number) {
      return Str.of(Long.toString(number.value()), span);
    }
    if (value instanceof Value.Float number) {
      return Str.of(Numbers.fixed(number.value()), span);
    }
    if (value instanceof Bool bool) {
      return Str.of(bool.value() ? "1" : "", span);
    }
    if (value instanceof Value.Null) {
      return Str.of("", span);
    }
    if (value instanceof ListV list) {
      return joinList(evaluator, list, span);
    }
    return cannot(value, span);
  }

  /** A list's elements coerced and separated by spaces, except after an empty list (Nix's own quirk). */
  private static Value joinList(Evaluator evaluator, ListV list, SourceSpan span) {
    List<Piece> pieces = new ArrayList<>();
    List<Item> items = list.items();
    for (int i = 0; i < items.size(); i++) {
      Value element = coerce(evaluator, items.get(i).value(), true, span);
      if (element instanceof Failure || !(element instanceof Str str)) {
        return element instanceof Failure ? element : Value.UNKNOWN;
      }
      pieces.addAll(str.pieces());
      boolean emptyList = items.get(i).value() instanceof ListV inner && inner.items().isEmpty();
      if (i < items.size() - 1 && !emptyList) {
        pieces.add(new Value.Text(" "));
      }
    }
    return new Str(pieces, span);
  }

  private static Failure cannot(Value value, SourceSpan span) {
    return new Failure(FailureKind.TYPE, "cannot coerce " + Types.described(value) + " to a string", span);
  }
}
