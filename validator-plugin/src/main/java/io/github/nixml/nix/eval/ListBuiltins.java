package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builtins over lists; elements stay lazy where Nix leaves them lazy ({@code length [ (throw "x") ]} is 1). */
final class ListBuiltins {
  private ListBuiltins() {}

  static List<Builtin> all() {
    return List.of(
        new Builtin("length", 1, call -> new Value.Int(call.list(0).size())),
        new Builtin("head", 1, call -> element(call, call.list(0), 0)),
        new Builtin("tail", 1, call -> {
          List<Value> list = call.list(0);
          if (list.isEmpty()) {
            throw call.fail("'tail' called on an empty list");
          }
          return BuiltinCall.listOf(list.subList(1, list.size()));
        }),
        new Builtin("elemAt", 2, call -> {
          List<Value> list = call.list(0);
          return element(call, list, call.integer(1));
        }),
        new Builtin("map", 2, call -> {
          List<Value> list = call.list(1);
          Value function = call.thunk(0).force();
          return BuiltinCall.listOf(list.stream().map(item -> call.apply(function, item)).toList());
        }),
        new Builtin("filter", 2, call -> {
          Value function = call.function(0);
          List<Value> kept = new ArrayList<>();
          for (Value item : call.list(1)) {
            if (call.bool(call.apply(function, item))) {
              kept.add(item);
            }
          }
          return BuiltinCall.listOf(kept);
        }),
        new Builtin("elem", 2, call -> {
          // a package (a domain value) is compared as the domain can tell; a comparison it cannot decide leaves
          // the answer open unless a later one finds the value
          Value first = call.thunk(0).force();
          List<Value> items = call.list(1);
          if (items.isEmpty()) {
            return new Bool(false); // as Nix, without looking at the value
          }
          Value wanted = first instanceof Value.Foreign ? first : call.known(first);
          boolean open = false;
          for (Value item : items) {
            Value same = Comparison.equal(wanted, item);
            if (same == Value.UNKNOWN || open && same instanceof Value.Failure) {
              open = true; // after an open comparison Nix may have stopped before a failing one
            } else if (call.bool(same)) {
              return new Bool(true);
            }
          }
          // a domain value the domain cannot compare goes to the host (`elem system [ … ]` of a platform)
          return !open ? new Bool(false) : first instanceof Value.Foreign ? call.known(first) : Value.UNKNOWN;
        }),
        new Builtin("concatLists", 1, call -> {
          List<Value> all = new ArrayList<>();
          for (Value list : call.list(0)) {
            all.addAll(call.list(list));
          }
          return BuiltinCall.listOf(all);
        }),
        new Builtin("concatMap", 2, call -> {
          Value function = call.function(0);
          List<Value> all = new ArrayList<>();
          for (Value item : call.list(1)) {
            all.addAll(call.list(call.apply(function, item)));
          }
          return BuiltinCall.listOf(all);
        }),
        quantifier("all", false), quantifier("any", true),
        new Builtin("foldl'", 3, call -> {
          Value function = call.function(0);
          Value accumulator = call.thunk(1).force();
          for (Value item : call.list(2)) {
            accumulator = call.known(call.apply(function, accumulator, item));
          }
          return accumulator;
        }),
        new Builtin("genList", 2, call -> {
          Value function = call.function(0);
          long length = call.integer(1);
          if (length < 0) {
            throw call.fail("cannot create list of size " + length);
          }
          List<Value> items = new ArrayList<>();
          for (long i = 0; i < length; i++) {
            call.evaluator().step();
            items.add(call.apply(function, new Value.Int(i)));
          }
          return BuiltinCall.listOf(items);
        }),
        new Builtin("sort", 2, call -> {
          Value function = call.function(0);
          List<Value> items = new ArrayList<>();
          for (Value item : call.list(1)) {
            items.add(call.known(item)); // Nix forces every element before sorting, even a lone one
          }
          return BuiltinCall.listOf(mergeSort(call, function, items));
        }),
        new Builtin("partition", 2, call -> {
          Value function = call.function(0);
          List<Value> right = new ArrayList<>();
          List<Value> wrong = new ArrayList<>();
          for (Value item : call.list(1)) {
            (call.bool(call.apply(function, item)) ? right : wrong).add(item);
          }
          Map<String, Entry> entries = new LinkedHashMap<>();
          entries.put("right", new Entry(Thunk.of(BuiltinCall.listOf(right)), call.at()));
          entries.put("wrong", new Entry(Thunk.of(BuiltinCall.listOf(wrong)), call.at()));
          return new Attrs(entries, false);
        }),
        new Builtin("groupBy", 2, call -> {
          Value function = call.function(0);
          Map<String, List<Value>> groups = new LinkedHashMap<>();
          for (Value item : call.list(1)) {
            groups.computeIfAbsent(call.string(call.apply(function, item)), name -> new ArrayList<>()).add(item);
          }
          Map<String, Entry> entries = new LinkedHashMap<>();
          groups.forEach((name, items) -> entries.put(name, new Entry(Thunk.of(BuiltinCall.listOf(items)),
              call.at())));
          return new Attrs(entries, false);
        }),
        new Builtin("genericClosure", 1, ListBuiltins::genericClosure));
  }

  private static Value element(BuiltinCall call, List<Value> list, long index) {
    if (index < 0 || index >= list.size()) {
      throw call.fail(list.isEmpty() && call.name().equals("head") ? "list index 0 is out of bounds"
          : "list index " + index + " is out of bounds");
    }
    return list.get((int) index); // the element as it is: a package, a value per platform, a failure
  }

  private static Builtin quantifier(String name, boolean any) {
    return new Builtin(name, 2, call -> {
      Value function = call.function(0);
      for (Value item : call.list(1)) {
        if (call.bool(call.apply(function, item)) == any) {
          return new Bool(any);
        }
      }
      return new Bool(!any);
    });
  }

  /** A stable merge sort that tolerates inconsistent comparators, as Nix's {@code std::stable_sort} does. */
  private static List<Value> mergeSort(BuiltinCall call, Value lessThan, List<Value> items) {
    if (items.size() <= 1) {
      return items;
    }
    int middle = items.size() / 2;
    List<Value> left = mergeSort(call, lessThan, new ArrayList<>(items.subList(0, middle)));
    List<Value> right = mergeSort(call, lessThan, new ArrayList<>(items.subList(middle, items.size())));
    List<Value> merged = new ArrayList<>(items.size());
    int i = 0;
    int j = 0;
    while (i < left.size() && j < right.size()) {
      call.evaluator().step();
      boolean rightFirst = call.bool(call.apply(lessThan, right.get(j), left.get(i)));
      merged.add(rightFirst ? right.get(j++) : left.get(i++));
    }
    merged.addAll(left.subList(i, left.size()));
    merged.addAll(right.subList(j, right.size()));
    return merged;
  }

  /** Starting sets and the operator's results, each {@code key} kept once, until nothing new appears. */
  private static Value genericClosure(BuiltinCall call) {
    Attrs args = call.attrs(0);
    List<Value> work = new ArrayList<>(call.list(args.entries().containsKey("startSet") ? args.get("startSet")
        : missing(call, "startSet")));
    Value operator = args.entries().containsKey("operator") ? args.get("operator") : missing(call, "operator");
    List<Value> keys = new ArrayList<>();
    List<Value> result = new ArrayList<>();
    while (!work.isEmpty()) {
      call.evaluator().step();
      Attrs element = call.attrs(work.remove(0));
      if (!element.entries().containsKey("key")) {
        throw call.fail("attribute 'key' required");
      }
      Value key = call.known(element.get("key"));
      boolean seen = false;
      for (Value other : keys) {
        Value less = Comparison.less(key, other, call.at());
        Value more = Comparison.less(other, key, call.at());
        if (!call.bool(less) && !call.bool(more)) {
          seen = true;
          break;
        }
      }
      if (seen) {
        continue;
      }
      keys.add(key);
      result.add(element);
      work.addAll(call.list(call.apply(operator, element)));
    }
    return BuiltinCall.listOf(result);
  }

  private static Value missing(BuiltinCall call, String name) {
    throw new BuiltinCall.Stop(new Failure(Value.FailureKind.MISSING_ATTRIBUTE, "attribute '" + name
        + "' missing", call.at()));
  }
}
