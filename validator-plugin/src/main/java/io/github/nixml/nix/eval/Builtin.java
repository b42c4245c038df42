package io.github.nixml.nix.eval;

import java.util.List;

/**
 * One builtin of Nix: its name in {@code builtins}, how many arguments it takes, and what it does with them. Its
 * body forces only the arguments it needs, through the {@link BuiltinCall}.
 */
record Builtin(String name, int arity, Body body) {

  /** What a builtin computes once it has all its arguments. */
  @FunctionalInterface
  interface Body {
    Value call(BuiltinCall call);
  }

  /** A builtin whose value cannot be known before Nix runs (the environment, the clock, the network, the store). */
  static Builtin unknowable(String name, int arity) {
    return new Builtin(name, arity, call -> Value.UNKNOWN);
  }

  /** The builtin as a value: a native function, or for arity 0 its value. */
  Value value() {
    if (arity == 0) {
      return body.call(new BuiltinCall(null, this, List.of(), null));
    }
    return new Value.Native(name, arity, (evaluator, self, at) -> BuiltinCall.run(evaluator, this, self, at),
        List.of(), null);
  }
}
