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

  private FlakeParts() {}

  static Value mkFlake(Call call) {
    Evaluator evaluator = call.evaluator();
    Value inputs = call.arg(0) instanceof Attrs args ? args.get("inputs") : UNKNOWN;
    Value module = call.arg(1);
    if (module instanceof Closure) {
      Map<String, Entry> moduleArgs = new LinkedHashMap<>();
      moduleArgs.put("inputs", new Entry(Thunk.of(inputs), call.at()));
      moduleArgs.put("lib", new Entry(Thunk.of(new Pkg(null, List.of("lib"), call.at())), call.at()));
      module = evaluator.apply(module, Thunk.of(new Attrs(moduleArgs, true)), call.at());
    }
    if (!(module instanceof Attrs attrs)) {
      return UNKNOWN;
    }
    Value perSystem = attrs.get("perSystem");
    Set<String> systems = Evaluator.strings(attrs.get("systems"));
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

  /** {@code perSystem} for one system, as flake outputs ({@code devShells} and the rest). */
  private static Attrs outputs(Evaluator evaluator, Value perSystem, Value inputs, Value system, SourceSpan at) {
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
    result[0] = new Thunk(() -> evaluator.apply(perSystem, Thunk.of(new Attrs(args, true)), at));
    return result[0].force() instanceof Attrs attrs ? attrs : new Attrs(Map.of(), true);
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
