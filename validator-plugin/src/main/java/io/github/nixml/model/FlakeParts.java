package io.github.nixml.model;

import io.github.nixml.model.Domain.Location;
import io.github.nixml.model.Domain.PerSystem;
import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.model.KnownFunctions.Call;
import io.github.nixml.model.KnownFunctions.Scope;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Choice;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Native;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The primitives nixml's flake-parts source ({@code nixml/nix/flake-parts.nix}) is given: what a module
 * definition is without reading a value the evaluator cannot ({@code shapeOf}, {@code knownNames}), the per-system
 * outputs for a list of systems that may be unknown ({@code genSystems}, {@code mapSystems}), the default
 * {@code pkgs} of {@code perSystem}, an instance made where {@code mkFlake} is called ({@code nixpkgsOf}), and the shells of
 * numtide devshell's and devenv's flake modules. {@link #located} gives {@code mkFlake} the place it is called, as
 * its {@code moduleLocation}: where the shells its modules build are reported.
 */
final class FlakeParts {
  private static final Value UNKNOWN = Value.UNKNOWN;
  private static final Set<String> WRAPPERS = Set.of("if", "merge", "override", "order");

  private FlakeParts() {}

  static Attrs primitives() {
    Map<String, Entry> entries = new LinkedHashMap<>();
    entries.put("unknown", new Entry(Thunk.of(UNKNOWN), null));
    put(entries, new Native("shapeOf", 1, (ev, self, at) -> Str.of(shapeOf(self.args().get(0)), at), List.of(),
        null));
    put(entries, new Native("openSet", 1, (ev, self, at) -> self.args().get(0) instanceof Attrs attrs
        ? new Attrs(attrs.entries(), true) : self.args().get(0), List.of(), null));
    put(entries, new Native("knownNames", 1, (ev, self, at) -> self.args().get(0) instanceof Attrs attrs
        ? list(attrs.entries().keySet().stream().map(name -> (Value) Str.of(name, at)).toList()) : UNKNOWN,
        List.of(), null));
    put(entries, new Native("genSystems", 2, (ev, self, at) -> genSystems(ev, self.thunks().get(0).force(),
        self.thunks().get(1), at), List.of(), null));
    put(entries, new Native("mapSystems", 2, (ev, self, at) -> mapSystems(ev, self.thunks().get(0),
        self.thunks().get(1).force(), at), List.of(), null));
    put(entries, new Native("nixpkgsOf", 3, (ev, self, at) -> ev.select(self.args().get(1), "nixpkgs", at)
        instanceof Domain.Input nixpkgs ? forSystem(NixpkgsHost.legacyPackages(nixpkgs.name(), self.args().get(0)
            instanceof Location location ? location.span() : at), self.args().get(2)) : UNKNOWN, List.of(), null));
    put(entries, new Native("devshellShell", 3, (ev, self, at) -> shell(ev, Scope.DEVSHELL, self.args().get(0),
        self.args().get(1), self.args().get(2), at), List.of(), null));
    put(entries, new Native("devenvShell", 2, (ev, self, at) -> shell(ev, Scope.DEVENV, self.args().get(0),
        null, self.args().get(1), at), List.of(), null));
    return new Attrs(entries, false);
  }

  /** perSystem's default {@code pkgs} for its system, where that is a system written out. */
  private static Value forSystem(Domain.Pkg pkgs, Value system) {
    return system instanceof Str name && name.literal() != null && PlatformGuard.isSystemDouble(name.literal())
        ? new Domain.Pkg(pkgs.instance().forSystem(name.literal()), pkgs.path(), pkgs.span()) : pkgs;
  }

  /** flake-parts' {@code lib} with its {@code mkFlake} given the place of each call as its module location. */
  static Value located(Evaluator evaluator, Value lib) {
    if (!(lib instanceof Attrs attrs) || !attrs.entries().containsKey("mkFlake")) {
      return lib;
    }
    Map<String, Entry> entries = new LinkedHashMap<>(attrs.entries());
    Entry mkFlake = entries.get("mkFlake");
    entries.put("mkFlake", new Entry(Thunk.of(new Native("mkFlake", 2, (ev, self, at) -> {
      Value args = self.thunks().get(0).force();
      if (args instanceof Attrs given && !given.entries().containsKey("moduleLocation")) {
        Map<String, Entry> withLocation = new LinkedHashMap<>(given.entries());
        withLocation.put("moduleLocation", new Entry(Thunk.of(new Location(at)), at));
        args = new Attrs(withLocation, given.open());
      }
      Value partial = ev.apply(mkFlake.thunk().force(), Thunk.of(args), at);
      return ev.apply(partial, self.thunks().get(1), at);
    }, List.of(), null)), mkFlake.keySpan(), mkFlake.nameSpan()));
    return new Attrs(entries, attrs.open());
  }

  /** What a module definition is, as the source's {@code shapeOf} says. */
  static String shapeOf(Value value) {
    if (value instanceof Attrs attrs) {
      if (attrs.entries().containsKey("_type")) {
        return attrs.get("_type") instanceof Str type && WRAPPERS.contains(type.literal()) ? type.literal() : "other";
      }
      return "set";
    }
    if (value instanceof ListV) {
      return "list";
    }
    if (value instanceof Str) {
      return "string";
    }
    if (value instanceof Value.Closure || value instanceof Native) {
      return "function";
    }
    return value instanceof Value.Unknown ? "unknown" : "other";
  }

  /**
   * {@code genAttrs systems f} for a list of systems nixml knows; for a list it does not, {@code f} applied once
   * to a system not known, kept as per-system outputs ({@link PerSystem}).
   */
  private static Value genSystems(Evaluator evaluator, Value systems, Thunk function, SourceSpan at) {
    Set<String> names = Evaluator.strings(systems);
    if (names == null) {
      return new PerSystem(null, evaluator.apply(function.force(), Thunk.of(UNKNOWN), at));
    }
    Map<String, Entry> bySystem = new LinkedHashMap<>();
    for (String system : names) {
      bySystem.put(system, new Entry(new Thunk(() -> evaluator.apply(function.force(),
          Thunk.of(Str.of(system, at)), at)), at));
    }
    return new Attrs(bySystem, false);
  }

  /** {@code mapAttrs (_: f)} over what {@link #genSystems} gives. */
  private static Value mapSystems(Evaluator evaluator, Thunk function, Value bySystem, SourceSpan at) {
    if (bySystem instanceof PerSystem per) {
      return new PerSystem(per.systems(), evaluator.apply(function.force(), Thunk.of(per.outputs()), at));
    }
    if (!(bySystem instanceof Attrs attrs)) {
      return UNKNOWN;
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    attrs.entries().forEach((system, entry) -> entries.put(system, new Entry(new Thunk(() -> evaluator.apply(
        function.force(), entry.thunk(), at)), entry.keySpan(), entry.nameSpan())));
    return new Attrs(entries, attrs.open());
  }

  /**
   * A shell a flake module builds: devshell's or devenv's {@code mkShell} (their {@link KnownFunctions} entries)
   * applied to the module's configuration, reported where the flake calls {@code mkFlake}.
   */
  private static Value shell(Evaluator evaluator, Scope scope, Value location, Value pkgs, Value attributes,
      SourceSpan at) {
    SourceSpan span = location instanceof Location l ? l.span() : at;
    Value argument = attributes instanceof Choice choice ? Evaluator.merge(choice) : attributes;
    return KnownFunctions.find(scope, "mkShell").map(mkShell -> mkShell.behaviour().apply(new Call(evaluator,
        Domain.instanceOf(pkgs), List.of(argument == null ? UNKNOWN : argument), span, at,
        null))).orElse(UNKNOWN);
  }

  private static void put(Map<String, Entry> entries, Native primitive) {
    entries.put(primitive.name(), new Entry(Thunk.of(primitive), null));
  }

  private static ListV list(List<Value> values) {
    return new ListV(values.stream().map(value -> new Item(value, PlatformGuard.ALWAYS)).toList());
  }
}
