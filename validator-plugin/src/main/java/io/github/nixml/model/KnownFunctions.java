package io.github.nixml.model;

import io.github.nixml.model.Domain.Input;
import io.github.nixml.model.Domain.LibPath;
import io.github.nixml.model.Domain.PerSystem;
import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.model.Domain.Shell;
import io.github.nixml.model.Domain.ShellKind;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Choice;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Platform;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the model knows of nixpkgs, its {@code lib}, flake-utils and Nix's builtins, one entry per function:
 * where it lives ({@link Scope} and name), how many arguments it takes and what it gives. To teach the model a
 * function, add one entry here (and a case to {@code KnownFunctionsTest}); nothing else knows these names.
 */
public final class KnownFunctions {
  private static final Value UNKNOWN = Value.UNKNOWN;
  private static final Set<String> DEFAULT_SYSTEMS =
      Set.of("x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin");
  /** nixpkgs' {@code lib.systems.flakeExposed}. */
  private static final Set<String> FLAKE_EXPOSED = Set.of("x86_64-linux", "aarch64-linux", "x86_64-darwin",
      "armv6l-linux", "armv7l-linux", "i686-linux", "aarch64-darwin", "powerpc64le-linux", "riscv64-linux",
      "x86_64-freebsd");

  private KnownFunctions() {}

  /** Where a function is found. */
  public enum Scope {
    /**
     * Nix's builtins given a value of the model ({@code import nixpkgs}, {@code builtins.elem system […]}): the
     * evaluator implements them, and asks here only when an argument is a value it cannot read.
     */
    BUILTINS,
    /** A member of a package set by attribute path ({@code mkShell}, {@code addDriverRunpath.driverLink}). */
    NIXPKGS,
    /** nixpkgs' {@code lib}, at any depth ({@code pkgs.lib.optionals}, {@code nixpkgs.lib.lists.optionals}). */
    LIB,
    /** flake-utils' {@code lib} ({@code flake-utils.lib.eachDefaultSystem}). */
    FLAKE_UTILS,
    /** numtide devshell's package set ({@code devshell.legacyPackages.${system}.mkShell}). */
    DEVSHELL,
    /** devenv's {@code lib} ({@code devenv.lib.mkShell}). */
    DEVENV,
    /** flake-parts' {@code lib} ({@code flake-parts.lib.mkFlake}). */
    FLAKE_PARTS,
    /** A function every package has ({@code python3.withPackages}): it gives the package back. */
    PACKAGE
  }

  /**
   * One known function applied to all its arguments.
   *
   * @param instance the nixpkgs instance it was taken from (null: none or unknown)
   * @param span where the function is named
   * @param at the application
   * @param receiver the package a {@link Scope#PACKAGE} function is called on (null for the others)
   */
  public record Call(Evaluator evaluator, NixpkgsInstance instance, List<Value> args, SourceSpan span,
      SourceSpan at, Value receiver) {
    Value arg(int index) {
      return args.get(index);
    }
  }

  /** What a known function gives for its arguments. */
  @FunctionalInterface
  public interface Behaviour {
    Value apply(Call call);
  }

  /** One entry: {@code arity} 0 is a value (computed when named), not a function. */
  public record KnownFunction(Scope scope, String name, int arity, Behaviour behaviour) {}

  private static final List<KnownFunction> TABLE = List.of(
      new KnownFunction(Scope.BUILTINS, "import", 1, KnownFunctions::importInput),
      shellBuilder("mkShell", ShellKind.MK_SHELL),
      shellBuilder("mkShellNoCC", ShellKind.MK_SHELL),
      shellBuilder("buildFHSEnv", ShellKind.FHS_ENV),
      shellBuilder("buildFHSUserEnv", ShellKind.FHS_ENV),
      shellBuilder("buildFHSEnvBubblewrap", ShellKind.FHS_ENV),
      shellBuilder("buildFHSEnvChroot", ShellKind.FHS_ENV),
      shellBuilder("devshell.mkShell", ShellKind.DEVSHELL),
      new KnownFunction(Scope.DEVENV, "mkShell", 1, call -> call.arg(0) instanceof Attrs attrs
          ? new Shell(ShellKind.DEVENV, "devenv.lib.mkShell", attrs.get("pkgs") instanceof Pkg pkgs
              ? pkgs.instance() : null, attrs, call.span()) : UNKNOWN),
      new KnownFunction(Scope.DEVSHELL, "mkShell", 1, call -> call.arg(0) instanceof Attrs attrs
          ? new Shell(ShellKind.DEVSHELL, "devshell.mkShell", call.instance(), attrs, call.span()) : UNKNOWN),
      opaque("system"), opaque("config"), opaque("writeShellScriptBin"), opaque("writeText"),
      opaque("fetchurl"), opaque("fetchFromGitHub"), opaque("runCommand"), opaque("symlinkJoin"),
      driverLink("addDriverRunpath"), driverLink("addOpenGLRunpath"),
      new KnownFunction(Scope.NIXPKGS, "callPackage", 2, call -> CallPackage.call(call.evaluator(),
          new Pkg(call.instance(), List.of(), call.span()), call.arg(0), call.arg(1), call.at())),
      new KnownFunction(Scope.LIB, "callPackageWith", 3,
          call -> CallPackage.call(call.evaluator(), call.arg(0), call.arg(1), call.arg(2), call.at())),
      new KnownFunction(Scope.LIB, "optionals", 2, call -> guarded(call.arg(0), call.arg(1))),
      new KnownFunction(Scope.LIB, "optional", 2,
          call -> guarded(call.arg(0), new ListV(List.of(new Item(call.arg(1), PlatformGuard.ALWAYS))))),
      new KnownFunction(Scope.LIB, "optionalString", 2,
          call -> call.arg(0) instanceof Bool bool ? (bool.value() ? call.arg(1) : new Str(List.of(), call.at()))
              : UNKNOWN),
      new KnownFunction(Scope.LIB, "optionalAttrs", 2, KnownFunctions::optionalAttrs),
      new KnownFunction(Scope.LIB, "makeLibraryPath", 1, call -> new LibPath(call.arg(0), call.span())),
      new KnownFunction(Scope.LIB, "genAttrs", 2, KnownFunctions::genAttrs),
      new KnownFunction(Scope.LIB, "mapAttrs", 2, KnownFunctions::mapAttrs),
      new KnownFunction(Scope.LIB, "hasSuffix", 2, KnownFunctions::hasSuffix),
      new KnownFunction(Scope.LIB, "elem", 2, KnownFunctions::elem),
      new KnownFunction(Scope.BUILTINS, "elem", 2, KnownFunctions::elem),
      new KnownFunction(Scope.LIB, "flakeExposed", 0, call -> systemsList(FLAKE_EXPOSED, call.span())),
      new KnownFunction(Scope.FLAKE_UTILS, "eachDefaultSystem", 1,
          call -> eachSystem(call, DEFAULT_SYSTEMS, call.arg(0))),
      new KnownFunction(Scope.FLAKE_UTILS, "eachSystem", 2,
          call -> eachSystem(call, Evaluator.strings(call.arg(0)), call.arg(1))),
      new KnownFunction(Scope.FLAKE_UTILS, "defaultSystems", 0, call -> systemsList(DEFAULT_SYSTEMS, call.span())),
      new KnownFunction(Scope.FLAKE_PARTS, "mkFlake", 2, FlakeParts::mkFlake),
      samePackage("withPackages"), samePackage("override"), samePackage("overrideAttrs"),
      samePackage("overridePythonAttrs"), samePackage("overrideDerivation"));

  /** Every entry, for documentation and tests. */
  public static List<KnownFunction> all() {
    return TABLE;
  }

  public static Optional<KnownFunction> find(Scope scope, String name) {
    return TABLE.stream().filter(f -> f.scope() == scope && f.name().equals(name)).findFirst();
  }

  /** The value a known function has where it is named: a native function, or for arity 0 its value. */
  static Value named(KnownFunction function, Evaluator evaluator, NixpkgsInstance instance, SourceSpan span) {
    if (function.arity() == 0) {
      return function.behaviour().apply(new Call(evaluator, instance, List.of(), span, span, null));
    }
    return new Value.Native(function.name(), function.arity(),
        (ev, self, at) -> function.behaviour().apply(new Call(ev, instance, self.args(), self.span(), at, null)),
        List.of(), span);
  }

  /** A shell builder; arguments that depend on the platform ({@code {…} // optionalAttrs isLinux {…}}) merge. */
  private static KnownFunction shellBuilder(String name, ShellKind kind) {
    return new KnownFunction(Scope.NIXPKGS, name, 1, call -> {
      Attrs attrs = call.arg(0) instanceof Attrs a ? a
          : call.arg(0) instanceof Choice choice ? Evaluator.merge(choice) : null;
      return attrs == null ? UNKNOWN : new Shell(kind, name, call.instance(), attrs, call.span());
    });
  }

  /** {@code lib.optionalAttrs cond attrs}: the set where the condition holds, an empty set elsewhere. */
  private static Value optionalAttrs(Call call) {
    Attrs empty = new Attrs(Map.of(), false);
    if (call.arg(0) instanceof Bool bool) {
      return bool.value() ? call.arg(1) : empty;
    }
    if (call.arg(0) instanceof Platform platform) {
      return Evaluator.choice(platform.guard(), call.arg(1), empty);
    }
    return UNKNOWN;
  }

  /** A member whose result the model does not follow ({@code pkgs.writeText …}): not a package. */
  private static KnownFunction opaque(String name) {
    return new KnownFunction(Scope.NIXPKGS, name, 0, call -> UNKNOWN);
  }

  /** {@code addDriverRunpath.driverLink}: where NixOS puts the graphics driver libraries. */
  private static KnownFunction driverLink(String setter) {
    return new KnownFunction(Scope.NIXPKGS, setter + ".driverLink", 0, call -> Str.of("/run/opengl-driver",
        call.span()));
  }

  private static KnownFunction samePackage(String name) {
    return new KnownFunction(Scope.PACKAGE, name, 1, Call::receiver);
  }

  /**
   * {@code import input}: for nix-systems the list of systems it names, for another input a function from the
   * nixpkgs arguments ({@code { config = …; }}) to a package set.
   */
  private static Value importInput(Call call) {
    if (!(call.arg(0) instanceof Input input)) {
      return UNKNOWN;
    }
    if (input.kind() == Domain.InputKind.SYSTEMS) {
      return systemsList(DEFAULT_SYSTEMS, call.at());
    }
    return new Value.Native("import " + input.name(), 1,
        (ev, self, at) -> new Pkg(NixpkgsHost.instance(input.name(), self.args().get(0), self.span()), List.of(),
            self.span()), List.of(), call.at());
  }

  /** {@code lib.optionals cond list}: the items under the condition's platforms. */
  private static Value guarded(Value condition, Value list) {
    if (condition instanceof Bool bool) {
      return bool.value() ? list : new ListV(List.of());
    }
    if (condition instanceof Platform platform) {
      List<Item> items = Evaluator.items(list);
      if (items == null) {
        return UNKNOWN;
      }
      List<Item> guardedItems = new ArrayList<>();
      for (Item item : items) {
        PlatformGuard guard = item.guard().and(platform.guard());
        if (!guard.isNever()) {
          guardedItems.add(new Item(item.value(), guard));
        }
      }
      return new ListV(guardedItems);
    }
    return UNKNOWN;
  }

  /** flake-utils' per-system outputs: {@code f} applied to the system, one of {@code systems}. */
  private static Value eachSystem(Call call, Set<String> systems, Value function) {
    Value system = systems == null ? UNKNOWN : new Domain.SystemName(systems);
    return new PerSystem(systems, call.evaluator().apply(function, Thunk.of(system), call.at()));
  }

  /** {@code lib.hasSuffix "-linux" system}: a boolean, or for a per-system argument a platform test. */
  private static Value hasSuffix(Call call) {
    String suffix = call.arg(0) instanceof Str str ? str.literal() : null;
    if (suffix == null) {
      return UNKNOWN;
    }
    if (call.arg(1) instanceof Str str && str.literal() != null) {
      return new Bool(str.literal().endsWith(suffix));
    }
    return call.arg(1) instanceof Domain.SystemName system
        ? platformOf(system.systems().stream().filter(s -> s.endsWith(suffix)).toList()) : UNKNOWN;
  }

  /** {@code elem x list}: a boolean, or for a per-system argument a platform test. */
  private static Value elem(Call call) {
    Set<String> list = Evaluator.strings(call.arg(1));
    if (list == null) {
      return UNKNOWN;
    }
    if (call.arg(0) instanceof Str str && str.literal() != null) {
      return new Bool(list.contains(str.literal()));
    }
    return call.arg(0) instanceof Domain.SystemName system
        ? platformOf(system.systems().stream().filter(list::contains).toList()) : UNKNOWN;
  }

  /** True exactly on the platforms of these systems. */
  private static Value platformOf(List<String> systems) {
    PlatformGuard guard = PlatformGuard.NEVER;
    for (String system : systems) {
      guard = guard.or(PlatformGuard.ofSystem(system));
    }
    return new Platform(guard);
  }

  /** {@code mapAttrs f set}: each attribute's value is {@code f name value}. */
  private static Value mapAttrs(Call call) {
    if (!(call.arg(1) instanceof Attrs attrs)) {
      return UNKNOWN;
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    Value function = call.arg(0);
    attrs.entries().forEach((name, entry) -> entries.put(name, new Entry(new Thunk(() -> call.evaluator().apply(
        call.evaluator().apply(function, Thunk.of(Str.of(name, call.at())), call.at()), entry.thunk(), call.at())),
        entry.keySpan(), entry.nameSpan())));
    return new Attrs(entries, attrs.open());
  }

  private static Value genAttrs(Call call) {
    Set<String> names = Evaluator.strings(call.arg(0));
    if (names == null) {
      return UNKNOWN;
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    Value function = call.arg(1);
    for (String name : names) {
      Value nameValue = Str.of(name, call.at());
      entries.put(name, new Entry(new Thunk(() -> call.evaluator().apply(function, Thunk.of(nameValue), call.at())),
          call.at()));
    }
    return new Attrs(entries, false);
  }

  static Value systemsList(Set<String> systems, SourceSpan span) {
    List<Item> items = new ArrayList<>();
    for (String system : new TreeSet<>(systems)) {
      items.add(new Item(Str.of(system, span), PlatformGuard.ALWAYS));
    }
    return new ListV(items);
  }
}
