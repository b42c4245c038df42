package io.github.nixml.nix.eval;

import java.util.List;
import java.util.function.LongBinaryOperator;

/** Arithmetic as functions, bitwise operations, rounding. */
final class NumberBuiltins {
  private NumberBuiltins() {}

  static List<Builtin> all() {
    return List.of(
        arithmetic("add", "+"), arithmetic("sub", "-"), arithmetic("mul", "*"), arithmetic("div", "/"),
        new Builtin("lessThan", 2, call -> Comparison.less(call.value(0), call.value(1), call.at())),
        bitwise("bitAnd", (a, b) -> a & b), bitwise("bitOr", (a, b) -> a | b), bitwise("bitXor", (a, b) -> a ^ b),
        new Builtin("ceil", 1, call -> new Value.Int((long) Math.ceil(Comparison.number(call.number(0))))),
        new Builtin("floor", 1, call -> new Value.Int((long) Math.floor(Comparison.number(call.number(0))))));
  }

  private static Builtin arithmetic(String name, String op) {
    return new Builtin(name, 2, call -> {
      Value left = call.number(0);
      return Operators.arithmetic(op, left, call.number(1), call.at());
    });
  }

  private static Builtin bitwise(String name, LongBinaryOperator op) {
    return new Builtin(name, 2, call -> new Value.Int(op.applyAsLong(call.integer(0), call.integer(1))));
  }
}
