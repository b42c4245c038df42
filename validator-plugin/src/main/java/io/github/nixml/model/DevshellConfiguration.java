package io.github.nixml.model;

import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.syntax.SourceSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * numtide devshell's configuration ({@code mkShell configuration}) as its module system reads it: the modules
 * (attribute sets, functions of {@code { pkgs, lib, config, … }}, local files, {@code importTOML ./devshell.toml})
 * with their {@code imports}, their definitions merged the way devshell's options merge: lists concatenated, sets
 * merged attribute by attribute, any other value the first definition's. {@code config} given to a function module
 * is that merge, computed lazily.
 */
final class DevshellConfiguration {
  private static final Value UNKNOWN = Value.UNKNOWN;
  /** How deep modules may import modules. */
  private static final int MAX_IMPORT_DEPTH = 16;
  /** What a module in shorthand form ({@code { packages = …; }}) holds besides its definitions. */
  private static final Set<String> MODULE_KEYS = Set.of("imports", "_file", "key", "disabledModules", "_class");
  /** devshell's extra modules ({@code imports = [ "language.c" ]} in devshell.toml) whose options the model reads. */
  private static final Set<String> KNOWN_EXTRA_MODULES = Set.of("language.c");

  private final Evaluator evaluator;
  private final Attrs moduleArguments;
  private final List<Value> definitions = new ArrayList<>();
  private final Thunk merged;
  private boolean complete = true;

  private DevshellConfiguration(Evaluator evaluator, NixpkgsInstance instance, SourceSpan at) {
    this.evaluator = evaluator;
    this.merged = new Thunk(() -> ModuleMerge.firstWins(definitions));
    Map<String, Entry> arguments = new LinkedHashMap<>();
    arguments.put("pkgs", new Entry(Thunk.of(new Pkg(instance, List.of(), at)), at));
    arguments.put("lib", new Entry(Thunk.of(new Pkg(null, List.of("lib"), at)), at));
    arguments.put("config", new Entry(merged, at));
    this.moduleArguments = new Attrs(arguments, true);
  }

  /** The configuration of one {@code mkShell} call: {@code configuration} and every module it imports. */
  static DevshellConfiguration of(Evaluator evaluator, NixpkgsInstance instance, Value configuration,
      SourceSpan at) {
    DevshellConfiguration result = new DevshellConfiguration(evaluator, instance, at);
    result.add(configuration, at, 0);
    return result;
  }

  /** False when some module is not understood (its definitions are then missing from the merge). */
  boolean complete() {
    return complete;
  }

  /** The merged definitions at an option path ({@code devshell}, {@code packages}); null when none defines it. */
  Entry option(String... path) {
    Value value = merged.force();
    Entry entry = null;
    for (String name : path) {
      if (!(value instanceof Attrs attrs) || !attrs.entries().containsKey(name)) {
        return null;
      }
      entry = attrs.entries().get(name);
      value = entry.thunk().force();
    }
    return entry;
  }

  private void add(Value module, SourceSpan at, int depth) {
    if (depth > MAX_IMPORT_DEPTH) {
      complete = false;
      return;
    }
    if (module instanceof Value.Path) {
      module = evaluator.importFile(module, at);
    }
    if (module instanceof Value.Closure || module instanceof Value.Native) {
      module = evaluator.apply(module, Thunk.of(moduleArguments), at);
    }
    if (!(module instanceof Attrs attrs)) {
      complete = false;
      return;
    }
    complete &= !attrs.open();
    if (attrs.entries().containsKey("config") || attrs.entries().containsKey("options")) {
      if (attrs.entries().containsKey("config")) {
        definitions.add(attrs.get("config"));
      }
    } else {
      Map<String, Entry> own = new LinkedHashMap<>(attrs.entries());
      own.keySet().removeAll(MODULE_KEYS);
      definitions.add(new Attrs(own, attrs.open()));
    }
    if (attrs.entries().containsKey("imports")) {
      List<Item> imports = Evaluator.items(attrs.get("imports"));
      if (imports == null) {
        complete = false;
        return;
      }
      for (Item item : imports) {
        add(item.value(), at, depth + 1);
      }
    }
  }

  /**
   * devshell's {@code importTOML file}: a module whose definitions are the file's TOML (positioned in it) and whose
   * {@code imports} are the files it lists ({@code ./x.nix}, {@code ./y.toml}, relative to it) or devshell's extra
   * modules by name ({@code "language.c"}).
   */
  static Value importToml(Evaluator evaluator, Value path, SourceSpan at) {
    if (!(path instanceof Value.Path file)) {
      return UNKNOWN;
    }
    Value data = evaluator.tomlFile(path, at);
    if (!(data instanceof Attrs table)) {
      return data;
    }
    Path directory = Path.of(file.path()).getParent();
    List<Item> imports = new ArrayList<>();
    List<Item> listed = table.entries().containsKey("imports") ? Evaluator.items(table.get("imports")) : List.of();
    if (listed == null) {
      imports.add(new Item(UNKNOWN, io.github.nixml.nix.eval.PlatformGuard.ALWAYS));
    } else {
      for (Item item : listed) {
        imports.add(new Item(tomlImport(evaluator, directory, item.value(), at), item.guard()));
      }
    }
    Map<String, Entry> config = new LinkedHashMap<>(table.entries());
    config.remove("imports");
    Map<String, Entry> module = new LinkedHashMap<>();
    module.put("_file", new Entry(Thunk.of(path), at));
    module.put("imports", new Entry(Thunk.of(new Value.ListV(imports)), at));
    module.put("config", new Entry(Thunk.of(new Attrs(config, false)), at));
    return new Attrs(module, false);
  }

  private static Value tomlImport(Evaluator evaluator, Path directory, Value name, SourceSpan at) {
    String text = name instanceof Str str ? str.literal() : null;
    if (text == null) {
      return UNKNOWN;
    }
    if (text.startsWith("./") || text.endsWith(".nix") || text.endsWith(".toml")) {
      Value.Path file = new Value.Path(directory.resolve(text).normalize().toString());
      return text.endsWith(".toml") ? importToml(evaluator, file, at) : file;
    }
    return KNOWN_EXTRA_MODULES.contains(text) ? new Attrs(Map.of(), false) : UNKNOWN;
  }
}
