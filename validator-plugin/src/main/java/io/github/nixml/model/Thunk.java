package io.github.nixml.model;

import java.util.function.Supplier;

/** A lazily computed value; a cycle (a value that needs itself) evaluates to unknown instead of looping. */
final class Thunk {
  private Supplier<Value> supplier;
  private Value value;
  private boolean running;

  Thunk(Supplier<Value> supplier) {
    this.supplier = supplier;
  }

  static Thunk of(Value value) {
    Thunk thunk = new Thunk(null);
    thunk.value = value;
    return thunk;
  }

  Value force() {
    if (value != null) {
      return value;
    }
    if (running) {
      return Value.Unknown.INSTANCE;
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
