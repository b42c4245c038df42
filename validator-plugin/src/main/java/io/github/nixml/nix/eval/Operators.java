package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Alternative;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Choice;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Failure;
import io.github.nixml.nix.eval.Value.FailureKind;
import io.github.nixml.nix.eval.Value.Foreign;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Piece;
import io.github.nixml.nix.eval.Value.Platform;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nix's operators over the evaluator's values: arithmetic, {@code +} on strings and paths, lists, {@code //},
 * logic, equality and ordering. A wrong type is a {@link Failure}, an unknown operand an unknown result.
 */
final class Operators {
  private static final Value UNKNOWN = Value.UNKNOWN;

  private Operators() {}

  static Value unary(Evaluator evaluator, Term.UnOp op, Env env) {
    Value operand = evaluator.eval(op.operand(), env);
    if (op.op().equals("!")) {
      if (operand instanceof Choice choice) {
        List<Alternative> alternatives = new ArrayList<>();
        for (Alternative alternative : choice.alternatives()) {
          Evaluator.addAlternative(alternatives, alternative.guard(), alternative.value() instanceof Bool bool
              ? new Bool(!bool.value()) : alternative.value() instanceof Platform p ? new Platform(p.guard().not())
              : Types.expect(alternative.value(), "a Boolean", op.span()) instanceof Failure f ? f : UNKNOWN);
        }
        return Evaluator.choiceOf(alternatives);
      }
      if (operand instanceof Bool bool) {
        return new Bool(!bool.value());
      }
      if (operand instanceof Platform platform) {
        return new Platform(platform.guard().not());
      }
      Value wrong = Types.expect(operand, "a Boolean", op.span());
      return wrong != null ? wrong : UNKNOWN;
    }
    // -x is 0 - x, as Nix parses it
    return arithmetic("-", new Value.Int(0), operand, op.span());
  }

  static Value binary(Evaluator evaluator, Term.BinOp op, Env env) {
    Value left = evaluator.eval(op.left(), env);
    switch (op.op()) {
      case "&&", "||", "->":
        return logic(evaluator, op, left, env);
      default:
        break;
    }
    if (left instanceof Failure) {
      return left;
    }
    Value right = evaluator.eval(op.right(), env);
    switch (op.op()) {
      case "++":
        return concatLists(left, right, op.span());
      case "//":
        return update(evaluator, left, right, op.span());
      default:
        return perPlatform(op.op(), left, right, op.span());
    }
  }

  /**
   * An operator on operands one of which depends on the platform ({@code system == "x86_64-linux"} inside
   * {@code eachDefaultSystem}): applied to each pair of alternatives, the results a choice.
   */
  private static Value perPlatform(String op, Value left, Value right, SourceSpan span) {
    List<Alternative> lefts = Evaluator.alternatives(left);
    List<Alternative> rights = Evaluator.alternatives(right);
    if (lefts == null && rights == null || right instanceof Failure) {
      return binary(op, left, right, span);
    }
    lefts = lefts != null ? lefts : List.of(new Alternative(PlatformGuard.ALWAYS, left));
    rights = rights != null ? rights : List.of(new Alternative(PlatformGuard.ALWAYS, right));
    List<Alternative> results = new ArrayList<>();
    for (Alternative l : lefts) {
      for (Alternative r : rights) {
        PlatformGuard guard = l.guard().and(r.guard());
        if (!guard.isNever()) {
          Evaluator.addAlternative(results, guard, perPlatform(op, l.value(), r.value(), span));
        }
      }
    }
    return Evaluator.choiceOf(results);
  }

  private static Value binary(String op, Value left, Value right, SourceSpan span) {
    switch (op) {
      case "+":
        return plus(left, right, span);
      case "-", "*", "/":
        return arithmetic(op, left, right, span);
      case "==":
        return Comparison.equal(left, right);
      case "!=":
        return not(Comparison.equal(left, right));
      case "<":
        return Comparison.less(left, right, span);
      case ">":
        return Comparison.less(right, left, span);
      case "<=":
        return not(Comparison.less(right, left, span));
      case ">=":
        return not(Comparison.less(left, right, span));
      default:
        return UNKNOWN;
    }
  }

  private static Value not(Value verdict) {
    return verdict instanceof Bool bool ? new Bool(!bool.value()) : verdict;
  }

  private static Value concatLists(Value left, Value right, SourceSpan span) {
    if (left instanceof Choice || right instanceof Choice) {
      return concatChoices(left, right, span);
    }
    Value wrong = Types.expect(left, "a list", span, ListV.class);
    wrong = wrong != null ? wrong : Types.expect(right, "a list", span, ListV.class);
    if (wrong != null) {
      return wrong;
    }
    List<Item> l = Evaluator.items(left);
    List<Item> r = Evaluator.items(right);
    if (l == null || r == null) {
      return UNKNOWN;
    }
    List<Item> all = new ArrayList<>(l);
    all.addAll(r);
    return new ListV(all);
  }

  /**
   * {@code ++} where an operand depends on the platform ({@code if isDarwin then [ … ] else if isLinux then [ … ]
   * else throw "unsupported"}): the lists' items under their alternatives' guards, one list; an alternative that is
   * no list (the {@code throw}) stays an alternative of its own, so that systems it does not hold on read the list.
   */
  private static Value concatChoices(Value left, Value right, SourceSpan span) {
    List<Alternative> results = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    PlatformGuard lists = PlatformGuard.ALWAYS;
    for (Value[] operands : List.of(new Value[] {left, right}, new Value[] {right, left})) {
      List<Alternative> alternatives = Evaluator.alternatives(operands[0]);
      if (alternatives == null) {
        alternatives = List.of(new Alternative(PlatformGuard.ALWAYS, operands[0]));
      }
      PlatformGuard listed = PlatformGuard.NEVER;
      for (Alternative alternative : alternatives) {
        List<Item> inner = Evaluator.items(alternative.value());
        if (inner == null) {
          // Nix stops at it (a throw, a type error); the other operand's alternatives where it holds do not matter
          PlatformGuard where = alternative.guard().and(lists);
          if (!where.isNever()) {
            results.add(new Alternative(where, concatLists(alternative.value(), new ListV(List.of()), span)));
          }
          continue;
        }
        listed = listed.or(alternative.guard());
        for (Item item : inner) {
          PlatformGuard guard = item.guard().and(alternative.guard());
          if (!guard.isNever()) {
            items.add(new Item(item.value(), guard));
          }
        }
      }
      lists = lists.and(listed);
    }
    if (results.isEmpty()) {
      return new ListV(items);
    }
    if (!lists.isNever()) {
      results.add(0, new Alternative(lists, new ListV(items)));
    }
    return new Choice(results);
  }

  /** {@code +}: numbers, strings ({@code "a" + ./p} interpolates the path), paths ({@code ./a + "/b"}). */
  static Value plus(Value left, Value right, SourceSpan span) {
    if (right instanceof Failure) {
      return right;
    }
    if (Comparison.isNumber(left) || Comparison.isNumber(right)) {
      return arithmetic("+", left, right, span);
    }
    if (left instanceof Value.Path path) {
      if (right instanceof Value.Path other) {
        return new Value.Path(Paths.canonical(path.path() + other.path()));
      }
      if (right instanceof Str str) {
        String text = str.literal();
        return text == null ? UNKNOWN : new Value.Path(Paths.canonical(path.path() + text));
      }
    }
    // a derivation is coerced through its outPath: `pkg + "/bin"` (nixpkgs' makeSearchPath) is "${pkg}/bin"
    if (left instanceof Foreign && right instanceof Str r) {
      List<Piece> pieces = new ArrayList<>();
      pieces.add(new Value.Interpolation(left, "…"));
      pieces.addAll(r.pieces());
      return new Str(pieces, r.span());
    }
    if (left instanceof Str l && right instanceof Foreign) {
      List<Piece> pieces = new ArrayList<>(l.pieces());
      pieces.add(new Value.Interpolation(right, "…"));
      return new Str(pieces, l.span());
    }
    if (left instanceof Str l && (right instanceof Str || right instanceof Value.Path)) {
      List<Piece> pieces = new ArrayList<>(l.pieces());
      if (right instanceof Str r) {
        pieces.addAll(r.pieces());
      } else {
        pieces.add(new Value.Interpolation(right, "path"));
      }
      return new Str(pieces, l.span());
    }
    if (!Types.isData(left) || !Types.isData(right)) {
      return UNKNOWN;
    }
    return new Failure(FailureKind.TYPE, "cannot add " + Types.described(right) + " to " + Types.described(left),
        span);
  }

  /** Integer arithmetic wraps; a float operand makes the result a float; integer division truncates. */
  static Value arithmetic(String op, Value left, Value right, SourceSpan span) {
    Value wrong = Types.expect(left, "an integer", span, Value.Int.class, Value.Float.class);
    wrong = wrong != null ? wrong : Types.expect(right, "an integer", span, Value.Int.class, Value.Float.class);
    if (wrong != null) {
      return wrong;
    }
    if (!Comparison.isNumber(left) || !Comparison.isNumber(right)) {
      return UNKNOWN;
    }
    if (op.equals("/") && Comparison.number(right) == 0) {
      return new Failure(FailureKind.ARITHMETIC, "division by zero", span);
    }
    if (left instanceof Value.Int l && right instanceof Value.Int r) {
      long a = l.value();
      long b = r.value();
      if (op.equals("/") && a == Long.MIN_VALUE && b == -1) {
        return new Failure(FailureKind.ARITHMETIC, "overflow in integer division", span);
      }
      return new Value.Int(switch (op) {
        case "+" -> a + b;
        case "-" -> a - b;
        case "*" -> a * b;
        default -> a / b;
      });
    }
    double a = Comparison.number(left);
    double b = Comparison.number(right);
    return new Value.Float(switch (op) {
      case "+" -> a + b;
      case "-" -> a - b;
      case "*" -> a * b;
      default -> a / b;
    });
  }

  /** {@code &&}, {@code ||} and {@code ->} ({@code a -> b} is {@code !a || b}); platform tests combine. */
  private static Value logic(Evaluator evaluator, Term.BinOp op, Value left, Env env) {
    left = left instanceof Choice choice ? Evaluator.choiceOf(choice.alternatives()) : left;
    if (op.op().equals("->")) {
      left = not(left instanceof Platform platform ? new Platform(platform.guard().not()) : left);
    }
    boolean and = op.op().equals("&&");
    Value wrong = Types.expect(left, "a Boolean", op.span(), Bool.class);
    if (wrong != null) {
      return wrong;
    }
    if (left instanceof Bool bool && bool.value() != and) {
      return bool;
    }
    Value right = evaluator.eval(op.right(), env);
    right = right instanceof Choice choice ? Evaluator.choiceOf(choice.alternatives()) : right;
    wrong = Types.expect(right, "a Boolean", op.span(), Bool.class);
    if (wrong != null) {
      return wrong;
    }
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
  static Value update(Evaluator evaluator, Value left, Value right, SourceSpan span) {
    Value wrong = Types.expect(left, "a set", span, Attrs.class);
    wrong = wrong != null ? wrong : Types.expect(right, "a set", span, Attrs.class);
    return wrong != null ? wrong : update(evaluator, left, right);
  }

  static Value update(Evaluator evaluator, Value left, Value right) {
    if (left instanceof Foreign || right instanceof Foreign) {
      Value updated = evaluator.updateForeign(left, right);
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
