package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Closure;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Failure;
import io.github.nixml.nix.eval.Value.FailureKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builtins over attribute sets; names come out in Nix's order (bytewise), values stay lazy. */
final class AttrBuiltins {
  private AttrBuiltins() {}

  static List<Builtin> all() {
    return List.of(
        new Builtin("attrNames", 1, call -> BuiltinCall.listOf(Comparison.sortedNames(call.closedAttrs(
            call.value(0))).stream().map(call::str).toList())),
        new Builtin("attrValues", 1, call -> {
          Attrs attrs = call.closedAttrs(call.value(0));
          return BuiltinCall.listOf(Comparison.sortedNames(attrs).stream().map(attrs::get).toList());
        }),
        new Builtin("getAttr", 2, call -> {
          String name = call.string(0);
          return call.known(member(call, call.attrs(1), name));
        }),
        new Builtin("hasAttr", 2, call -> {
          String name = call.string(0);
          if (call.thunk(1).force() instanceof Value.Foreign foreign) { // as `x ? name` asks it
            return call.evaluator().host().hasAttr(call.evaluator(), foreign, name);
          }
          Attrs attrs = call.attrs(1);
          return attrs.entries().containsKey(name) ? new Bool(true) : attrs.open() ? Value.UNKNOWN : new Bool(false);
        }),
        new Builtin("catAttrs", 2, call -> {
          String name = call.string(0);
          List<Value> found = new ArrayList<>();
          for (Value item : call.list(1)) {
            Attrs attrs = call.attrs(item);
            if (attrs.entries().containsKey(name)) {
              found.add(attrs.get(name));
            } else if (attrs.open()) {
              return Value.UNKNOWN;
            }
          }
          return BuiltinCall.listOf(found);
        }),
        new Builtin("intersectAttrs", 2, call -> {
          Attrs left = call.closedAttrs(call.value(0));
          Attrs right = call.closedAttrs(call.value(1));
          Map<String, Entry> entries = new LinkedHashMap<>();
          right.entries().forEach((name, entry) -> {
            if (left.entries().containsKey(name)) {
              entries.put(name, entry);
            }
          });
          return new Attrs(entries, false);
        }),
        new Builtin("removeAttrs", 2, call -> {
          Attrs attrs = call.attrs(0);
          Set<String> removed = new HashSet<>();
          for (Value name : call.list(1)) {
            removed.add(call.string(name));
          }
          Map<String, Entry> entries = new LinkedHashMap<>(attrs.entries());
          entries.keySet().removeAll(removed);
          return new Attrs(entries, attrs.open());
        }),
        new Builtin("listToAttrs", 1, call -> {
          Map<String, Entry> entries = new LinkedHashMap<>();
          for (Value item : call.list(0)) {
            Attrs pair = call.attrs(item);
            String name = call.string(call.known(member(call, pair, "name")));
            if (!entries.containsKey(name)) {
              Entry value = pair.entries().get("value");
              if (value == null) {
                member(call, pair, "value");
              }
              entries.put(name, value);
            }
          }
          return new Attrs(entries, false);
        }),
        new Builtin("mapAttrs", 2, call -> {
          Attrs attrs = call.attrs(1);
          Value function = call.thunk(0).force();
          Map<String, Entry> entries = new LinkedHashMap<>();
          attrs.entries().forEach((name, entry) -> entries.put(name, new Entry(new Thunk(() -> call.apply(
              call.apply(function, call.str(name)), entry.thunk())), entry.keySpan(), entry.nameSpan())));
          return new Attrs(entries, attrs.open());
        }),
        new Builtin("zipAttrsWith", 2, call -> {
          Value function = call.thunk(0).force();
          Map<String, List<Value>> values = new LinkedHashMap<>();
          for (Value item : call.list(1)) {
            Attrs attrs = call.closedAttrs(item);
            attrs.entries().forEach((name, entry) -> values.computeIfAbsent(name, key -> new ArrayList<>())
                .add(entry.thunk().force()));
          }
          Map<String, Entry> entries = new LinkedHashMap<>();
          values.forEach((name, list) -> entries.put(name, new Entry(new Thunk(() -> call.apply(function,
              call.str(name), BuiltinCall.listOf(list))), call.at())));
          return new Attrs(entries, false);
        }),
        new Builtin("functionArgs", 1, call -> {
          Value function = call.value(0);
          if (!(function instanceof Closure || function instanceof Value.Native)) {
            throw new BuiltinCall.Stop(Types.mismatch(function, "a function", call.at()));
          }
          Map<String, Entry> entries = new LinkedHashMap<>();
          if (function instanceof Closure closure && closure.lambda().formals() != null) {
            for (Term.Formal formal : closure.lambda().formals()) {
              entries.put(formal.name(), new Entry(Thunk.of(new Bool(formal.fallback() != null)), formal.span()));
            }
          }
          return new Attrs(entries, false);
        }));
  }

  /** A set's attribute; stops with Nix's error when a closed set lacks it, unknown when an open one may have it. */
  private static Value member(BuiltinCall call, Attrs attrs, String name) {
    Entry entry = attrs.entries().get(name);
    if (entry == null) {
      throw new BuiltinCall.Stop(attrs.open() ? Value.UNKNOWN
          : new Failure(FailureKind.MISSING_ATTRIBUTE, "attribute '" + name + "' missing", call.at()));
    }
    return entry.thunk().force();
  }
}
