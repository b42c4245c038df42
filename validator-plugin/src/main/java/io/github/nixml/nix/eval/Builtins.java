package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Nix 2.8's builtins, one table: every entry of the area classes, the {@code builtins} set built from it, and the
 * names Nix puts in the top-level scope as well ({@code map}, {@code toString}, and each builtin as {@code __name}).
 */
final class Builtins {
  /** The builtins Nix 2.8 also binds at the top level without {@code __}. */
  private static final Set<String> TOP_LEVEL = Set.of("abort", "baseNameOf", "derivation", "derivationStrict",
      "dirOf", "fetchGit", "fetchMercurial", "fetchTarball", "fetchTree", "fromTOML", "import", "isNull", "map",
      "placeholder", "removeAttrs", "scopedImport", "throw", "toString");

  private static final List<Builtin> TABLE = Stream.of(TypeBuiltins.all(), NumberBuiltins.all(),
      ControlBuiltins.all(), ListBuiltins.all(), AttrBuiltins.all(), StringBuiltins.all(), VersionBuiltins.all(),
      DataBuiltins.all(), List.of(XmlBuiltin.builtin()), FileBuiltins.all(), UnknowableBuiltins.all()).flatMap(List::stream).toList();

  private static final Map<String, Value> GLOBALS = globalsOnce();

  private Builtins() {}

  /** The names of the top-level scope: {@code builtins}, the top-level builtins and every {@code __name}. */
  static Map<String, Value> globals() {
    return GLOBALS;
  }

  private static Map<String, Value> globalsOnce() {
    Map<String, Entry> members = new LinkedHashMap<>();
    Map<String, Value> globals = new HashMap<>();
    for (Builtin builtin : TABLE) {
      Value value = builtin.value();
      members.put(builtin.name(), new Entry(Thunk.of(value), null));
      globals.put("__" + builtin.name(), value);
      if (TOP_LEVEL.contains(builtin.name())) {
        globals.put(builtin.name(), value);
      }
    }
    for (String constant : List.of("true", "false", "null")) {
      members.put(constant, new Entry(Thunk.of(constant(constant)), null));
    }
    Attrs[] self = new Attrs[1];
    Thunk builtins = new Thunk(() -> self[0]);
    members.put("builtins", new Entry(builtins, null));
    self[0] = new Attrs(members, false);
    builtins.force(); // computed now, so that evaluators in parallel only read it
    globals.put("builtins", self[0]);
    return Map.copyOf(globals);
  }

  private static Value constant(String name) {
    return switch (name) {
      case "true" -> new Value.Bool(true);
      case "false" -> new Value.Bool(false);
      default -> new Value.Null();
    };
  }

  /** The names of the table, for tests. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    TABLE.forEach(builtin -> names.add(builtin.name()));
    return names;
  }
}
