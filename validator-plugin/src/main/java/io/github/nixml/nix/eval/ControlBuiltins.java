package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Failure;
import io.github.nixml.nix.eval.Value.FailureKind;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.ListV;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Errors and evaluation order: {@code throw}, {@code abort}, {@code tryEval}, {@code seq}, {@code deepSeq}. */
final class ControlBuiltins {
  /** Deeper than this, {@code deepSeq} gives up (a {@code rec} set can hold itself). */
  private static final int MAX_DEPTH = 200;

  private ControlBuiltins() {}

  static List<Builtin> all() {
    return List.of(
        new Builtin("throw", 1, call -> new Failure(FailureKind.THROW, call.coerced(call.value(0), false),
            call.at())),
        new Builtin("abort", 1, call -> new Failure(FailureKind.ABORT,
            "evaluation aborted with the following error message: '" + call.coerced(call.value(0), false) + "'",
            call.at())),
        new Builtin("tryEval", 1, ControlBuiltins::tryEval),
        new Builtin("seq", 2, call -> {
          call.value(0);
          return call.thunk(1).force();
        }),
        new Builtin("deepSeq", 2, call -> {
          Value stop = deepStop(call.thunk(0).force(), 0);
          return stop != null ? stop : call.thunk(1).force();
        }),
        new Builtin("trace", 2, call -> {
          call.value(0);
          return call.thunk(1).force();
        }),
        new Builtin("addErrorContext", 2, call -> call.thunk(1).force()));
  }

  /** {@code { success; value; }}: a {@code throw} or failed {@code assert} is caught, other failures are not. */
  private static Value tryEval(BuiltinCall call) {
    Value value = call.thunk(0).force();
    if (value instanceof Failure failure && !failure.catchable()) {
      return failure;
    }
    if (!(value instanceof Failure) && !Types.isData(value)) {
      return Value.UNKNOWN;
    }
    boolean success = !(value instanceof Failure);
    Map<String, Entry> entries = new LinkedHashMap<>();
    entries.put("success", new Entry(Thunk.of(new Value.Bool(success)), call.at()));
    entries.put("value", new Entry(Thunk.of(success ? value : new Value.Bool(false)), call.at()));
    return new Attrs(entries, false);
  }

  /**
   * What forcing a value deeply meets first: a failure, or unknown where a part is unknown; null when every part
   * is known.
   */
  static Value deepStop(Value value, int depth) {
    if (value instanceof Failure) {
      return value;
    }
    if (!Types.isData(value) || depth > MAX_DEPTH) {
      return Value.UNKNOWN;
    }
    if (value instanceof ListV list) {
      Value unknown = null;
      for (Item item : list.items()) {
        Value stop = deepStop(item.value(), depth + 1);
        if (stop instanceof Failure) {
          return stop;
        }
        unknown = unknown != null ? unknown : stop;
      }
      return unknown;
    }
    if (value instanceof Attrs attrs) {
      Value unknown = attrs.open() ? Value.UNKNOWN : null;
      for (String name : Comparison.sortedNames(attrs)) {
        Value stop = deepStop(attrs.get(name), depth + 1);
        if (stop instanceof Failure) {
          return stop;
        }
        unknown = unknown != null ? unknown : stop;
      }
      return unknown;
    }
    if (value instanceof Value.Str str && str.literal() == null) {
      return Value.UNKNOWN;
    }
    return null;
  }
}
