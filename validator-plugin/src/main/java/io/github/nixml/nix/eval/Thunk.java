package io.github.nixml.nix.eval;

import java.util.function.Supplier;

/**
 * A lazily computed value, the evaluator's only one: computed at most once; a cycle (a value that needs itself)
 * evaluates to unknown instead of looping.
 */
public final class Thunk {
  private Supplier<Value> supplier;
  private Value value;
  private boolean running;

  public Thunk(Supplier<Value> supplier) {
    this.supplier = supplier;
  }

  public static Thunk of(Value value) {
    Thunk thunk = new Thunk(null);
    thunk.value = value;
    return thunk;
  }

  /** The value when already computed; null otherwise (nothing is computed). */
  Value forced() {
    return value;
  }

  public Value force() {
    if (value != null) {
      return value;
    }
    if (running) {
      return Value.UNKNOWN;
    }
    running = true;
    try {
      value = supplier.get();
    } finally {
      running = false;
    }
    supplier = null;
    return value;
  }
}
