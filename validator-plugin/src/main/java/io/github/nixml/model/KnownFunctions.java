package io.github.nixml.model;

import io.github.nixml.model.Domain.Built;
import io.github.nixml.model.Domain.BuiltKind;
import io.github.nixml.model.Domain.Input;
import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.model.Domain.Shell;
import io.github.nixml.model.Domain.ShellKind;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Choice;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the model knows of nixpkgs' data, one entry per member: where it lives ({@link Scope} and name), how many
 * arguments it takes and what it gives: shell builders, members it does not follow, package methods, and the
 * {@code lib} of devenv. Library functions are not here: nixpkgs' {@code lib}, flake-utils, flake-parts and
 * nix-systems are Nix sources the evaluator runs ({@link NixLibrary}).
 */
public final class KnownFunctions {
  private static final Value UNKNOWN = Value.UNKNOWN;

  private KnownFunctions() {}

  /** Where a function is found. */
  public enum Scope {
    /**
     * Nix's builtins given a value of the model ({@code import nixpkgs}): the evaluator implements them, and asks
     * here only when an argument is a value it cannot read.
     */
    BUILTINS,
    /** A member of a package set by attribute path ({@code mkShell}, {@code addDriverRunpath.driverLink}). */
    NIXPKGS,
    /** numtide devshell's package set ({@code devshell.legacyPackages.${system}.mkShell}). */
    DEVSHELL,
    /** devenv's {@code lib} ({@code devenv.lib.mkShell}). */
    DEVENV,
    /** poetry2nix's {@code lib} ({@code poetry2nix.lib.mkPoetry2Nix}). */
    POETRY2NIX,
    /** poetry2nix's package set ({@code poetry2nix.legacyPackages.${system}.mkPoetryEnv}). */
    POETRY2NIX_PACKAGES,
    /** cachix/git-hooks.nix's {@code lib.${system}} ({@code run}, written in nixml's flake-parts source). */
    GIT_HOOKS,
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

  private static final java.util.regex.Pattern INTERPRETER = java.util.regex.Pattern.compile("python\\d*");

  /** What mkDerivation propagates to what depends on it (a shell included). */
  private static final List<String> PROPAGATED = List.of("propagatedBuildInputs", "propagatedNativeBuildInputs");

  private static final List<KnownFunction> TABLE = List.of(
      new KnownFunction(Scope.BUILTINS, "import", 1, KnownFunctions::importInput),
      // `toString pkgs.python3.interpreter` is the text "${pkgs.python3.interpreter}" is: the package's path
      new KnownFunction(Scope.BUILTINS, "toString", 1, call -> call.arg(0) instanceof Pkg pkg && !pkg.path().isEmpty()
          ? new Value.Str(List.of(new Value.Interpolation(pkg, "toString")), call.at()) : UNKNOWN),
      shellBuilder("mkShell", ShellKind.MK_SHELL),
      shellBuilder("mkShellNoCC", ShellKind.MK_SHELL),
      shellBuilder("buildFHSEnv", ShellKind.FHS_ENV),
      shellBuilder("buildFHSUserEnv", ShellKind.FHS_ENV),
      shellBuilder("buildFHSEnvBubblewrap", ShellKind.FHS_ENV),
      shellBuilder("buildFHSEnvChroot", ShellKind.FHS_ENV),
      new KnownFunction(Scope.NIXPKGS, "devshell.mkShell", 1,
          call -> devshell(call, "devshell.mkShell", call.arg(0))),
      new KnownFunction(Scope.DEVENV, "mkShell", 1, call -> call.arg(0) instanceof Attrs attrs
          ? new Shell(ShellKind.DEVENV, "devenv.lib.mkShell", Domain.instanceOf(attrs.get("pkgs")), attrs,
              call.span()) : UNKNOWN),
      new KnownFunction(Scope.DEVSHELL, "mkShell", 1, call -> devshell(call, "devshell.mkShell", call.arg(0))),
      new KnownFunction(Scope.DEVSHELL, "fromTOML", 1, call -> devshell(call, "devshell.fromTOML",
          DevshellConfiguration.importToml(call.evaluator(), call.arg(0), call.at()))),
      new KnownFunction(Scope.DEVSHELL, "importTOML", 1,
          call -> DevshellConfiguration.importToml(call.evaluator(), call.arg(0), call.at())),
      new KnownFunction(Scope.NIXPKGS, "devshell.fromTOML", 1, call -> devshell(call, "devshell.fromTOML",
          DevshellConfiguration.importToml(call.evaluator(), call.arg(0), call.at()))),
      new KnownFunction(Scope.NIXPKGS, "devshell.importTOML", 1,
          call -> DevshellConfiguration.importToml(call.evaluator(), call.arg(0), call.at())),
      opaque("system"),
      // `import (pkgs.fetchFromGitHub { owner = "NixOS"; repo = "nixpkgs"; rev = "22.05"; … }) { }`: nixpkgs at rev
      new KnownFunction(Scope.NIXPKGS, "fetchFromGitHub", 1, call -> call.arg(0) instanceof Attrs spec
          && spec.get("owner") instanceof Str owner && "nixos".equalsIgnoreCase(owner.literal())
          && spec.get("repo") instanceof Str repo && "nixpkgs".equals(repo.literal())
          ? NixpkgsHost.nixpkgsAt(spec, "rev", "tag") : fetched(call, "fetchFromGitHub")),
      fetcher("fetchurl"), fetcher("fetchzip"), fetcher("fetchgit"), fetcher("fetchFromGitLab"),
      fetcher("fetchFromGitea"), fetcher("fetchFromSourcehut"), fetcher("fetchFromBitbucket"),
      runCommand("runCommand"), runCommand("runCommandLocal"), runCommand("runCommandCC"),
      runCommand("runCommandNoCC"), runCommand("runCommandNoCCLocal"),
      linkFarm("linkFarm"), linkFarm("linkFarmFromDrvs"),
      // a TeX distribution of the schemes and packages named: no package a Python shell's rules look for
      new KnownFunction(Scope.NIXPKGS, "texlive.combine", 1, call -> new Built(BuiltKind.DERIVATION,
          "texlive.combine", "texlive-combined", new Value.ListV(List.of()), call.span())),
      new KnownFunction(Scope.PACKAGE, "mkDerivation", 1, KnownFunctions::mkDerivation),
      new KnownFunction(Scope.PACKAGE, "buildPythonPackage", 1, call -> pythonDerivation(call, "buildPythonPackage")),
      new KnownFunction(Scope.PACKAGE, "buildPythonApplication", 1,
          call -> pythonDerivation(call, "buildPythonApplication")),
      writeText("writeShellScriptBin"), writeText("writeScriptBin"), writeText("writeShellScript"),
      writeText("writeScript"), writeText("writeText"), writeText("writeTextDir"), writeText("writeScriptDir"),
      built("writeShellApplication", BuiltKind.TEXT), built("writeTextFile", BuiltKind.TEXT),
      scriptWriter("writers.writeBash", false), scriptWriter("writers.writeBashBin", false),
      scriptWriter("writers.writeDash", false), scriptWriter("writers.writeDashBin", false),
      scriptWriter("writers.writeFish", false), scriptWriter("writers.writeFishBin", false),
      scriptWriter("writers.writePython3", true), scriptWriter("writers.writePython3Bin", true),
      scriptWriter("writers.writePyPy3", true), scriptWriter("writers.writePyPy3Bin", true),
      scriptWriter("writers.writePerl", true), scriptWriter("writers.writePerlBin", true),
      scriptWriter("writers.writeJS", true), scriptWriter("writers.writeJSBin", true),
      built("symlinkJoin", BuiltKind.JOIN), built("buildEnv", BuiltKind.JOIN),
      driverLink("addDriverRunpath"), driverLink("addOpenGLRunpath"),
      new KnownFunction(Scope.NIXPKGS, "callPackage", 2, call -> CallPackage.call(call.evaluator(),
          new Pkg(call.instance(), List.of(), call.span()), call.arg(0), call.arg(1), call.at())),
      new KnownFunction(Scope.POETRY2NIX, "mkPoetry2Nix", 1, KnownFunctions::mkPoetry2Nix),
      // poetry2nix's `legacyPackages.${system}`: the same functions, on poetry2nix's own nixpkgs
      new KnownFunction(Scope.POETRY2NIX_PACKAGES, "mkPoetryEnv", 1,
          call -> poetryEnv(call.instance(), call.arg(0), call.span())),
      new KnownFunction(Scope.POETRY2NIX_PACKAGES, "mkPoetryApplication", 1,
          call -> poetryApplication(call.instance(), call.arg(0), call.span(), call.at())),
      new KnownFunction(Scope.NIXPKGS, "poetry2nix.mkPoetryEnv", 1,
          call -> poetryEnv(call.instance(), call.arg(0), call.span())),
      new KnownFunction(Scope.NIXPKGS, "poetry2nix.mkPoetryApplication", 1,
          call -> poetryApplication(call.instance(), call.arg(0), call.span(), call.at())),
      new KnownFunction(Scope.PACKAGE, "withPackages", 1, KnownFunctions::withPackages),
      new KnownFunction(Scope.PACKAGE, "override", 1, KnownFunctions::override), samePackage("overrideAttrs"),
      samePackage("overridePythonAttrs"), samePackage("overrideDerivation"), pythonMark("toPythonApplication"),
      pythonMark("toPythonModule"));

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
          : call.arg(0) instanceof Choice choice ? Evaluator.merge(choice, Evaluator.ABSENT) : null;
      return attrs == null ? UNKNOWN : new Shell(kind, name, call.instance(), attrs, call.span());
    });
  }

  /**
   * numtide devshell's {@code mkShell configuration}: a configuration is a module (a set, a function, a file), so
   * anything but a set is taken as the one module a set imports ({@link DevshellConfiguration}).
   */
  private static Value devshell(Call call, String builder, Value configuration) {
    Attrs attrs = configuration instanceof Attrs set ? set
        : new Attrs(java.util.Map.of("imports", new Value.Entry(Thunk.of(new Value.ListV(List.of(
            new Value.Item(configuration, io.github.nixml.nix.eval.PlatformGuard.ALWAYS)))),
            call.at())), false);
    return new Shell(ShellKind.DEVSHELL, builder, call.instance(), attrs, call.span());
  }

  /** A member whose result the model does not follow ({@code pkgs.writeText …}): not a package. */
  private static KnownFunction opaque(String name) {
    return new KnownFunction(Scope.NIXPKGS, name, 0, call -> UNKNOWN);
  }

  /**
   * nixpkgs' fetchers ({@code src = fetchFromGitLab { … }}): a fixed-output derivation, the sources (or file) it
   * downloads, propagating nothing. What it holds is not known: imported or called, it stays unknown; in a text it is
   * a store path the model does not list, as a package the project builds.
   */
  private static KnownFunction fetcher(String name) {
    return new KnownFunction(Scope.NIXPKGS, name, 1, call -> fetched(call, name));
  }

  private static Value fetched(Call call, String fetcher) {
    Attrs spec = call.arg(0) instanceof Attrs attrs ? attrs : null;
    String name = spec == null ? null : literal(spec, "name");
    // fetchzip and the fetchFrom* name their result "source" by default; fetchurl and fetchgit derive it from the
    // URL (and rev), which the model does not repeat
    if (name == null && (fetcher.equals("fetchzip") || fetcher.startsWith("fetchFrom"))) {
      name = "source";
    }
    return spec == null ? UNKNOWN
        : new Built(BuiltKind.DERIVATION, fetcher, name, new Value.ListV(List.of()), call.span());
  }

  /** {@code runCommand name env script}: a package the project builds, propagating nothing. */
  private static KnownFunction runCommand(String name) {
    return new KnownFunction(Scope.NIXPKGS, name, 3, call -> new Built(BuiltKind.DERIVATION, name,
        call.arg(0) instanceof Str str ? str.literal() : null, new Value.ListV(List.of()), call.span()));
  }

  /**
   * {@code linkFarm "weights" { model = fetchurl …; }}: a folder of links the project builds (data, as a rule); like
   * {@code runCommand}'s output it propagates nothing, and its files are not listed.
   */
  private static KnownFunction linkFarm(String name) {
    return new KnownFunction(Scope.NIXPKGS, name, 2, call -> new Built(BuiltKind.DERIVATION, name,
        call.arg(0) instanceof Str str ? str.literal() : null, new Value.ListV(List.of()), call.span()));
  }

  /**
   * {@code stdenv.mkDerivation { … }} (or {@code (finalAttrs: { … })}): a package the project builds. It propagates
   * the lists its {@code propagated} attributes name, plus {@code extra}; it is unknown when its attributes are not
   * known, and what it propagates is when it has a setup hook of its own (that hook runs in the shell).
   */
  private static Value derivation(Call call, String builder, List<String> propagatedAttributes,
      List<Value.Item> extra) {
    return derivation(call, derivationAttributes(call), builder, propagatedAttributes, extra);
  }

  private static Value derivation(Call call, Attrs attrs, String builder, List<String> propagatedAttributes,
      List<Value.Item> extra) {
    if (attrs == null || attrs.open()) {
      return UNKNOWN;
    }
    List<Value.Item> propagated = new ArrayList<>();
    boolean known = !attrs.entries().containsKey("setupHook");
    for (String input : propagatedAttributes) {
      if (known && attrs.entries().containsKey(input)) {
        List<Value.Item> items = Evaluator.items(attrs.get(input));
        known = items != null;
        propagated.addAll(items == null ? List.of() : items);
      }
    }
    propagated.addAll(extra);
    return new Built(BuiltKind.DERIVATION, builder, derivationName(attrs), known ? new Value.ListV(propagated) : null,
        call.span());
  }

  /**
   * {@code stdenv.mkDerivation}: a package the project builds, whose build environment is a shell when the
   * project enters it ({@code nix-shell} on a {@code shell.nix} that returns it, a {@code devShells} entry): the
   * shell mkShell would make of the same attributes but {@code packages} and {@code inputsFrom}, which only mkShell
   * reads (to mkDerivation they are variables).
   */
  private static Value mkDerivation(Call call) {
    Attrs attrs = derivationAttributes(call);
    Value derivation = derivation(call, attrs, "mkDerivation", PROPAGATED, List.of());
    if (!(derivation instanceof Built built)) {
      return derivation;
    }
    Map<String, Value.Entry> entries = new LinkedHashMap<>(attrs.entries());
    entries.keySet().removeAll(List.of("packages", "inputsFrom"));
    return withEnvironment(built, "stdenv.mkDerivation", call.instance(), entries, call.at(), call.span());
  }

  /**
   * {@code built} with the shell its build environment is, of {@code attributes}; placed where the builder is
   * applied ({@code at}, else {@code span}): the function may be named far away ({@code inherit (pkgs) stdenv}).
   */
  private static Built withEnvironment(Built built, String builder, NixpkgsInstance instance,
      Map<String, Value.Entry> attributes, SourceSpan at, SourceSpan span) {
    Shell environment = new Shell(ShellKind.MK_SHELL, builder, instance, new Attrs(attributes, false),
        at != null ? at : span);
    return new Built(built.kind(), built.builder(), built.name(), built.paths(), built.span(), environment);
  }

  /** The attributes of a derivation's call: a set, or a function of the final attributes ({@code finalAttrs}). */
  private static Attrs derivationAttributes(Call call) {
    Value argument = call.arg(0);
    if (argument instanceof Value.Closure || argument instanceof Value.Native) {
      Value function = argument;
      Thunk[] fixed = new Thunk[1];
      fixed[0] = new Thunk(() -> call.evaluator().apply(function, fixed[0], call.at()));
      argument = fixed[0].force();
    }
    return argument instanceof Attrs attrs ? attrs
        : argument instanceof Choice choice ? Evaluator.merge(choice) : null;
  }

  /** {@code name}, else {@code pname-version}; null when not literal. */
  private static String derivationName(Attrs attrs) {
    String name = literal(attrs, "name");
    String pname = literal(attrs, "pname");
    String version = literal(attrs, "version");
    return name != null ? name : pname == null ? null : version == null ? pname : pname + "-" + version;
  }

  private static String literal(Attrs attrs, String name) {
    Value.Entry entry = attrs.entries().get(name);
    return entry != null && entry.thunk().force() instanceof Str str ? str.literal() : null;
  }

  /**
   * {@code python3Packages.buildPythonPackage { … }}: a package the project builds that propagates its
   * {@code dependencies} and the interpreter of its package set (nixpkgs' mk-python-derivation); unknown when that
   * interpreter is not known.
   */
  private static Value pythonDerivation(Call call, String builder) {
    Optional<Pkg> interpreter = interpreterOf(call.receiver(), call.span());
    if (interpreter.isEmpty()) {
      return UNKNOWN;
    }
    List<String> propagated = new ArrayList<>(PROPAGATED);
    propagated.add("dependencies");
    String name = String.join(".", ((Pkg) call.receiver()).path()) + "." + builder;
    Attrs attrs = derivationAttributes(call);
    Value.Item python = new Value.Item(interpreter.get(), PlatformGuard.ALWAYS);
    Value derivation = derivation(call, attrs, name, propagated, List.of(python));
    if (!(derivation instanceof Built built)) {
      return derivation;
    }
    // its build environment (`inputsFrom = [ drv ]`, `nix develop .#drv`): the interpreter and `build-system` as
    // build tools, `dependencies` propagated, as buildPythonPackage hands them to mkDerivation
    Map<String, Value.Entry> entries = new LinkedHashMap<>(attrs.entries());
    entries.keySet().removeAll(List.of("packages", "inputsFrom", "dependencies", "build-system", "nativeCheckInputs",
        "checkInputs"));
    // with doCheck (true unless set false) the check inputs are build inputs too (doInstallCheck = doCheck)
    boolean checks = !(attrs.entries().containsKey("doCheck") && attrs.get("doCheck") instanceof Value.Bool check
        && !check.value());
    entries.put("nativeBuildInputs", joined(attrs, checks ? List.of("nativeBuildInputs", "build-system",
        "nativeCheckInputs", "checkInputs") : List.of("nativeBuildInputs", "build-system"), List.of(python)));
    if (!attrs.entries().containsKey("shellHook") && !pyprojectBuild(attrs)) {
      // a legacy setuptools build gets setuptoolsShellHook as its shell hook (an editable install that changes
      // PATH and PYTHONPATH): what it does in the shell is not read
      entries.put("shellHook", new Value.Entry(Thunk.of(UNKNOWN), null));
    }
    entries.put("propagatedBuildInputs", joined(attrs, List.of("propagatedBuildInputs", "dependencies"), List.of()));
    return withEnvironment(built, name, call.instance(), entries, call.at(), call.span());
  }

  /** A build that is not setuptools' legacy one: {@code pyproject = true}, or a {@code format} other than it. */
  private static boolean pyprojectBuild(Attrs attrs) {
    if (attrs.entries().containsKey("pyproject")) {
      return attrs.get("pyproject") instanceof Value.Bool pyproject && pyproject.value();
    }
    return attrs.entries().containsKey("format") && attrs.get("format") instanceof Str format
        && format.literal() != null && !format.literal().equals("setuptools");
  }

  /** The lists of {@code names} in {@code attrs} after {@code first}, as one list; unknown if one is not a list. */
  private static Value.Entry joined(Attrs attrs, List<String> names, List<Value.Item> first) {
    SourceSpan keySpan = names.stream().filter(attrs.entries()::containsKey).findFirst()
        .map(name -> attrs.entries().get(name).keySpan()).orElse(null);
    return new Value.Entry(new Thunk(() -> {
      List<Value.Item> items = new ArrayList<>(first);
      for (String name : names) {
        if (attrs.entries().containsKey(name)) {
          List<Value.Item> more = Evaluator.items(attrs.get(name));
          if (more == null) {
            return UNKNOWN;
          }
          items.addAll(more);
        }
      }
      return new Value.ListV(items);
    }), keySpan);
  }


  /** The interpreter of a Python package set: {@code python311Packages}, {@code python3.pkgs}. */
  private static Optional<Pkg> interpreterOf(Value packageSet, SourceSpan span) {
    if (!(packageSet instanceof Pkg set) || set.path().isEmpty()) {
      return Optional.empty();
    }
    List<String> path = set.path();
    String interpreter = path.size() == 1 && path.get(0).endsWith("Packages")
        ? path.get(0).substring(0, path.get(0).length() - "Packages".length())
        : path.size() == 2 && path.get(1).equals("pkgs") ? path.get(0) : null;
    return interpreter != null && INTERPRETER.matcher(interpreter).matches()
        ? Optional.of(new Pkg(set.instance(), List.of(interpreter), span)) : Optional.empty();
  }

  /** {@code writeShellScriptBin name text} and its kin: one file written from a text. */
  private static KnownFunction writeText(String name) {
    return new KnownFunction(Scope.NIXPKGS, name, 2, call -> new Built(BuiltKind.TEXT, name,
        call.arg(0) instanceof Str str ? str.literal() : null, null, call.span()));
  }

  /**
   * {@code pkgs.writers}' script writers: {@code writePython3Bin name { libraries = …; } text} (settings always) and
   * {@code writeBashBin name text} (settings optional: {@code writeBashBin name { … } text}). One script, nothing
   * else on the shell's PATH: its interpreter and libraries stay in its shebang.
   */
  private static KnownFunction scriptWriter(String name, boolean settings) {
    return new KnownFunction(Scope.NIXPKGS, name, 2, call -> {
      Value script = new Built(BuiltKind.TEXT, name, call.arg(0) instanceof Str str ? str.literal() : null, null,
          call.span());
      boolean takesText = settings || call.arg(1) instanceof Attrs && !(call.arg(1) instanceof Attrs attrs
          && attrs.get("type") instanceof Str type && "derivation".equals(type.literal()));
      return takesText ? new Value.Native(name, 1, (ev, self, at) -> script, List.of(), call.span()) : script;
    });
  }

  /**
   * {@code writeShellApplication { name; text; … }}, {@code symlinkJoin { name; paths; }}: a derivation of that kind;
   * unknown when the attributes, or a join's {@code paths}, are not known.
   */
  private static KnownFunction built(String name, BuiltKind kind) {
    return new KnownFunction(Scope.NIXPKGS, name, 1, call -> {
      if (!(call.arg(0) instanceof Attrs attrs) || kind == BuiltKind.JOIN && !attrs.entries().containsKey("paths")) {
        return UNKNOWN;
      }
      String derivationName = literal(attrs, "name");
      Value paths = kind == BuiltKind.JOIN ? attrs.get("paths") : null;
      return new Built(kind, name, derivationName, paths, call.span());
    });
  }

  /** {@code addDriverRunpath.driverLink}: where NixOS puts the graphics driver libraries. */
  private static KnownFunction driverLink(String setter) {
    return new KnownFunction(Scope.NIXPKGS, setter + ".driverLink", 0, call -> Str.of("/run/opengl-driver",
        call.span()));
  }

  /**
   * {@code python.withPackages (ps: [ … ])}: the interpreter, with the modules the function picks from its package
   * set ({@code ps} is {@code python3XYPackages} for {@code python3XY}); unknown modules leave the list partial.
   */
  private static Value withPackages(Call call) {
    if (!(call.receiver() instanceof Pkg python) || python.path().isEmpty()) {
      return call.receiver();
    }
    List<String> path = python.path();
    List<String> packageSet = path.size() == 1 && INTERPRETER.matcher(path.get(0)).matches()
        ? List.of(path.get(0) + "Packages") : append(path, "pkgs");
    Value modules = call.evaluator().apply(call.arg(0), Thunk.of(new Pkg(python.instance(), packageSet, null)),
        call.at());
    return new Pkg(python.instance(), path, python.span(), modules);
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new java.util.ArrayList<>(path);
    longer.add(name);
    return longer;
  }

  /**
   * {@code pkg.override { … }}: the same package; with its CUDA switch among the arguments ({@code cudaSupport}, or
   * {@code enableCuda} as opencv names it), built with or without CUDA as they say (unknown when the value is),
   * whatever its instance's configuration.
   */
  private static Value override(Call call) {
    if (!(call.receiver() instanceof Pkg pkg) || !(call.arg(0) instanceof Attrs args)) {
      return call.receiver();
    }
    if (pkg.path().size() == 2 && INTERPRETER.matcher(pkg.path().get(0)).matches()
        && pkg.path().get(1).equals("buildEnv") && pkg.pythonModules() == null) {
      // `python3.buildEnv.override { extraLibs = [ … ]; }`: the environment `python3.withPackages` makes of those
      // modules (nixpkgs' python/wrapper.nix, of which withPackages is the short form); no list, no modules
      Value.Entry libs = args.entries().get("extraLibs");
      Value modules = libs == null ? new Value.ListV(List.of()) : libs.thunk().force();
      return new Pkg(pkg.instance(), List.of(pkg.path().get(0)), pkg.span(), modules);
    }
    Value.Entry entry = CUDA_SWITCHES.stream().map(args.entries()::get).filter(java.util.Objects::nonNull)
        .findFirst().orElse(null);
    if (entry == null) {
      return call.receiver();
    }
    Tristate cuda = entry.thunk().force() instanceof Value.Bool bool ? Tristate.of(bool.value()) : Tristate.UNKNOWN;
    return new Pkg(pkg.instance().withCudaSupport(cuda, entry.keySpan()), pkg.path(), pkg.span(),
        pkg.pythonModules());
  }

  /**
   * The arguments by which nixpkgs' packages that read {@code config.cudaSupport} switch CUDA on ({@code cudaSupport},
   * opencv's {@code enableCuda ? config.cudaSupport}); other packages' {@code withCuda} need not follow the config.
   */
  private static final List<String> CUDA_SWITCHES = List.of("cudaSupport", "enableCuda");

  private static KnownFunction samePackage(String name) {
    return new KnownFunction(Scope.PACKAGE, name, 1, Call::receiver);
  }

  /**
   * A Python set's {@code toPythonApplication drv} and {@code toPythonModule drv} (python-packages-base.nix): the
   * same package, marked for nixpkgs' Python tooling.
   */
  private static KnownFunction pythonMark(String name) {
    return new KnownFunction(Scope.PACKAGE, name, 1, call -> call.receiver() instanceof Pkg set
        && NixpkgsHost.pythonSet(set.path()) && (call.arg(0) instanceof Pkg || call.arg(0) instanceof Built)
        ? call.arg(0) : UNKNOWN);
  }

  /**
   * poetry2nix's {@code mkPoetry2Nix { pkgs; }}: its functions for that package set; of them only
   * {@code mkPoetryEnv} is modelled.
   */
  private static Value mkPoetry2Nix(Call call) {
    Value pkgs = call.arg(0) instanceof Attrs args && args.entries().containsKey("pkgs") ? args.get("pkgs") : null;
    NixpkgsInstance instance = Domain.instanceOf(pkgs);
    Value.Native mkPoetryEnv = new Value.Native("mkPoetryEnv", 1,
        (ev, self, at) -> poetryEnv(instance, self.args().get(0), self.span()), List.of(), call.at());
    Value.Native mkPoetryApplication = new Value.Native("mkPoetryApplication", 1,
        (ev, self, at) -> poetryApplication(instance, self.args().get(0), self.span(), at), List.of(), call.at());
    return new Attrs(Map.of("mkPoetryEnv", new Value.Entry(Thunk.of(mkPoetryEnv), null),
        "mkPoetryApplication", new Value.Entry(Thunk.of(mkPoetryApplication), null)), true);
  }

  /**
   * poetry2nix's {@code mkPoetryApplication { projectDir; python ? pkgs.python3; … }}: the project built as a Python
   * application. Its build environment ({@code inputsFrom = [ app ]}, {@code nix develop .#app}) holds the
   * interpreter with the project's locked packages, as {@link #poetryEnv}: modules the model does not list.
   */
  private static Value poetryApplication(NixpkgsInstance instance, Value arguments, SourceSpan span, SourceSpan at) {
    Value python = poetryEnv(instance, arguments, span);
    if (!(python instanceof Pkg)) {
      return UNKNOWN;
    }
    Value.ListV inputs = new Value.ListV(List.of(new Value.Item(python, PlatformGuard.ALWAYS)));
    String builder = "poetry2nix.mkPoetryApplication";
    return withEnvironment(new Built(BuiltKind.DERIVATION, builder, null, inputs, span), builder,
        ((Pkg) python).instance(), Map.of("propagatedBuildInputs", new Value.Entry(Thunk.of(inputs), null)), at, span);
  }

  /**
   * poetry2nix's {@code mkPoetryEnv { projectDir; python ? pkgs.python3; … }}: a Python environment of that
   * interpreter with the project's locked packages, modelled as the interpreter; unknown when it is not known.
   */
  private static Value poetryEnv(NixpkgsInstance instance, Value arguments, SourceSpan span) {
    Attrs args = arguments instanceof Attrs a ? a : arguments instanceof Choice choice ? Evaluator.merge(choice) : null;
    if (args == null) {
      return UNKNOWN;
    }
    // an environment (its modules, the project's locked packages, unknown): `.env` is its nix-shell environment
    if (!args.entries().containsKey("python")) {
      return instance == null || args.open() ? UNKNOWN : new Pkg(instance, List.of("python3"), span, UNKNOWN);
    }
    return args.get("python") instanceof Pkg python && !python.path().isEmpty()
        ? new Pkg(python.instance(), python.path(), python.span(), UNKNOWN) : UNKNOWN;
  }

  /**
   * {@code import input} ({@code import systems} is nix-systems' Nix source): a function from the nixpkgs arguments ({@code { config = …; }}) to a package set.
   */
  private static Value importInput(Call call) {
    if (!(call.arg(0) instanceof Input input)) {
      return UNKNOWN;
    }
    return new Value.Native("import " + input.name(), 1,
        (ev, self, at) -> overlaid(ev, new Pkg(NixpkgsHost.instance(input.name(), self.args().get(0), self.span()),
            List.of(), self.span()), self.args().get(0), self.span(),
            NixpkgsHost.onlyListedOverlays(self.args().get(0)) ? Optional.of(Set.of()) : Optional.empty()),
        List.of(), call.at());
  }

  /**
   * The package set {@code import nixpkgs { overlays = [ … ]; }} gives: each overlay {@code final: prev: { … }}
   * applied in order, its attributes over the set's ({@code prev} the set so far, {@code final} the result), so that
   * {@code pkgs.cudaDrivers} of an overlay is what the overlay makes it. An overlay the model cannot apply (a
   * foreign input's) adds nothing it knows, one it reads in part (composed with a foreign one) what it names; the
   * instance still says that overlays may change its packages. Where
   * every overlay was read and what came before them is known ({@code earlier}: the attributes earlier overlays
   * define, none for a fresh import), the instance keeps the names they all define.
   */
  static Value overlaid(Evaluator evaluator, Pkg base, Value arguments, SourceSpan span,
      Optional<Set<String>> earlier) {
    if (!(arguments instanceof Attrs args) || !args.entries().containsKey("overlays")) {
      return base;
    }
    List<Value.Item> overlays = Evaluator.items(args.get("overlays"));
    if (overlays == null) {
      return base;
    }
    Value[] result = new Value[1];
    Thunk fixed = new Thunk(() -> result[0] == null ? base : result[0]);
    Value prev = base;
    Attrs extras = null;
    boolean allRead = true;
    for (Value.Item item : overlays) {
      Value extension = evaluator.apply(evaluator.apply(item.value(), fixed, span), Thunk.of(prev), span);
      if (extension instanceof Attrs added) {
        // an open set (`composeManyExtensions [ input.overlays.default ./overlay.nix ]`) still defines what it
        // names; what else it changes is not known
        extras = extras == null ? added : (Attrs) evaluator.update(extras, added);
        prev = new Domain.PkgsWith(base, extras);
        allRead &= !added.open();
      } else {
        allRead = false;
      }
    }
    if (allRead && earlier.isPresent() && base.path().isEmpty()) {
      // every overlay read: the set's other packages are nixpkgs' own, as the rules may tell
      Set<String> names = new java.util.HashSet<>(earlier.get());
      if (extras != null) {
        names.addAll(extras.entries().keySet());
      }
      Pkg named = new Pkg(base.instance().withOverlaid(names), base.path(), base.span());
      prev = extras == null ? named : new Domain.PkgsWith(named, extras);
    }
    result[0] = prev;
    return prev;
  }
}
