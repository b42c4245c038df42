package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Alternative;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Choice;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Foreign;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Piece;
import io.github.nixml.nix.eval.Value.Platform;
import io.github.nixml.nix.eval.Value.Str;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nix's operators over the evaluator's values: lists, {@code //}, string {@code +}, logic and equality. */
final class Operators {
  private static final Value UNKNOWN = Value.UNKNOWN;

  private Operators() {}

  static Value unary(Evaluator evaluator, Term.UnOp op, Env env) {
    Value operand = evaluator.eval(op.operand(), env);
    if (op.op().equals("!")) {
      if (operand instanceof Bool bool) {
        return new Bool(!bool.value());
      }
      if (operand instanceof Platform platform) {
        return new Platform(platform.guard().not());
      }
    }
    return UNKNOWN;
  }

  static Value binary(Evaluator evaluator, Term.BinOp op, Env env) {
    Value left = evaluator.eval(op.left(), env);
    switch (op.op()) {
      case "++": {
        List<Item> l = Evaluator.items(left);
        List<Item> r = Evaluator.items(evaluator.eval(op.right(), env));
        if (l == null || r == null) {
          return UNKNOWN;
        }
        List<Item> all = new ArrayList<>(l);
        all.addAll(r);
        return new ListV(all);
      }
      case "//":
        return update(evaluator, left, evaluator.eval(op.right(), env));
      case "+": {
        Value right = evaluator.eval(op.right(), env);
        if (left instanceof Str l && right instanceof Str r) {
          List<Piece> pieces = new ArrayList<>(l.pieces());
          pieces.addAll(r.pieces());
          return new Str(pieces, l.span());
        }
        return UNKNOWN;
      }
      case "&&", "||":
        return logic(evaluator, op, left, env);
      case "==", "!=": {
        Value right = evaluator.eval(op.right(), env);
        String l = left instanceof Str str ? str.literal() : null;
        String r = right instanceof Str str ? str.literal() : null;
        if (l != null && r != null) {
          return new Bool(l.equals(r) == op.op().equals("=="));
        }
        return UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private static Value logic(Evaluator evaluator, Term.BinOp op, Value left, Env env) {
    boolean and = op.op().equals("&&");
    if (left instanceof Bool bool && bool.value() != and) {
      return bool;
    }
    Value right = evaluator.eval(op.right(), env);
    if (left instanceof Bool) {
      return right instanceof Bool || right instanceof Platform ? right : UNKNOWN;
    }
    if (left instanceof Platform l) {
      if (right instanceof Platform r) {
        return new Platform(and ? l.guard().and(r.guard()) : l.guard().or(r.guard()));
      }
      if (right instanceof Bool r) {
        return r.value() == and ? l : r;
      }
    }
    return UNKNOWN;
  }

  /** {@code left // right}: the right side's attributes win; an unknown right side hides everything. */
  static Value update(Evaluator evaluator, Value left, Value right) {
    if (left instanceof Foreign foreign) {
      Value updated = evaluator.updateForeign(foreign, right);
      if (updated != null) {
        return updated;
      }
    }
    if (left instanceof Choice || right instanceof Choice) {
      // a platform-dependent side: update each alternative
      List<Alternative> alternatives = new ArrayList<>();
      boolean onLeft = left instanceof Choice;
      for (Alternative alternative : ((Choice) (onLeft ? left : right)).alternatives()) {
        Value updated = onLeft ? update(evaluator, alternative.value(), right)
            : update(evaluator, left, alternative.value());
        Evaluator.addAlternative(alternatives, alternative.guard(), updated);
      }
      return new Choice(alternatives);
    }
    Attrs l = left instanceof Attrs a ? a : null;
    Attrs r = right instanceof Attrs a ? a : null;
    if (l == null && r == null) {
      return UNKNOWN;
    }
    if (r == null) {
      return new Attrs(Map.of(), true);
    }
    Map<String, Entry> merged = new LinkedHashMap<>();
    boolean open = l == null;
    if (l != null) {
      merged.putAll(l.entries());
      open |= l.open();
    }
    merged.putAll(r.entries());
    return new Attrs(merged, open | r.open());
  }
}
