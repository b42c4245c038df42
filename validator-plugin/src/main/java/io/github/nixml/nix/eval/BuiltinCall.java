package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Failure;
import io.github.nixml.nix.eval.Value.FailureKind;
import io.github.nixml.nix.eval.Value.Foreign;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Native;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * One application of a {@link Builtin} with all its arguments: it forces them on demand and checks their types
 * as Nix does. When a forced value decides the result by itself (a failure, something unknown, a wrong type)
 * the body stops there, and that value is the builtin's result.
 */
final class BuiltinCall {
  private final Evaluator evaluator;
  private final Builtin builtin;
  private final List<Thunk> args;
  private final SourceSpan at;

  BuiltinCall(Evaluator evaluator, Builtin builtin, List<Thunk> args, SourceSpan at) {
    this.evaluator = evaluator;
    this.builtin = builtin;
    this.args = args;
    this.at = at;
  }

  /** Stops a builtin's body with its result; never escapes {@link #run}. */
  static final class Stop extends RuntimeException {
    final transient Value result;

    Stop(Value result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  /** Runs a builtin; a foreign argument it cannot read goes to the host, which may know its meaning. */
  static Value run(Evaluator evaluator, Builtin builtin, Native self, SourceSpan at) {
    try {
      return builtin.body().call(new BuiltinCall(evaluator, builtin, self.thunks(), at));
    } catch (Stop stop) {
      if (Evaluator.alternatives(stop.result) != null) {
        return perPlatform(evaluator, builtin, self, at, stop.result);
      }
      if (stop.result instanceof Foreign) {
        return evaluator.host().builtin(evaluator, builtin.name(), self.args(), at);
      }
      return stop.result;
    }
  }

  /**
   * A builtin given a platform-dependent argument ({@code elem system […]} inside {@code eachDefaultSystem}, a
   * {@code Choice} from an {@code if} on {@code stdenv.isLinux}): run once per alternative, the results a choice.
   * Unknown when the value that stopped the builtin is not one of its arguments (an element of a list).
   */
  private static Value perPlatform(Evaluator evaluator, Builtin builtin, Native self, SourceSpan at, Value stopped) {
    List<Thunk> thunks = self.thunks();
    for (int i = 0; i < thunks.size(); i++) {
      if (thunks.get(i).forced() != stopped) {
        continue;
      }
      List<Value.Alternative> results = new ArrayList<>();
      for (Value.Alternative alternative : Evaluator.alternatives(stopped)) {
        List<Thunk> args = new ArrayList<>(thunks);
        args.set(i, Thunk.of(alternative.value()));
        Value result = run(evaluator, builtin, new Native(self.name(), self.arity(), self.body(), args, self.span()),
            at);
        Evaluator.addAlternative(results, alternative.guard(), result);
      }
      return Evaluator.choiceOf(results);
    }
    return Value.UNKNOWN;
  }

  Evaluator evaluator() {
    return evaluator;
  }

  SourceSpan at() {
    return at;
  }

  Thunk thunk(int index) {
    return args.get(index);
  }

  /** An argument forced; stops on a failure, or on a value whose type the evaluator does not know. */
  Value value(int index) {
    return known(args.get(index).force());
  }

  /** The value itself when its type is known; stops otherwise (a failure, unknown, foreign, per platform). */
  Value known(Value value) {
    if (value instanceof Failure || value instanceof Foreign || Evaluator.alternatives(value) != null) {
      throw new Stop(value);
    }
    if (!Types.isData(value)) {
      throw new Stop(Value.UNKNOWN);
    }
    return value;
  }

  /** Stops with a type error unless the value is of the given type. */
  <T extends Value> T as(Value value, Class<T> type, String expected) {
    Value known = known(value);
    if (!type.isInstance(known)) {
      throw new Stop(Types.mismatch(known, expected, at));
    }
    return type.cast(known);
  }

  long integer(int index) {
    return integer(args.get(index).force());
  }

  long integer(Value value) {
    return as(value, Value.Int.class, "an integer").value();
  }

  /** An integer or a float, as a double; {@code isFloat} of the value tells which. */
  Value number(int index) {
    Value value = value(index);
    if (!Comparison.isNumber(value)) {
      throw new Stop(Types.mismatch(value, "a float", at));
    }
    return value;
  }

  boolean bool(Value value) {
    return as(value, Bool.class, "a Boolean").value();
  }

  /** A string argument's text; stops when it has unknown pieces. Paths are not strings here. */
  String string(int index) {
    return string(args.get(index).force());
  }

  String string(Value value) {
    String text = as(value, Str.class, "a string").literal();
    if (text == null) {
      throw new Stop(Value.UNKNOWN);
    }
    return text;
  }

  /** The text of a value coerced as {@code "${…}"} does, or as {@code toString} does ({@code more}). */
  String coerced(Value value, boolean more) {
    Value coerced = known(Coercion.coerce(evaluator, known(value), more, at));
    if (coerced instanceof Value.Path path) {
      throw new Stop(Value.UNKNOWN); // copied to the store: its name depends on its contents
    }
    return string(coerced);
  }

  /**
   * {@code toString value}: its text; a string the model keeps in pieces (a package's path, the store path of the
   * copied source) stays that string.
   */
  Value toStringOf(Value value) {
    if (value instanceof Value.Foreign && evaluator.symbolic()) {
      // a package's store path (`toString drv`), kept as a piece as "${drv}" keeps it
      return new Str(List.of(new Value.Interpolation(value, "toString")), at);
    }
    Value coerced = known(Coercion.coerce(evaluator, known(value), true, at));
    if (coerced instanceof Str str && str.literal() == null) {
      return str;
    }
    return str(coerced(value, true));
  }

  /** A list argument's elements; stops when the list depends on the platform. */
  List<Value> list(int index) {
    return list(args.get(index).force());
  }

  List<Value> list(Value value) {
    ListV list = as(value, ListV.class, "a list");
    List<Value> values = new ArrayList<>(list.items().size());
    for (Item item : list.items()) {
      if (!item.guard().equals(PlatformGuard.ALWAYS)) {
        throw new Stop(Value.UNKNOWN);
      }
      values.add(item.value());
    }
    return values;
  }

  Attrs attrs(int index) {
    return attrs(args.get(index).force());
  }

  Attrs attrs(Value value) {
    return as(value, Attrs.class, "a set");
  }

  /** A set whose every attribute is known; stops on an open one. */
  Attrs closedAttrs(Value value) {
    Attrs attrs = attrs(value);
    if (attrs.open()) {
      throw new Stop(Value.UNKNOWN);
    }
    return attrs;
  }

  /** A function argument (a lambda, a builtin, or a set with {@code __functor}). */
  Value function(int index) {
    Value value = value(index);
    if (!(value instanceof Value.Closure || value instanceof Native)) {
      throw new Stop(Types.mismatch(value, "a function", at));
    }
    return value;
  }

  /** {@code function a b …}, lazily in its arguments. */
  Value apply(Value function, Value... arguments) {
    Value result = function;
    for (Value argument : arguments) {
      result = evaluator.apply(result, Thunk.of(argument), at);
    }
    return result;
  }

  /** {@code function argument} with the argument a thunk. */
  Value apply(Value function, Thunk argument) {
    return evaluator.apply(function, argument, at);
  }

  /** A failure of kind {@code OTHER} at this call, as a stop. */
  Stop fail(String message) {
    return new Stop(new Failure(FailureKind.OTHER, message, at));
  }

  Str str(String text) {
    return Str.of(text, at);
  }

  static ListV listOf(List<? extends Value> values) {
    List<Item> items = new ArrayList<>(values.size());
    for (Value value : values) {
      items.add(new Item(value, PlatformGuard.ALWAYS));
    }
    return new ListV(items);
  }

  String name() {
    return builtin.name();
  }
}
