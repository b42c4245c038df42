package io.github.nixml.nix.eval;

import java.util.List;

/** {@code typeOf} and the {@code is…} tests. */
final class TypeBuiltins {
  private TypeBuiltins() {}

  static List<Builtin> all() {
    return List.of(
        new Builtin("typeOf", 1, call -> call.str(Types.typeOf(call.value(0)))),
        test("isAttrs", "set"), test("isBool", "bool"), test("isFloat", "float"), test("isFunction", "lambda"),
        test("isInt", "int"), test("isList", "list"), test("isNull", "null"), test("isPath", "path"),
        test("isString", "string"));
  }

  private static Builtin test(String name, String type) {
    return new Builtin(name, 1, call -> new Value.Bool(Types.typeOf(call.value(0)).equals(type)));
  }
}
