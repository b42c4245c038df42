package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Closure;
import io.github.nixml.nix.eval.Value.Failure;
import io.github.nixml.nix.eval.Value.FailureKind;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Native;
import io.github.nixml.nix.eval.Value.Null;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.Map;

/** Nix's types of values ({@code builtins.typeOf}) and the type errors Nix reports. */
final class Types {
  private Types() {}

  private static final Map<Class<?>, String> NAMES = Map.of(Value.Int.class, "int", Value.Float.class, "float",
      Bool.class, "bool", Str.class, "string", Value.Path.class, "path", Null.class, "null", Attrs.class, "set",
      ListV.class, "list", Closure.class, "lambda", Native.class, "lambda");

  /** The name {@code typeOf} gives; null for what the evaluator does not know (unknown, foreign, per platform). */
  static String typeOf(Value value) {
    return NAMES.get(value.getClass());
  }

  /** True for a value whose type is known: neither unknown, foreign, platform-dependent nor a failure. */
  static boolean isData(Value value) {
    return typeOf(value) != null;
  }

  /** How Nix names a type in its messages ("a string", "an integer"). */
  static String described(Value value) {
    return switch (typeOf(value)) {
      case "int" -> "an integer";
      case "float" -> "a float";
      case "bool" -> "a Boolean";
      case "string" -> "a string";
      case "path" -> "a path";
      case "null" -> "null";
      case "set" -> "a set";
      case "list" -> "a list";
      default -> "a function";
    };
  }

  static Failure mismatch(Value value, String expected, SourceSpan span) {
    return new Failure(FailureKind.TYPE, "value is " + described(value) + " while " + expected + " was expected",
        span);
  }

  /**
   * The failure to report for a value that must be one of {@code allowed}: the value itself when it is a failure,
   * a type error when its type is known and wrong; null when it may do.
   */
  @SafeVarargs
  static Value expect(Value value, String expected, SourceSpan span, Class<? extends Value>... allowed) {
    if (value instanceof Failure) {
      return value;
    }
    if (!isData(value)) {
      return null;
    }
    for (Class<? extends Value> type : allowed) {
      if (type.isInstance(value)) {
        return null;
      }
    }
    return mismatch(value, expected, span);
  }
}
