package io.github.nixml.model;

import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.Str;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The definitions of one option, from several modules, merged lazily as a module system's {@code config}: sets by
 * attribute, lists concatenated. Shared by numtide devshell's and devenv's configurations.
 */
final class ModuleMerge {
  private ModuleMerge() {}

  /** devshell's merge: sets by attribute, lists concatenated, any other value the first definition's. */
  static Value firstWins(List<Value> values) {
    return merge(values, false);
  }

  /**
   * The module system's merge with its properties applied ({@link DevenvShells#defined}): a definition under a false
   * {@code mkIf} is dropped; several definitions of a value that is neither a set nor a list, several where one is
   * under a priority ({@code mkForce}, {@code mkDefault}), or one the model does not follow are unknown. Every set is
   * open: an option no module defines has a default the model need not know.
   */
  static Value withProperties(List<Value> values) {
    return merge(values, true);
  }

  private static Value merge(List<Value> values, boolean properties) {
    if (properties) {
      List<Value> defined = new ArrayList<>();
      boolean priority = false;
      for (Value value : values) {
        priority |= value instanceof Attrs attrs && attrs.get("_type") instanceof Str type
            && "override".equals(type.literal());
        Optional<Value> definition = DevenvShells.defined(value);
        if (definition.isPresent()) {
          if (definition.get() == Value.UNKNOWN) {
            return Value.UNKNOWN;
          }
          defined.add(definition.get());
        }
      }
      if (defined.size() > 1 && priority) {
        return Value.UNKNOWN;
      }
      values = defined;
    }
    if (values.isEmpty()) {
      return new Attrs(Map.of(), properties);
    }
    if (values.size() == 1 && !(properties && values.get(0) instanceof Attrs)) {
      return values.get(0);
    }
    if (values.stream().allMatch(value -> value instanceof Attrs)) {
      Map<String, List<Entry>> byName = new LinkedHashMap<>();
      boolean open = properties;
      for (Value value : values) {
        Attrs attrs = (Attrs) value;
        open |= attrs.open();
        attrs.entries().forEach((name, entry) -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(entry));
      }
      Map<String, Entry> entries = new LinkedHashMap<>();
      byName.forEach((name, defined) -> entries.put(name, new Entry(new Thunk(() -> merge(defined.stream()
          .map(entry -> entry.thunk().force()).toList(), properties)), defined.get(0).keySpan(),
          defined.get(0).nameSpan())));
      return new Attrs(entries, open);
    }
    List<Item> items = new ArrayList<>();
    for (Value value : values) {
      List<Item> inner = Evaluator.items(value);
      if (inner == null) {
        return properties ? Value.UNKNOWN : values.get(0);
      }
      items.addAll(inner);
    }
    return new Value.ListV(items);
  }

  /**
   * {@code value} with {@code fallback} at {@code path} where no definition puts anything there (an option's
   * default), computed lazily; a value that is not a set stays as it is.
   */
  static Value withDefault(Value value, List<String> path, Thunk fallback) {
    if (path.isEmpty() || !(value instanceof Attrs attrs)) {
      return value;
    }
    Map<String, Entry> entries = new LinkedHashMap<>(attrs.entries());
    Entry existing = entries.get(path.get(0));
    if (path.size() == 1) {
      entries.putIfAbsent(path.get(0), new Entry(fallback, null));
    } else {
      List<String> rest = path.subList(1, path.size());
      entries.put(path.get(0), new Entry(new Thunk(() -> withDefault(existing == null
          ? new Attrs(Map.of(), true) : existing.thunk().force(), rest, fallback)),
          existing == null ? null : existing.keySpan(), existing == null ? null : existing.nameSpan()));
    }
    return new Attrs(entries, attrs.open());
  }
}
