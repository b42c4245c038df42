package io.github.nixml.model;

import io.github.nixml.model.Domain.PerSystem;
import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.model.KnownFunctions.Call;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Closure;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * flake-parts' {@code mkFlake { inherit inputs; } module}, as far as dev shells go: the module's {@code systems}
 * and, per system, {@code perSystem} applied to {@code { pkgs, system, lib, … }}, where {@code pkgs} is
 * {@code inputs.nixpkgs.legacyPackages.${system}} unless {@code _module.args.pkgs} sets it (that is where a
 * flake-parts user's {@code allowUnfree} and {@code cudaSupport} live).
 */
final class FlakeParts {
  private static final Value UNKNOWN = Value.UNKNOWN;

  /** How deep modules may import modules. */
  private static final int MAX_IMPORT_DEPTH = 16;

  private FlakeParts() {}

  static Value mkFlake(Call call) {
    Evaluator evaluator = call.evaluator();
    Value inputs = call.arg(0) instanceof Attrs args ? args.get("inputs") : UNKNOWN;
    Map<String, Entry> moduleArgs = new LinkedHashMap<>();
    moduleArgs.put("inputs", new Entry(Thunk.of(inputs), call.at()));
    moduleArgs.put("lib", new Entry(Thunk.of(new Pkg(null, List.of("lib"), call.at())), call.at()));
    List<Attrs> modules = new ArrayList<>();
    if (!resolveModuleImports(evaluator, call.arg(1), new Attrs(moduleArgs, true), call.at(), 0, modules)) {
      return UNKNOWN;
    }
    List<Value> perSystem = new ArrayList<>();
    Set<String> systems = null;
    for (Attrs module : modules) {
      if (module.entries().containsKey("perSystem")) {
        perSystem.add(module.get("perSystem"));
      }
      if (systems == null && module.entries().containsKey("systems")) {
        systems = Evaluator.strings(module.get("systems"));
      }
    }
    if (systems == null) {
      return new PerSystem(null, outputs(evaluator, perSystem, inputs, UNKNOWN, call.at()));
    }
    Map<String, Entry> bySystem = new LinkedHashMap<>();
    for (String system : systems) {
      bySystem.put(system, new Entry(new Thunk(() -> outputs(evaluator, perSystem, inputs,
          Str.of(system, call.at()), call.at()).get("devShells")), call.at()));
    }
    return new Attrs(Map.of("devShells", new Entry(Thunk.of(new Attrs(bySystem, false)), call.at())), true);
  }

  /**
   * Resolves module imports: the module itself and, depth first, every module its {@code imports} lists (a path
   * is imported, a function is applied to the module arguments, a set is taken as it is), into {@code into}.
   * False when some module is not understood (then the flake's shells are not either).
   */
  private static boolean resolveModuleImports(Evaluator evaluator, Value module, Attrs moduleArgs, SourceSpan at,
      int depth, List<Attrs> into) {
    if (depth > MAX_IMPORT_DEPTH) {
      return false;
    }
    if (module instanceof Value.Path) {
      module = evaluator.importFile(module, at);
    }
    if (module instanceof Closure) {
      module = evaluator.apply(module, Thunk.of(moduleArgs), at);
    }
    if (!(module instanceof Attrs attrs)) {
      return false;
    }
    into.add(attrs);
    if (!attrs.entries().containsKey("imports")) {
      return true;
    }
    List<Value.Item> imports = Evaluator.items(attrs.get("imports"));
    if (imports == null) {
      return false;
    }
    for (Value.Item item : imports) {
      if (!resolveModuleImports(evaluator, item.value(), moduleArgs, at, depth + 1, into)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code perSystem} of every module for one system, as flake outputs: their {@code devShells} merged as
   * attribute sets, any other attribute the first module's that sets it.
   */
  private static Attrs outputs(Evaluator evaluator, List<Value> perSystem, Value inputs, Value system,
      SourceSpan at) {
    Thunk[] result = new Thunk[1];
    Thunk pkgs = new Thunk(() -> {
      Value own = select(evaluator, result[0].force(), "_module", "args", "pkgs");
      return own != null ? own : nixpkgs(evaluator, inputs, at);
    });
    Map<String, Entry> args = new LinkedHashMap<>();
    args.put("pkgs", new Entry(pkgs, at));
    args.put("system", new Entry(Thunk.of(system), at));
    args.put("lib", new Entry(Thunk.of(new Pkg(null, List.of("lib"), at)), at));
    args.put("inputs", new Entry(Thunk.of(inputs), at));
    result[0] = new Thunk(() -> merged(perSystem.stream()
        .map(function -> evaluator.apply(function, Thunk.of(new Attrs(args, true)), at)).toList()));
    return result[0].force() instanceof Attrs attrs ? attrs : new Attrs(Map.of(), true);
  }

  /** The modules' {@code perSystem} results as one: {@code devShells} merged, other attributes first wins. */
  private static Value merged(List<Value> results) {
    if (results.size() == 1) {
      return results.get(0);
    }
    Map<String, Entry> outputs = new LinkedHashMap<>();
    Map<String, Entry> shells = new LinkedHashMap<>();
    boolean open = false;
    boolean shellsOpen = false;
    Entry firstShells = null;
    for (Value result : results) {
      if (!(result instanceof Attrs attrs)) {
        open = true;
        continue;
      }
      open |= attrs.open();
      for (Map.Entry<String, Entry> entry : attrs.entries().entrySet()) {
        if (entry.getKey().equals("devShells")) {
          firstShells = firstShells == null ? entry.getValue() : firstShells;
          if (entry.getValue().thunk().force() instanceof Attrs set) {
            shellsOpen |= set.open();
            set.entries().forEach(shells::putIfAbsent);
          } else {
            shellsOpen = true;
          }
        } else {
          outputs.putIfAbsent(entry.getKey(), entry.getValue());
        }
      }
    }
    if (firstShells != null) {
      outputs.put("devShells", new Entry(Thunk.of(new Attrs(shells, shellsOpen)), firstShells.keySpan(),
          firstShells.nameSpan()));
    }
    return new Attrs(outputs, open);
  }

  private static Value nixpkgs(Evaluator evaluator, Value inputs, SourceSpan at) {
    Value input = evaluator.select(inputs, "nixpkgs", at);
    return input instanceof Domain.Input nixpkgs ? NixpkgsHost.legacyPackages(nixpkgs.name(), at) : UNKNOWN;
  }

  /** {@code value.a.b.c}, or null when some attribute is certainly absent or unknown. */
  private static Value select(Evaluator evaluator, Value value, String... path) {
    for (String name : path) {
      value = evaluator.select(value, name, null);
      if (value == null || value instanceof Value.Unknown) {
        return null;
      }
    }
    return value;
  }
}
