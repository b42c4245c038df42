package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Failure;
import io.github.nixml.nix.eval.Value.FailureKind;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Nix's {@code ==} (deep, {@code 1 == 1.0}) and {@code <} (numbers, strings, paths, lists lexicographically). */
final class Comparison {
  private Comparison() {}

  /** {@code left == right}: a Boolean, a failure met on the way, or unknown. */
  static Value equal(Value left, Value right) {
    if (left instanceof Value.Foreign l && right instanceof Value.Foreign r) {
      return l.equalTo(r);
    }
    Value undecided = undecided(left, right);
    if (undecided != null) {
      return undecided;
    }
    if (isNumber(left) && isNumber(right)) {
      return new Bool(left instanceof Value.Int l && right instanceof Value.Int r ? l.value() == r.value()
          : number(left) == number(right));
    }
    if (left instanceof Str l && right instanceof Str r) {
      String lt = l.literal();
      String rt = r.literal();
      if (lt == null || rt == null) {
        return PieceStrings.certainlyDifferent(l, r) ? new Bool(false) : Value.UNKNOWN;
      }
      return new Bool(lt.equals(rt));
    }
    if (left instanceof ListV l && right instanceof ListV r) {
      return allEqual(l, r);
    }
    if (left instanceof Attrs l && right instanceof Attrs r) {
      return attrsEqual(l, r);
    }
    if (!Types.typeOf(left).equals(Types.typeOf(right))) {
      return new Bool(false);
    }
    if (left instanceof Value.Path l) {
      return new Bool(l.path().equals(((Value.Path) right).path()));
    }
    if (left instanceof Bool l) {
      return new Bool(l.value() == ((Bool) right).value());
    }
    // null == null; functions are never equal
    return new Bool(left instanceof Value.Null);
  }

  /** A failure among the operands, or unknown when one is unknown; null when both are known. */
  private static Value undecided(Value left, Value right) {
    if (left instanceof Failure) {
      return left;
    }
    if (right instanceof Failure) {
      return right;
    }
    // a domain value is a set (a package) or a string (its version), never null: `filter (x: x != null) pkgs`
    if (left instanceof Value.Foreign && right instanceof Value.Null
        || left instanceof Value.Null && right instanceof Value.Foreign) {
      return new Bool(false);
    }
    return Types.isData(left) && Types.isData(right) ? null : Value.UNKNOWN;
  }

  private static Value allEqual(ListV left, ListV right) {
    if (left.items().size() != right.items().size()) {
      return new Bool(false);
    }
    Value verdict = new Bool(true);
    for (int i = 0; i < left.items().size(); i++) {
      Value same = equal(left.items().get(i).value(), right.items().get(i).value());
      if (same instanceof Failure || same instanceof Bool b && !b.value()) {
        return same;
      }
      if (!(same instanceof Bool)) {
        verdict = Value.UNKNOWN;
      }
    }
    return verdict;
  }

  /** Sets are equal with the same names and equal values; two derivations compare by {@code outPath}. */
  private static Value attrsEqual(Attrs left, Attrs right) {
    if (left.open() || right.open()) {
      return Value.UNKNOWN;
    }
    if (isDerivation(left) && isDerivation(right)) {
      return equal(left.get("outPath"), right.get("outPath"));
    }
    if (left.entries().size() != right.entries().size()) {
      return new Bool(false);
    }
    // Nix walks both sets in order and stops at the first different name or value
    List<String> leftNames = List.copyOf(sortedNames(left));
    List<String> rightNames = List.copyOf(sortedNames(right));
    Value verdict = new Bool(true);
    for (int i = 0; i < leftNames.size(); i++) {
      String name = leftNames.get(i);
      if (!name.equals(rightNames.get(i))) {
        return new Bool(false);
      }
      Value same = equal(left.get(name), right.get(name));
      if (same instanceof Failure || same instanceof Bool b && !b.value()) {
        return same;
      }
      if (!(same instanceof Bool)) {
        verdict = Value.UNKNOWN;
      }
    }
    return verdict;
  }

  private static boolean isDerivation(Attrs attrs) {
    return attrs.entries().containsKey("type") && attrs.get("type") instanceof Str type
        && "derivation".equals(type.literal()) && attrs.entries().containsKey("outPath");
  }

  /**
   * {@code left < right}: a Boolean, a failure (values Nix cannot compare), or unknown.
   */
  static Value less(Value left, Value right, SourceSpan span) {
    Value undecided = undecided(left, right);
    if (undecided != null) {
      return undecided;
    }
    if (isNumber(left) && isNumber(right)) {
      return new Bool(left instanceof Value.Int l && right instanceof Value.Int r ? l.value() < r.value()
          : number(left) < number(right));
    }
    if (left instanceof Str l && right instanceof Str r) {
      String lt = l.literal();
      String rt = r.literal();
      return lt == null || rt == null ? Value.UNKNOWN : new Bool(Strings.compare(lt, rt) < 0);
    }
    if (left instanceof Value.Path l && right instanceof Value.Path r) {
      return new Bool(Strings.compare(l.path(), r.path()) < 0);
    }
    if (left instanceof ListV l && right instanceof ListV r) {
      return listLess(l.items(), r.items(), span);
    }
    return new Failure(FailureKind.TYPE, "cannot compare " + Types.described(left) + " with "
        + Types.described(right), span);
  }

  /** Lexicographic: the first unequal pair decides, a prefix is smaller. */
  private static Value listLess(List<Value.Item> left, List<Value.Item> right, SourceSpan span) {
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      Value l = left.get(i).value();
      Value r = right.get(i).value();
      Value same = equal(l, r);
      if (same instanceof Bool b && b.value()) {
        continue;
      }
      return same instanceof Bool ? less(l, r, span) : same;
    }
    return new Bool(left.size() < right.size());
  }

  static boolean isNumber(Value value) {
    return value instanceof Value.Int || value instanceof Value.Float;
  }

  static double number(Value value) {
    return value instanceof Value.Int i ? i.value() : ((Value.Float) value).value();
  }

  /** The names of a closed set in Nix's order (bytewise). */
  static Set<String> sortedNames(Attrs attrs) {
    Set<String> names = new TreeSet<>(Strings::compare);
    names.addAll(attrs.entries().keySet());
    return names;
  }
}
