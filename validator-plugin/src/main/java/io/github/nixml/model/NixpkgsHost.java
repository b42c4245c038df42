package io.github.nixml.model;

import io.github.nixml.model.Domain.Built;
import io.github.nixml.model.Domain.Input;
import io.github.nixml.model.Domain.InputKind;
import io.github.nixml.model.Domain.LegacyPackages;
import io.github.nixml.model.Domain.Library;
import io.github.nixml.model.Domain.PerSystem;
import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.model.Domain.PkgsWith;
import io.github.nixml.model.Domain.PythonSet;
import io.github.nixml.model.Domain.PythonSetRecipe;
import io.github.nixml.model.Domain.Shell;
import io.github.nixml.model.Domain.ShellKind;
import io.github.nixml.model.KnownFunctions.Call;
import io.github.nixml.model.KnownFunctions.KnownFunction;
import io.github.nixml.model.KnownFunctions.Scope;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.Host;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Platform;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The evaluator's {@link Host} for flakes: flake inputs, nixpkgs package sets and their members, platform tests.
 * nixpkgs' data (packages, shell builders) is {@link KnownFunctions}; the {@code lib} of nixpkgs, flake-utils and
 * nix-systems are Nix sources ({@link NixLibrary}); this class only finds what a member names.
 */
final class NixpkgsHost implements Host {
  private static final Value UNKNOWN = Value.UNKNOWN;
  /** A system double ({@code x86_64-linux}), as selected from a per-system package set. */
  private static final Pattern SYSTEM_NAME = Pattern.compile("[a-z0-9_]+-[a-z]+");

  /** The flake's directory, whose files it may import and read; null: none. */
  private final FlakeDirectory directory;

  NixpkgsHost(FlakeDirectory directory) {
    this.directory = directory;
  }

  NixpkgsHost() {
    this(null);
  }

  /** The flake's inputs as {@code outputs} receives them (flakelight reads them from flake.lock when not given). */
  private Value flakeInputs = new Attrs(java.util.Map.of(), true);

  /** nix-systems' default list: what {@code import systems} gives for {@code github:nix-systems/default}. */
  static final List<String> DEFAULT_SYSTEMS = List.of("x86_64-linux", "aarch64-linux", "x86_64-darwin",
      "aarch64-darwin");

  private Map<String, Optional<List<String>>> systemsOfInputs = Map.of();

  /**
   * The systems each systems input lists, and each flake-utils input's {@code systems}, by input name: a list, or
   * empty when unknown (a systems flake nixml does not know); an input not in the map has nix-systems' default.
   */
  void systemsOfInputs(Map<String, Optional<List<String>>> systems) {
    this.systemsOfInputs = Map.copyOf(systems);
  }

  private Map<String, String> nixpkgsFollows = Map.of();

  /** The flake's input each input's own nixpkgs follows, by input name, where flake.nix says so. */
  void nixpkgsFollows(Map<String, String> follows) {
    this.nixpkgsFollows = Map.copyOf(follows);
  }

  /**
   * devshell's package set ({@code devshell.legacyPackages.${system}}): its {@code mkShell} builds with devshell's
   * own nixpkgs input in its default configuration, the flake's input where that follows one.
   */
  private Library devshellLibrary(Input devshell, SourceSpan span) {
    return ownNixpkgsLibrary(Scope.DEVSHELL, devshell, span);
  }

  /**
   * An input's functions built on its own nixpkgs (devshell's and poetry2nix's {@code legacyPackages.${system}}): the
   * input's {@code nixpkgs}, or the flake's input that {@code X.inputs.nixpkgs.follows} names.
   */
  private Library ownNixpkgsLibrary(Scope scope, Input input, SourceSpan span) {
    String nixpkgs = nixpkgsFollows.getOrDefault(input.name(), input.name() + "/nixpkgs");
    return new Library(scope, legacyPackages(nixpkgs, span).instance(), true);
  }

  /** The systems an input's list holds: null when unknown. */
  private List<String> systemsOf(String input) {
    Optional<List<String>> systems = systemsOfInputs.get(input);
    return systems == null ? DEFAULT_SYSTEMS : systems.orElse(null);
  }

  /** A nix-systems flake's repository: group 1 the list it names. */
  private static final Pattern NIX_SYSTEMS_URL = Pattern.compile(
      "(?:github:|https://github\\.com/)nix-systems/([A-Za-z0-9_-]+)(?:[/?#].*)?");

  /**
   * What a systems input lists, by its URL: nix-systems' {@code default}, {@code default-linux},
   * {@code default-darwin} or one system ({@code x86_64-linux}); the registry's {@code systems} (no URL) is
   * {@code default}. Empty for any other flake: its list is unknown.
   */
  static Optional<List<String>> nixSystems(Optional<String> url) {
    if (url.isEmpty()) {
      return Optional.of(DEFAULT_SYSTEMS);
    }
    java.util.regex.Matcher matcher = NIX_SYSTEMS_URL.matcher(url.get());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String name = matcher.group(1);
    return switch (name) {
      case "default" -> Optional.of(DEFAULT_SYSTEMS);
      case "default-linux" -> Optional.of(List.of("x86_64-linux", "aarch64-linux"));
      case "default-darwin" -> Optional.of(List.of("x86_64-darwin", "aarch64-darwin"));
      default -> SYSTEM_NAME.matcher(name).matches() ? Optional.of(List.of(name)) : Optional.empty();
    };
  }

  void flakeInputs(Value inputs) {
    this.flakeInputs = inputs;
  }

  /**
   * blueprint's {@code mkBlueprint} for this flake: its folder, the systems it builds by default (the flake's
   * {@code systems} input, else nix-systems' default) and {@code perSystem.<input>} for the inputs nixml knows:
   * devshell's {@code mkShell}/{@code importTOML}, a nixpkgs' packages, nixpkgs-python's builds; any other input's
   * packages are unknown. Unknown without a folder to read.
   */
  private Value blueprint(Evaluator evaluator) {
    if (directory == null) {
      return UNKNOWN;
    }
    Value root = new Value.Path(realDirectory(directory.path()));
    Value defaultSystems = new Value.Native("defaultSystems", 1, (ev, self, at) -> {
      // blueprint imports whatever input is named `systems` (`path:./flake.systems.nix` too)
      if (!(flakeInputs instanceof Attrs inputs) || inputs.entries().get("systems") == null) {
        return NixLibrary.systemList(DEFAULT_SYSTEMS);
      }
      List<String> systems = inputs.get("systems") instanceof Input input && input.kind() == InputKind.SYSTEMS
          ? systemsOf("systems") : null;
      return systems == null ? UNKNOWN : NixLibrary.systemList(systems);
    }, List.of(), null);
    Value perSystemOf = new Value.Native("perSystemOf", 2, (ev, self, at) -> {
      if (!(self.args().get(0) instanceof Input input)) {
        return UNKNOWN; // `self`'s packages are blueprint's own
      }
      return switch (input.kind()) {
        case DEVSHELL -> self.args().get(1) instanceof Value.Str system && system.literal() != null
            ? forSystem(devshellLibrary(input, at), system.literal()) : devshellLibrary(input, at).systemSelected();
        case NIXPKGS -> legacyPackages(input.name(), at);
        case NIXPKGS_PYTHON -> new Domain.PythonBuilds(input.name(), true, at);
        default -> UNKNOWN;
      };
    }, List.of(), null);
    return library(evaluator).blueprint(root, defaultSystems, perSystemOf);
  }

  /**
   * {@code builtins.getEnv "PWD"}: the variable's text on the machine, a word the model does not know. npins' and
   * niv's override variables ({@code NPINS_OVERRIDE_nixpkgs}, {@code NIV_OVERRIDE_nixpkgs}) are read as unset: they
   * swap a pin for a local checkout on one developer's machine, as {@code --override-input} does for a flake input,
   * and the model reads the project's own pins in both cases.
   */
  @Override
  public Value environment(Evaluator evaluator, String variable, SourceSpan span) {
    if (variable.startsWith("NPINS_OVERRIDE_") || variable.startsWith("NIV_OVERRIDE_")) {
      return Value.Str.of("", span);
    }
    return new Domain.EnvironmentText(variable, span);
  }

  /** A directory as the evaluator resolves {@code ./a} against it: its real path, links resolved. */
  static String realDirectory(java.nio.file.Path path) {
    try {
      return path.toRealPath().toString();
    } catch (java.io.IOException e) {
      return path.toAbsolutePath().normalize().toString();
    }
  }

  @Override
  public java.nio.file.Path readableRoot() {
    return directory == null ? null : directory.path();
  }

  @Override
  public Optional<String> importText(String name, java.nio.file.Path file) {
    return directory == null ? Optional.empty() : directory.texts().apply(name);
  }

  /** A flake's source is copied to the store before Nix evaluates it. */
  @Override
  public boolean sourceInStore() {
    return true;
  }


  private NixLibrary library;

  /** The Nix libraries, evaluated by this host's evaluator when first named. */
  private NixLibrary library(Evaluator evaluator) {
    if (library == null) {
      library = new NixLibrary(evaluator);
    }
    return library;
  }

  /** A builtin given one of our values ({@code import nixpkgs}, {@code import systems}). */
  @Override
  public Value builtin(Evaluator evaluator, String name, List<Value> args, SourceSpan span) {
    if (name.equals("import") && args.size() == 1 && args.get(0) instanceof Input input
        && input.kind() == InputKind.SYSTEMS) {
      List<String> systems = systemsOf(input.name());
      return systems == null ? UNKNOWN : NixLibrary.systemList(systems);
    }
    return KnownFunctions.find(Scope.BUILTINS, name).filter(function -> function.arity() == args.size())
        .map(function -> function.behaviour().apply(new Call(evaluator, null, args, span, span, null)))
        .orElse(UNKNOWN);
  }

  /**
   * {@code <nixpkgs>}, {@code <nixpkgs-unstable>}, {@code <nixos-24.05>}, {@code <unstable>}: a nixpkgs channel
   * {@code NIX_PATH} names on the machine (channels are named so by convention), of a revision nobody can tell
   * (facts per release stay unknown for it); any other search path is unknown.
   */
  @Override
  public Value searchPath(Evaluator evaluator, String name, SourceSpan span) {
    return CHANNEL_NAME.matcher(name).matches() ? new Input("<" + name + ">", InputKind.NIXPKGS) : UNKNOWN;
  }

  private static final Pattern CHANNEL_NAME =
      Pattern.compile("(nixpkgs|nixos)(-[A-Za-z0-9._-]+)?|unstable");

  /**
   * A nixpkgs archive fetched by URL ({@code fetchTarball "https://github.com/NixOS/nixpkgs/archive/<rev>.tar.gz"},
   * GitHub's {@code …/tarball/<branch>}, or {@code fetchTarball { url; sha256; }}, a channel's {@code nixexprs.tar.xz}): nixpkgs, named by the revision or
   * branch the URL gives; anything else fetched is unknown.
   */
  @Override
  public Value fetch(Evaluator evaluator, String fetcher, Value argument, SourceSpan span) {
    Value url = argument instanceof Attrs spec ? spec.get("url") : argument;
    if (!(url instanceof Value.Str str) || str.literal() == null) {
      return UNKNOWN;
    }
    if (fetcher.equals("fetchGit")) {
      return NIXPKGS_GIT.matcher(str.literal()).matches() && argument instanceof Attrs spec
          ? nixpkgsAt(spec, "rev", "ref") : UNKNOWN;
    }
    java.util.regex.Matcher archive = NIXPKGS_ARCHIVE.matcher(str.literal());
    if (archive.matches()) {
      return new Input(archive.group(1), InputKind.NIXPKGS);
    }
    java.util.regex.Matcher channel = NIXPKGS_CHANNEL.matcher(str.literal());
    if (channel.matches()) {
      return new Input(channel.group(1), InputKind.NIXPKGS);
    }
    java.util.regex.Matcher release = NIXPKGS_RELEASE.matcher(str.literal());
    return release.matches() ? new Input(release.group(1), InputKind.NIXPKGS) : UNKNOWN;
  }

  /** nixpkgs' repository as {@code fetchGit} names it. */
  private static final Pattern NIXPKGS_GIT =
      Pattern.compile("(?:https?://|git@|ssh://git@)github\\.com[:/](?i:nixos)/nixpkgs(?:\\.git)?/?");

  /**
   * nixpkgs fetched at the first of {@code keys} the fetcher's set gives literally ({@code rev}, else {@code ref}:
   * a commit or a branch such as {@code nixos-24.05}), as an input named by it; unknown without one.
   */
  static Value nixpkgsAt(Attrs spec, String... keys) {
    for (String key : keys) {
      if (spec.entries().containsKey(key)) {
        return spec.get(key) instanceof Value.Str at && at.literal() != null && !at.literal().isEmpty()
            ? new Input(at.literal().replaceFirst("^refs/(heads|tags)/", ""), InputKind.NIXPKGS) : UNKNOWN;
      }
    }
    return UNKNOWN;
  }

  /** A GitHub archive of nixpkgs: group 1 the commit or branch. */
  private static final Pattern NIXPKGS_ARCHIVE = Pattern.compile(
      "https?://github\\.com/(?i:nixos)/nixpkgs(?:-channels)?/(?:archive|tarball)/(?:refs/heads/)?"
          + "([A-Za-z0-9._-]+?)(?:\\.(?:tar\\.gz|zip))?");

  /** A channel's expressions: group 1 the channel. */
  private static final Pattern NIXPKGS_CHANNEL = Pattern.compile(
      "https?://(?:nixos\\.org/channels|channels\\.nixos\\.org)/([A-Za-z0-9._-]+)/nixexprs\\.tar\\.xz");

  /**
   * A channel release's expressions ({@code https://releases.nixos.org/nixpkgs/nixpkgs-25.05pre729039.7cc0bff31a3a/
   * nixexprs.tar.xz}, what npins pins for a channel): group 1 the release's name.
   */
  private static final Pattern NIXPKGS_RELEASE = Pattern.compile(
      "https?://releases\\.nixos\\.org/(?:nixpkgs|nixos/[A-Za-z0-9._-]+)/((?:nixpkgs|nixos)-[A-Za-z0-9._-]+)"
          + "/nixexprs\\.tar\\.xz");

  /** cachix/devenv itself, not its nixpkgs (cachix/devenv-nixpkgs) or another repository of the name. */
  private static final Pattern DEVENV_URL = Pattern.compile("cachix/devenv(?![\\w.-])");

  /** What an input is: by its URL when the flake gives one, else by its conventional name. */
  static InputKind kindOf(String name, Optional<String> url) {
    String text = url.orElse(name).toLowerCase(java.util.Locale.ROOT);
    if (text.contains("flakelight") || (url.isEmpty() && name.equals("flakelight"))) {
      return InputKind.FLAKELIGHT;
    }
    if (text.contains("cachix/nixpkgs-python") || (url.isEmpty() && name.equals("nixpkgs-python"))) {
      return InputKind.NIXPKGS_PYTHON;
    }
    if (text.contains("numtide/blueprint") || (url.isEmpty() && name.equals("blueprint"))) {
      return InputKind.BLUEPRINT;
    }
    if (text.contains("flake-utils-plus")) {
      return InputKind.FLAKE_UTILS_PLUS;
    }
    if (text.contains("poetry2nix")) {
      return InputKind.POETRY2NIX;
    }
    // pyproject-nix/pyproject.nix, and nix-community/pyproject.nix before it moved there
    if (text.contains("/pyproject.nix") || (url.isEmpty() && name.equals("pyproject-nix"))) {
      return InputKind.PYPROJECT_NIX;
    }
    if (text.contains("flake-utils") || (url.isEmpty() && (name.equals("utils") || name.equals("flake_utils")))) {
      return InputKind.FLAKE_UTILS;
    }
    if (text.contains("flake-parts")) {
      return InputKind.FLAKE_PARTS;
    }
    if (DEVENV_URL.matcher(text).find() || (url.isEmpty() && name.equals("devenv"))) {
      return InputKind.DEVENV;
    }
    if (text.contains("numtide/devshell") || (url.isEmpty() && name.equals("devshell"))) {
      return InputKind.DEVSHELL;
    }
    if (text.contains("nix-systems") || (url.isEmpty() && name.equals("systems"))) {
      return InputKind.SYSTEMS;
    }
    if (text.contains("numtide/treefmt-nix")) {
      return InputKind.TREEFMT_NIX;
    }
    if (text.contains("cachix/git-hooks.nix") || text.contains("cachix/pre-commit-hooks.nix")) {
      return InputKind.GIT_HOOKS;
    }
    if (text.contains("srid/flake-root")) {
      return InputKind.FLAKE_ROOT;
    }
    return text.contains("nixpkgs") ? InputKind.NIXPKGS : InputKind.OTHER;
  }

  @Override
  public Value select(Evaluator evaluator, Value.Foreign target, String name, SourceSpan span) {
    if (target instanceof Pkg pkg && name.equals("outputSpecified")) {
      return hasAttr(evaluator, pkg, name) instanceof Bool present && present.value() ? present : null;
    }
    if (target instanceof Pkg env && env.pythonModules() != null && name.equals("env")) {
      // a Python environment's `.env` (withPackages, mkPoetryEnv): the derivation nix-shell enters with the
      // environment on PATH
      return new Shell(ShellKind.MK_SHELL, "python.env", env.instance(), new Attrs(Map.of("nativeBuildInputs",
          new Entry(Thunk.of(new Value.ListV(List.of(new Value.Item(env, PlatformGuard.ALWAYS)))), span)), false),
          span);
    }
    if (target instanceof Pkg environment && environment.pythonModules() != null && name.equals("interpreter")
        && environment.path().size() == 1 && (environment.instance() == null
            || !environment.instance().mayBeOverlaid(environment.path()))) {
      // the environment's own program, "${env}/bin/python3.12" (nixpkgs' python wrapper), not the bare interpreter's
      Value program = interpreterPassthru(environment, name, span);
      return program == null ? UNKNOWN : program;
    }
    if (target instanceof Pkg environment && environment.pythonModules() != null) {
      // `(venv).overrideAttrs …`, `env.override …`: the environment itself, its modules kept
      Optional<KnownFunction> method = KnownFunctions.find(Scope.PACKAGE, name).filter(m -> m.arity() == 1);
      if (method.isPresent()) {
        return new Value.Native(name, 1, (ev, self, at) -> method.get().behaviour().apply(new Call(ev,
            environment.instance(), self.args(), self.span(), at, environment)), List.of(), span);
      }
    }
    if (target instanceof Pkg pkg) {
      return member(evaluator, pkg.instance(), append(pkg.path(), name),
          pkg.path().isEmpty() || pkg.span() == null ? span : pkg.span());
    }
    if (target instanceof Domain.FlakeSelf self) {
      return name.equals("outPath") ? self.source() : select(evaluator, self.outputs(), name, span);
    }
    if (target instanceof PerSystem perSystem && perSystem.systems() != null
        && perSystem.systems().contains(name)) {
      // `self.packages.${system}` inside `eachDefaultSystem`: the per-system value, for that system
      return perSystem.outputs();
    }
    if (target instanceof PerSystem perSystem && perSystem.plain().contains(name)) {
      // `self.overlays.default` where `{ overlays.default = …; } // eachDefaultSystem …`: no system level
      return evaluator.select(perSystem.outputs(), name, span);
    }
    if (target instanceof PerSystem perSystem) {
      // `(eachDefaultSystem f).devShells`, `inherit (perSystem) devShells`: still per system.
      Value member = evaluator.select(perSystem.outputs(), name, span);
      return member == UNKNOWN ? UNKNOWN : new PerSystem(perSystem.systems(), member);
    }
    if (target instanceof Input input && !input.flake()) {
      return UNKNOWN; // a source tree's attributes (outPath, narHash) are the machine's; it has no outputs
    }
    if (target instanceof Input input) {
      return switch (name) {
        // a flake input holds its outputs at the top and again under `outputs` (`inputs.nixlib.outputs.lib`)
        case "outputs" -> input;
        case "lib" -> switch (input.kind()) {
          case NIXPKGS -> library(evaluator).lib();
          case FLAKE_UTILS -> library(evaluator).flakeUtils(systemsOf(input.name()));
          case FLAKE_UTILS_PLUS -> library(evaluator).flakeUtilsPlus();
          case FLAKE_PARTS -> library(evaluator).flakeParts();
          case DEVENV -> new Library(Scope.DEVENV);
          case DEVSHELL -> new Library(Scope.DEVSHELL); // devshell.lib.importTOML
          case FLAKELIGHT -> library(evaluator).flakelight(flakeInputs, defaultNixpkgs(input));
          case POETRY2NIX -> new Library(Scope.POETRY2NIX);
          case GIT_HOOKS -> new Library(Scope.GIT_HOOKS, null, true); // `git-hooks.lib.${system}.run { … }`
          case BLUEPRINT -> new Attrs(Map.of("mkBlueprint", new Entry(Thunk.of(blueprint(evaluator)), null)), true);
          case SYSTEMS, PYPROJECT_NIX, TREEFMT_NIX, FLAKE_ROOT, NIXPKGS_PYTHON, OTHER -> UNKNOWN;
        };
        case "build" -> input.kind() == InputKind.PYPROJECT_NIX ? new Attrs(java.util.Map.of("packages",
            new Entry(Thunk.of(new PythonSetRecipe(span)), null)), true) : UNKNOWN;
        case "legacyPackages" -> switch (input.kind()) {
          case DEVSHELL -> devshellLibrary(input, span);
          case POETRY2NIX -> ownNixpkgsLibrary(Scope.POETRY2NIX_PACKAGES, input, span);
          case NIXPKGS_PYTHON -> UNKNOWN;
          default -> new LegacyPackages(input.name(), span);
        };
        case "packages" -> input.kind() == InputKind.NIXPKGS_PYTHON
            ? new Domain.PythonBuilds(input.name(), false, span) : UNKNOWN;
        case "flakeModule" -> switch (input.kind()) {
          case DEVSHELL -> flakeModule(evaluator, "devshell", span);
          case DEVENV -> flakeModule(evaluator, "devenv", span);
          case TREEFMT_NIX -> foreignModule(evaluator, "treefmt-nix", span);
          case GIT_HOOKS -> foreignModule(evaluator, "git-hooks", span);
          case FLAKE_ROOT -> foreignModule(evaluator, "flake-root", span);
          default -> UNKNOWN;
        };
        // `inputs.flake-parts.flakeModules.easyOverlay`, `inputs.treefmt-nix.flakeModules.default`: the modules
        // nixml knows, any other name unknown
        case "flakeModules" -> switch (input.kind()) {
          case FLAKE_PARTS -> foreignModules(evaluator, java.util.Map.of("easyOverlay", "easyOverlay"), span);
          case DEVENV -> modulesNamed(java.util.Map.of("default", new Thunk(() -> flakeModule(evaluator, "devenv",
              span))));
          case DEVSHELL -> modulesNamed(java.util.Map.of("default", new Thunk(() -> flakeModule(evaluator,
              "devshell", span))));
          case TREEFMT_NIX -> foreignModules(evaluator, java.util.Map.of("default", "treefmt-nix"), span);
          case GIT_HOOKS -> foreignModules(evaluator, java.util.Map.of("default", "git-hooks"), span);
          default -> UNKNOWN;
        };
        default -> UNKNOWN;
      };
    }
    if (target instanceof Library library && indexedBySystem(library) && SYSTEM_NAME.matcher(name).matches()) {
      return forSystem(library, name);
    }
    if (target instanceof Library library && library.bySystem()) {
      return UNKNOWN; // `poetry2nix.legacyPackages.mkPoetryEnv`: no such member, a system is missing
    }
    if (target instanceof Library library && library.scope() == Scope.GIT_HOOKS) {
      // `run { src; hooks; }`: the check, whose `shellHook` installs the hooks; nixpkgs' scripts stand in for the
      // input's own package set (it follows the flake's nixpkgs in practice; a script is a script either way)
      return name.equals("run") ? evaluator.apply(evaluator.select(library(evaluator).flakeParts(), "gitHooksRun",
          span), Thunk.of(legacyPackages("nixpkgs", span)), span) : UNKNOWN;
    }
    if (target instanceof Library library) {
      return KnownFunctions.find(library.scope(), name)
          .map(function -> KnownFunctions.named(function, evaluator, library.instance(), span)).orElse(UNKNOWN);
    }
    if (target instanceof LegacyPackages legacy) {
      return legacyPackages(legacy, name);
    }
    if (target instanceof Domain.PythonBuilds builds) {
      return pythonBuild(builds, name, span);
    }
    if (target instanceof PkgsWith with) {
      return pkgsWithMember(evaluator, with, name, span);
    }
    if (target instanceof PythonSet set) {
      return pythonSetMember(set, name, span);
    }
    if (target instanceof Domain.PythonScope scope) {
      return pythonScopeMember(evaluator, scope, name, span);
    }
    if (target instanceof Built built && built.kind() == Domain.BuiltKind.TEXT
        && (name.equals("overrideAttrs") || name.equals("overrideDerivation"))) {
      return new Value.Native(name, 1, (ev, self, at) -> overrideText(ev, built, self.args().get(0), at), List.of(),
          span);
    }
    if (target instanceof Built built) {
      return builtMember(built, name, span);
    }
    if (target instanceof Shell shell && name.equals("overrideAttrs")) {
      return new Value.Native(name, 1, (ev, self, at) -> overrideAttrs(ev, shell, self.args().get(0), at), List.of(),
          span);
    }
    if (target instanceof Shell && name.equals("type")) {
      return Value.Str.of("derivation", span); // a dev shell is a derivation
    }
    if (target instanceof Shell shell && shell.kind() == ShellKind.FHS_ENV && name.equals("env")) {
      return new Shell(ShellKind.FHS_SHELL, shell.builder(), shell.instance(), shell.attributes(), shell.span());
    }
    if (target instanceof Shell shell && shell.kind() == ShellKind.MK_SHELL && !MERGED_BY_MK_SHELL.contains(name)
        && !shell.attributes().open() && shell.attributes().entries().containsKey(name)) {
      // mkShell hands its other attributes to mkDerivation, whose result has them (`default.libPath`)
      return shell.attributes().get(name);
    }
    return UNKNOWN;
  }

  /** The attributes mkShell takes for itself and merges or removes before mkDerivation sees the rest. */
  private static final java.util.Set<String> MERGED_BY_MK_SHELL = java.util.Set.of("name", "packages", "inputsFrom",
      "buildInputs", "nativeBuildInputs", "propagatedBuildInputs", "propagatedNativeBuildInputs", "shellHook");

  /**
   * {@code shell.overrideAttrs (old: { … })} (or {@code (final: old: { … })}, or a set): the shell with those
   * attributes over its own; unknown when the function's result is not a set the model reads.
   */
  private static Value overrideAttrs(Evaluator evaluator, Shell shell, Value overrides, SourceSpan at) {
    if (!(overridden(evaluator, overrides, shell.attributes(), at) instanceof Attrs extra)) {
      return UNKNOWN;
    }
    return new Shell(shell.kind(), shell.builder(), shell.instance(),
        (Attrs) evaluator.update(shell.attributes(), extra), shell.span());
  }

  /**
   * The attributes an {@code overrideAttrs} argument gives: a set, or a function of {@code old} (or of
   * {@code final} and {@code old}) applied to {@code old}; unknown when it is neither.
   */
  private static Value overridden(Evaluator evaluator, Value overrides, Value old, SourceSpan at) {
    Value added = overrides;
    for (int applied = 0; applied < 2 && !(added instanceof Attrs); applied++) {
      if (!(added instanceof Value.Closure || added instanceof Value.Native)) {
        return UNKNOWN;
      }
      added = evaluator.apply(added, Thunk.of(old), at);
    }
    return added;
  }

  /**
   * {@code (writeScriptBin name text).overrideAttrs (old: { buildCommand = …; })}: still a file written from a text,
   * where the override adds no inputs that it would propagate or a setup hook; unknown otherwise, or when the
   * function's result is not a set whose names the model reads. {@code old} is not known to the model.
   */
  private static Value overrideText(Evaluator evaluator, Built built, Value overrides, SourceSpan at) {
    return overridden(evaluator, overrides, UNKNOWN, at) instanceof Attrs extra && !extra.open() && extra.entries().keySet().stream()
        .noneMatch(name -> name.startsWith("propagated") || name.equals("setupHook")) ? built : UNKNOWN;
  }

  /**
   * A trivial builder's derivation: its name, type and {@code out} (its only output); certainly no other output, so
   * that {@code lib.getDev drv} is the derivation; anything else is unknown.
   */
  private static Value builtMember(Built built, String name, SourceSpan span) {
    return switch (name) {
      case "name" -> built.name() == null ? UNKNOWN : Value.Str.of(built.name(), span);
      case "type" -> Value.Str.of("derivation", span);
      case "out" -> built;
      case "outPath" -> new Value.Str(List.of(new Value.Interpolation(built, "outPath")), span);
      case "outputs" -> new Value.ListV(List.of(new Value.Item(Value.Str.of("out", span), PlatformGuard.ALWAYS)));
      // a package the project builds may declare more outputs
      default -> OUTPUTS.contains(name) ? (built.kind() != Domain.BuiltKind.DERIVATION ? null : UNKNOWN)
          : derivationAttribute(built, name);
    };
  }

  /**
   * An attribute of a derivation the project builds: a member of its closed {@code passthru}, else one of the few
   * its call gives it unchanged ({@code pname}, {@code version}, {@code src}; a Python package's
   * {@code optional-dependencies}, which buildPythonPackage puts in passthru). Anything else stays unknown:
   * nixpkgs adds to {@code meta} and {@code passthru}, and buildPythonPackage removes or rewrites others
   * ({@code doCheck}, {@code format}).
   */
  private static Value derivationAttribute(Built built, String name) {
    if (built.environment() == null) {
      return UNKNOWN;
    }
    Attrs attrs = built.environment().attributes();
    if (attrs.entries().containsKey("passthru") && attrs.get("passthru") instanceof Attrs passthru
        && !passthru.open() && passthru.entries().containsKey(name)) {
      return passthru.get(name);
    }
    boolean python = built.builder().endsWith(".buildPythonPackage") || built.builder().endsWith(
        ".buildPythonApplication");
    if (name.equals("propagatedBuildInputs")) {
      return propagatedBuildInputs(built, attrs, python);
    }
    return (DERIVATION_ATTRIBUTES.contains(name) || python && name.equals("optional-dependencies"))
        && attrs.entries().containsKey(name) ? attrs.get(name) : UNKNOWN;
  }

  /**
   * {@code drv.propagatedBuildInputs}: the list the call gave (stdenv keeps it, empty when not given); a Python
   * package's with its {@code dependencies} and interpreter, as nixpkgs' mk-python-derivation passes them on.
   * Unknown where the list is not one the model reads.
   */
  private static Value propagatedBuildInputs(Built built, Attrs attrs, boolean python) {
    List<Value.Item> items = attrs.entries().containsKey("propagatedBuildInputs")
        ? Evaluator.items(attrs.get("propagatedBuildInputs")) : List.of();
    if (items == null) {
      return UNKNOWN;
    }
    List<Value.Item> all = new ArrayList<>(items);
    if (python) {
      // the interpreter is the last of what the build propagates (KnownFunctions' pythonDerivation)
      List<Value.Item> propagated = built.paths() == null ? null : Evaluator.items(built.paths());
      if (propagated == null || propagated.isEmpty()) {
        return UNKNOWN;
      }
      all.add(propagated.get(propagated.size() - 1));
    }
    return new Value.ListV(List.copyOf(all));
  }

  /** The attributes a derivation keeps as its call gave them. */
  private static final java.util.Set<String> DERIVATION_ATTRIBUTES = java.util.Set.of("pname", "version", "src");

  /** Output names nixpkgs' packages use ({@code lib.getOutput}'s candidates). */
  private static final java.util.Set<String> OUTPUTS =
      java.util.Set.of("out", "lib", "dev", "bin", "static", "man", "doc", "devdoc", "info", "debug", "include");

  /**
   * {@code x ? outputSpecified} ({@code lib.getOutput}): true for an output selected by name ({@code zlib.dev}),
   * false for a package or package set itself and for a trivial builder's derivation. A trivial builder's
   * derivation has exactly the attributes {@link #builtMember} knows; other questions stay unknown.
   */
  @Override
  public Value hasAttr(Evaluator evaluator, Value.Foreign target, String name) {
    if (target instanceof Pkg pkg && name.equals("outputSpecified")) {
      return new Bool(!pkg.path().isEmpty() && OUTPUTS.contains(pkg.path().get(pkg.path().size() - 1)));
    }
    if (target instanceof Built built) {
      return switch (name) {
        case "outputSpecified" -> new Bool(false);
        case "name", "type", "out", "outPath", "outputs" -> new Bool(true);
        default -> OUTPUTS.contains(name) && built.kind() != Domain.BuiltKind.DERIVATION ? new Bool(false) : UNKNOWN;
      };
    }
    return UNKNOWN;
  }

  /**
   * {@code readFile "${stdenv.cc}/nix-support/dynamic-linker"} (nix-ld's {@code NIX_LD}, with {@code lib.fileContents}):
   * the dynamic linker's path and a newline, as nixpkgs' bintools wrapper writes that file and the cc wrapper links
   * it ({@code pkgs/build-support/bintools-wrapper}), the path {@code stdenv.cc.bintools.dynamicLinker} names; any
   * other file of a package is unknown.
   */
  @Override
  public Value packageFile(Evaluator evaluator, Value.Foreign target, String subPath, SourceSpan span) {
    if (target instanceof Pkg pkg && subPath.equals("/nix-support/dynamic-linker") && pkg.path().size() >= 2
        && pkg.path().get(pkg.path().size() - 1).equals("cc") && !pkg.path().get(pkg.path().size() - 2).equals("cc")
        && !pkg.path().get(0).equals("stdenvNoCC")) { // the wrapper (`stdenv.cc`), not the bare compiler or none
      List<String> linker = new ArrayList<>(pkg.path());
      linker.addAll(List.of("bintools", "dynamicLinker"));
      return new Value.Str(List.of(new Value.Interpolation(new Pkg(pkg.instance(), linker, span),
          String.join(".", linker)), new Value.Text("\n")), span);
    }
    return UNKNOWN;
  }

  /** {@code pkgs.mkShell.override …}: a package function's {@code override} gives the function back. */
  @Override
  public Value selectFromNative(Evaluator evaluator, Value.Native target, String name, SourceSpan span) {
    return KnownFunctions.find(Scope.PACKAGE, name).filter(method -> method.arity() == 1)
        .<Value>map(method -> new Value.Native(name, 1, (ev, self, at) -> method.behaviour().apply(
            new Call(ev, null, self.args(), self.span(), at, target)), List.of(), span))
        .orElse(UNKNOWN);
  }

  @Override
  public Value selectDynamic(Evaluator evaluator, Value.Foreign target) {
    if (target instanceof Library library && indexedBySystem(library)) {
      return library.systemSelected();
    }
    if (target instanceof Domain.PythonBuilds builds && !builds.systemSelected()) {
      return new Domain.PythonBuilds(builds.input(), true, builds.span());
    }
    return target instanceof LegacyPackages legacy ? legacyPackages(legacy) : UNKNOWN;
  }

  /** A version of CPython: group 1 the major, group 2 the minor version. */
  private static final Pattern PYTHON_VERSION = Pattern.compile("([23])\\.(\\d{1,2})(?:\\.\\d+)?");

  /**
   * {@code nixpkgs-python.packages.${system}."3.11.4"}: that CPython as the model knows nixpkgs' {@code python311}
   * (its version the minor's, its {@code withPackages} and {@code pkgs} alike), from the input's own package set;
   * any other name ({@code default}, a version not written as one) is unknown.
   */
  private static Value pythonBuild(Domain.PythonBuilds builds, String name, SourceSpan span) {
    if (!builds.systemSelected()) {
      return SYSTEM_NAME.matcher(name).matches() ? new Domain.PythonBuilds(builds.input(), true, builds.span())
          : UNKNOWN;
    }
    java.util.regex.Matcher version = PYTHON_VERSION.matcher(name);
    if (!version.matches()) {
      return UNKNOWN;
    }
    NixpkgsInstance instance = new NixpkgsInstance(builds.input(), Tristate.FALSE, Tristate.FALSE, Tristate.FALSE,
        Tristate.FALSE, builds.span(), null);
    return new Pkg(instance, List.of("python" + version.group(1) + version.group(2)), span);
  }

  @Override
  public Value scopeMember(Evaluator evaluator, Value.Foreign target, String name, SourceSpan span) {
    if (target instanceof Pkg pkg && CudaScope.isCudaSet(pkg.path()) && !CudaScope.mayHold(name)) {
      return null; // `with pkgs; with cudaPackages; [ cmake python3 ]`: the CUDA set has no such member
    }
    if (target instanceof Pkg pkg) {
      return member(evaluator, pkg.instance(), append(pkg.path(), name), span);
    }
    return target instanceof Library || target instanceof PkgsWith ? select(evaluator, target, name, span)
        : UNKNOWN;
  }

  /** {@code (pkgs // extras).name}: the added attribute, else the package set's ({@code callPackage} sees both). */
  private Value pkgsWithMember(Evaluator evaluator, PkgsWith with, String name, SourceSpan span) {
    Entry own = with.extras().entries().get(name);
    if (own != null) {
      return own.thunk().force();
    }
    if (name.equals("callPackage")) {
      return new Value.Native("callPackage", 2, (ev, self, at) -> CallPackage.call(ev, with,
          self.args().get(0), self.args().get(1), at), List.of(), span);
    }
    return select(evaluator, with.base(), name, span);
  }

  /**
   * A pyproject-nix package set: {@code overrideScope} keeps its interpreter, {@code mkVirtualEnv name deps} is an
   * environment of that interpreter with the project's locked packages: the interpreter, its modules the lock's
   * ({@link Domain.ProjectLock}).
   */
  private static Value pythonSetMember(PythonSet set, String name, SourceSpan span) {
    return switch (name) {
      case "overrideScope", "overrideScope'" -> new Value.Native(name, 1, (ev, self, at) -> set, List.of(), span);
      case "mkVirtualEnv" -> new Value.Native(name, 2, (ev, self, at) -> set.python() instanceof Pkg python
          && !python.path().isEmpty() ? new Pkg(python.instance(), python.path(), python.span(),
              new Domain.ProjectLock(at)) : UNKNOWN, List.of(), span);
      case "python" -> set.python();
      default -> UNKNOWN;
    };
  }

  /** flakelight's own nixpkgs, for a flake without a nixpkgs input: an input of its own, not locked here. */
  private static Input defaultNixpkgs(Input flakelight) {
    return new Input(flakelight.name() + "/nixpkgs", InputKind.NIXPKGS);
  }

  @Override
  public Value apply(Evaluator evaluator, Value.Foreign function, Thunk argument, SourceSpan span) {
    if (function instanceof Input input && input.kind() == InputKind.BLUEPRINT) {
      // `inputs.blueprint { inherit inputs; prefix = "nix"; }`: the flake's `__functor` is `mkBlueprint`
      return evaluator.apply(blueprint(evaluator), argument, span);
    }
    if (function instanceof Input input && input.kind() == InputKind.FLAKELIGHT) {
      // `flakelight ./. { … }`: the flake's `__functor` is `lib.mkFlake`
      Value lib = library(evaluator).flakelight(flakeInputs, defaultNixpkgs(input));
      return evaluator.apply(evaluator.select(lib, "mkFlake", span), argument, span);
    }
    if (function instanceof Pkg pkg && !pkg.path().isEmpty()) {
      Optional<KnownFunction> method = KnownFunctions.find(Scope.PACKAGE, pkg.path().get(pkg.path().size() - 1));
      if (method.isPresent()) {
        Pkg receiver = new Pkg(pkg.instance(), pkg.path().subList(0, pkg.path().size() - 1), pkg.span());
        return method.get().behaviour().apply(
            new Call(evaluator, pkg.instance(), List.of(argument.force()), pkg.span(), span, receiver));
      }
    }
    return UNKNOWN;
  }

  /**
   * {@code left // right} with a value of the model on either side: the per-system outputs of {@code eachSystem}
   * with a set merged after them, or before them ({@link #beforePerSystem}); a package set with attributes added
   * ({@code pkgs // { … }}, what callPackage then sees); a derivation with attributes set after it is made (the
   * same derivation).
   */
  @Override
  public Value update(Evaluator evaluator, Value left, Value right) {
    if (left instanceof PerSystem perSystem) {
      java.util.Set<String> plain = new java.util.HashSet<>(perSystem.plain());
      if (right instanceof Attrs added) {
        plain.addAll(added.entries().keySet());
      }
      return new PerSystem(perSystem.systems(), evaluator.update(perSystem.outputs(), right), plain);
    }
    if (right instanceof PerSystem perSystem) {
      return beforePerSystem(evaluator, left, perSystem);
    }
    if (right instanceof Attrs extras && !extras.open()) {
      if (left instanceof Pkg pkg && pkg.path().isEmpty()) {
        return new PkgsWith(pkg, extras);
      }
      if ((left instanceof Shell || left instanceof Built) && extras.entries().keySet()
          .stream().noneMatch(DERIVATION_IDENTITY::contains)) {
        // `pkgs.mkShell { … } // lib.optionalAttrs isDarwin { … }`: attributes set on the derivation after it is
        // made, which `nix develop` and a package list never read; its drvPath is still the shell's
        return left;
      }
      if (left instanceof PkgsWith with) {
        return new PkgsWith(with.base(), (Attrs) evaluator.update(with.extras(), extras));
      }
    }
    return null;
  }

  /**
   * {@code { overlay = …; } // eachDefaultSystem (…)}: the per-system outputs with the set's other attributes beside
   * them, as the system-level expansion would have them. Null (an unknown set) when the set keeps an output that is
   * itself per system ({@code devShells}, {@code packages}…, not overridden by the right side): read inside the
   * per-system outputs it would gain a second system level.
   */
  private static Value beforePerSystem(Evaluator evaluator, Value left, PerSystem perSystem) {
    if (!(left instanceof Attrs set) || set.open() || !(perSystem.outputs() instanceof Attrs outputs)) {
      return null;
    }
    for (String name : set.entries().keySet()) {
      if (PER_SYSTEM_OUTPUTS.contains(name) && !outputs.entries().containsKey(name)) {
        return null;
      }
    }
    java.util.Set<String> plain = new java.util.HashSet<>(perSystem.plain());
    set.entries().keySet().stream().filter(name -> !outputs.entries().containsKey(name)).forEach(plain::add);
    return new PerSystem(perSystem.systems(), evaluator.update(set, outputs), plain);
  }

  /** The flake outputs whose attributes are systems ({@code devShells.x86_64-linux}). */
  private static final java.util.Set<String> PER_SYSTEM_OUTPUTS = java.util.Set.of("devShells", "devShell",
      "packages", "defaultPackage", "apps", "defaultApp", "checks", "legacyPackages", "formatter");

  /** Another flake's module nixml knows by its facts ({@code foreignModules} of its flake-parts source). */
  private Value foreignModule(Evaluator evaluator, String name, SourceSpan span) {
    return evaluator.select(evaluator.select(library(evaluator).flakeParts(), "foreignModules", span), name, span);
  }

  /** A flake's {@code flakeModules}: the names given, as nixml's modules of those facts; any other unknown. */
  private Value foreignModules(Evaluator evaluator, java.util.Map<String, String> known, SourceSpan span) {
    java.util.Map<String, Thunk> modules = new java.util.LinkedHashMap<>();
    known.forEach((name, module) -> modules.put(name, new Thunk(() -> foreignModule(evaluator, module, span))));
    return modulesNamed(modules);
  }

  /** {@code flakeModules} with these modules; a name not among them is unknown (the flake may have more). */
  private static Value modulesNamed(java.util.Map<String, Thunk> modules) {
    java.util.Map<String, Entry> entries = new java.util.LinkedHashMap<>();
    modules.forEach((name, module) -> entries.put(name, new Entry(module, null)));
    return new Attrs(entries, true);
  }

  /** numtide devshell's or devenv's {@code flakeModule}: nixml's own, in its flake-parts source. */
  private Value flakeModule(Evaluator evaluator, String name, SourceSpan span) {
    return evaluator.select(evaluator.select(library(evaluator).flakeParts(), "flakeModules", span), name, span);
  }

  /** A library's instance made for {@code system} where that is a system written out. */
  private static Library forSystem(Library library, String system) {
    return library.instance() != null && KNOWN_SYSTEM.matcher(system).matches()
        ? new Library(library.scope(), library.instance().forSystem(system), false) : library.systemSelected();
  }

  /** A library a flake gives per system ({@code devshell.legacyPackages.${system}}, {@code git-hooks.lib.${system}}). */
  private static boolean indexedBySystem(Library library) {
    return library.scope() == Scope.DEVSHELL || library.scope() == Scope.GIT_HOOKS
        || library.scope() == Scope.POETRY2NIX_PACKAGES;
  }

  /** {@code input.legacyPackages.<name>}: the package set, for that system when the name is one. */
  private static Value legacyPackages(LegacyPackages legacy, String name) {
    Pkg pkgs = legacyPackages(legacy.input(), legacy.span());
    return KNOWN_SYSTEM.matcher(name).matches()
        ? new Pkg(pkgs.instance().forSystem(name), pkgs.path(), pkgs.span()) : pkgs;
  }

  private static Value legacyPackages(LegacyPackages legacy) {
    return legacyPackages(legacy.input(), legacy.span());
  }

  /** A system Nix builds for, written out: what an instance built for another system is compared with. */
  private static final Pattern KNOWN_SYSTEM =
      Pattern.compile("(x86_64|aarch64|i686|armv6l|armv7l|riscv64|powerpc64le)-(linux|darwin)");

  /** {@code input.legacyPackages.${system}}: the input's package set with the default configuration. */
  static Pkg legacyPackages(String input, SourceSpan span) {
    NixpkgsInstance instance =
        new NixpkgsInstance(input, Tristate.FALSE, Tristate.FALSE, Tristate.FALSE, Tristate.FALSE, span, null);
    return new Pkg(instance, List.of(), span);
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new ArrayList<>(path.size() + 1);
    longer.addAll(path);
    longer.add(name);
    return List.copyOf(longer);
  }

  /** What {@code pkgs.<path>} is: a known function, {@code lib}, a platform test, or a package. */
  private Value member(Evaluator evaluator, NixpkgsInstance instance, List<String> path, SourceSpan span) {
    String last = path.get(path.size() - 1);
    if (path.equals(List.of("pkgs"))) {
      return new Pkg(instance, List.of(), span); // nixpkgs' `pkgs.pkgs` is the set itself (what callPackage passes)
    }
    if (path.equals(List.of("extend"))) {
      // `pkgs.extend overlay`: the set with one more overlay, as `import nixpkgs { overlays = [ overlay ]; }`
      NixpkgsInstance overlaid = instance.withOverlays();
      Optional<java.util.Set<String>> earlier = instance.overlays() == Tristate.FALSE ? Optional.of(java.util.Set.of())
          : instance.overlaid();
      return new Value.Native("extend", 1, (ev, self, at) -> KnownFunctions.overlaid(ev,
          new Pkg(overlaid, List.of(), span), new Attrs(Map.of("overlays", new Entry(Thunk.of(new Value.ListV(
              List.of(new Value.Item(self.args().get(0), PlatformGuard.ALWAYS)))), at)), false), at, earlier),
          List.of(), span);
    }
    if (last.equals("callPackage") && pythonSet(path.subList(0, path.size() - 1))) {
      // `python3Packages.callPackage ./pkg.nix { }`: the file's arguments from the Python set, then the top level
      List<String> set = path.subList(0, path.size() - 1);
      return new Value.Native("callPackage", 2, (ev, self, at) -> CallPackage.call(ev,
          new Domain.PythonScope(instance, List.copyOf(set), span), self.args().get(0), self.args().get(1), at),
          List.of(), span);
    }
    Optional<KnownFunction> known = KnownFunctions.find(Scope.NIXPKGS, String.join(".", path));
    if (known.isPresent()) {
      return KnownFunctions.named(known.get(), evaluator, instance, span);
    }
    if (last.equals("pname") && MANYLINUX_PNAMES.containsKey(path.subList(0, path.size() - 1))) {
      return Value.Str.of(MANYLINUX_PNAMES.get(path.subList(0, path.size() - 1)), span);
    }
    // an overlay may rebuild it (`enableGIL = false` makes `python3.13t`)
    Value passthru = path.size() == 2 && (instance == null || !instance.mayBeOverlaid(path.subList(0, 1)))
        ? interpreterPassthru(new Pkg(instance, path.subList(0, 1), span), last, span) : null;
    if (passthru != null) {
      return passthru;
    }
    if (path.size() > 1 && DERIVATION_FACTS.contains(last)) {
      // `python3.version`, `zlib.pname`: a string the release decides, not a package
      return last.equals("meta") ? meta(path.subList(0, path.size() - 1), span)
          : new Domain.PackageFact(path.subList(0, path.size() - 1), last, span);
    }
    if (path.equals(List.of("config"))) {
      return configuration(instance, span);
    }
    if (path.size() == 2 && path.get(0).equals("pythonManylinuxPackages")) {
      return manylinux(instance, path.get(1), span);
    }
    if (path.get(0).equals("lib")) {
      Value member = library(evaluator).lib();
      for (String name : path.subList(1, path.size())) {
        member = member == null ? null : evaluator.select(member, name, span);
      }
      return member == null ? UNKNOWN : member;
    }
    return platformTest(path, last).map(test -> decided(test, instance)).orElseGet(() -> new Pkg(instance, path, span));
  }

  /**
   * A platform test of a package set built for one known system ({@code legacyPackages.x86_64-linux}, flake-parts'
   * {@code pkgs} of each system): its answer there.
   */
  private static Value decided(Value test, NixpkgsInstance instance) {
    return test instanceof Platform platform && instance != null && instance.system().isPresent()
        ? new Bool(!PlatformGuard.ofSystem(instance.system().get()).and(platform.guard()).isNever()) : test;
  }

  /** {@code python312}: CPython of the version its name says, group 1 the major and group 2 the minor. */
  private static final Pattern VERSIONED_CPYTHON = Pattern.compile("python(\\d)(\\d+)");

  /**
   * What CPython's name decides of its passthru ({@code pkgs/development/interpreters/python/cpython}:
   * {@code pythonVersion}, {@code libPrefix = "python${pythonVersion}"}, {@code executable = libPrefix},
   * {@code sitePackages}, {@code interpreter = "${self}/bin/${executable}"}, {@code sourceVersion}'s major and
   * minor), for {@code python312.pythonVersion}; {@code self} is the package the attribute is taken of (an
   * environment of it keeps its own path). Null for any other name or attribute.
   */
  private static Value interpreterPassthru(Pkg self, String name, SourceSpan span) {
    String interpreter = self.path().get(0);
    java.util.regex.Matcher matcher = VERSIONED_CPYTHON.matcher(interpreter);
    if (!matcher.matches()) {
      return null;
    }
    String version = matcher.group(1) + "." + matcher.group(2);
    return switch (name) {
      case "pythonVersion" -> Value.Str.of(version, span);
      case "libPrefix", "executable" -> Value.Str.of("python" + version, span);
      case "sitePackages" -> Value.Str.of("lib/python" + version + "/site-packages", span);
      case "implementation" -> Value.Str.of("cpython", span);
      // "${self}/bin/${executable}": the interpreter's program (`UV_PYTHON = python312.interpreter;`)
      case "interpreter" -> new Value.Str(List.of(new Value.Interpolation(self, interpreter),
          new Value.Text("/bin/python" + version)), span);
      // the patch level and suffix are the release's
      case "sourceVersion" -> new Attrs(Map.of("major", new Entry(Thunk.of(Value.Str.of(matcher.group(1), span)), span),
          "minor", new Entry(Thunk.of(Value.Str.of(matcher.group(2), span)), span)), true);
      default -> null;
    };
  }

  /** {@code python312Packages}, {@code python3.pkgs}: a Python package set. */
  static boolean pythonSet(List<String> path) {
    return path.size() == 1 && PYTHON_PACKAGES.matcher(path.get(0)).matches()
        || path.size() == 2 && PYTHON_INTERPRETER.matcher(path.get(0)).matches() && path.get(1).equals("pkgs");
  }

  private static final Pattern PYTHON_PACKAGES = Pattern.compile("python\\d*Packages");
  private static final Pattern PYTHON_INTERPRETER = Pattern.compile("python\\d*");

  /**
   * A name a Python set's {@code callPackage} gives a file: the set's own builders and the names its
   * {@code python-packages.nix} defines ({@link PythonSetNames}: a module wins over a top-level package of the same
   * name, as in nixpkgs' scope), else the top level's. Unknown where overlays may add Python packages the model did
   * not read, and for the helpers of the set's base ({@code pythonOlder}, {@code toPythonModule}), which it does not
   * model.
   */
  private Value pythonScopeMember(Evaluator evaluator, Domain.PythonScope scope, String name, SourceSpan span) {
    if (PYTHON_SET_OWN.contains(name) || PythonSetNames.defines(name)) {
      return evaluator.select(new Pkg(scope.instance(), scope.set(), scope.span()), name, span);
    }
    if (PYTHON_SET_BASE.contains(name) || PYTHON_VERSION_TEST.matcher(name).matches()
        || !keepsPythonSet(scope.instance()) && !topLevelFunction(name)) {
      return UNKNOWN;
    }
    return evaluator.select(new Pkg(scope.instance(), List.of(), scope.span()), name, span);
  }

  /**
   * nixpkgs' {@code pkgs}, {@code lib}, {@code stdenv}, {@code config} and the top level's functions the model knows
   * ({@code mkShell}): no Python set defines them, extended or not.
   */
  private static boolean topLevelFunction(String name) {
    return List.of("pkgs", "lib", "stdenv", "config").contains(name) || KnownFunctions.all().stream()
        .anyMatch(function -> function.scope() == Scope.NIXPKGS && function.name().equals(name));
  }

  /** Builders of a Python set the model knows ({@code python-packages-base.nix}, {@code python-packages.nix}). */
  private static final java.util.Set<String> PYTHON_SET_OWN =
      java.util.Set.of("buildPythonPackage", "buildPythonApplication", "python", "fetchPypi", "callPackage");

  /** The rest of {@code python-packages-base.nix}'s names, which the model does not model. */
  private static final java.util.Set<String> PYTHON_SET_BASE = java.util.Set.of("pythonOlder", "pythonAtLeast",
      "isPy27", "isPy3k", "isPyPy", "isPy310", "isPy311", "isPy312", "isPy313", "toPythonModule",
      "toPythonApplication", "disabledIf", "requiredPythonModules", "makePythonPath", "hasPythonModule",
      "pythonModule", "pythonForBuild", "buildSetupcfg", "pythonPackages", "newScope", "overrideScope",
      "overrideScope'", "mkPythonDerivation", "mkPythonMetaPackage");

  /** {@code isPy3k}, {@code isPy39}, {@code isPyPy}: the base's tests of the interpreter's version. */
  private static final Pattern PYTHON_VERSION_TEST = Pattern.compile("isPy(\\d+|3k|Py)");

  /**
   * Whether every name the Python set has is nixpkgs' own: no overlay, or overlays that were all read and add
   * nothing for Python ({@code pythonPackagesExtensions}, an interpreter's {@code packageOverrides}).
   */
  private static boolean keepsPythonSet(NixpkgsInstance instance) {
    return instance.overlays() == Tristate.FALSE || instance.overlaid()
        .filter(names -> names.stream().noneMatch(name -> name.startsWith("python"))).isPresent();
  }

  /**
   * {@code pkgs.config}, what callPackage passes as {@code config}: the settings the instance was imported with
   * where the model knows them ({@code cudaSupport}, {@code allowUnfree}); any other setting is unknown.
   */
  private static Value configuration(NixpkgsInstance instance, SourceSpan span) {
    Map<String, Entry> settings = new LinkedHashMap<>();
    for (Map.Entry<String, Tristate> setting : Map.of("cudaSupport", instance.cudaSupport(),
        "allowUnfree", instance.allowUnfree()).entrySet()) {
      if (setting.getValue() != Tristate.UNKNOWN) {
        settings.put(setting.getKey(), new Entry(Thunk.of(new Value.Bool(setting.getValue() == Tristate.TRUE)), span));
      }
    }
    if (instance.platformDependent()) {
      settings.put("cudaSupport", new Entry(Thunk.of(new Value.Platform(instance.cudaSupportOn())), span));
    }
    return new Attrs(settings, true);
  }

  /**
   * A package's {@code meta}: its {@code mainProgram} (what {@code lib.getExe} runs) is one word the release decides;
   * anything else in it is unknown.
   */
  private static Value meta(List<String> packagePath, SourceSpan span) {
    return new Attrs(Map.of("mainProgram", new Entry(Thunk.of(
        new Domain.PackageFact(packagePath, "meta.mainProgram", span)), span)), true);
  }

  /**
   * What a derivation's readers take from it besides its drvPath: the attributes that make it the derivation it is,
   * and those mkShell's {@code inputsFrom} reads of it ({@code catAttrs "shellHook"}, its inputs). Merged over a
   * made derivation, they make it another to those readers.
   */
  private static final java.util.Set<String> DERIVATION_IDENTITY = java.util.Set.of("type", "drvPath", "outPath",
      "outputs", "out", "drvAttrs", "outputName", "name", "shellHook", "buildInputs", "nativeBuildInputs",
      "propagatedBuildInputs", "propagatedNativeBuildInputs", "passthru", "meta");

  /** A package's own facts, which are no package: its name, version and metadata. */
  private static final java.util.Set<String> DERIVATION_FACTS =
      java.util.Set.of("pname", "version", "name", "meta", "drvPath");

  /**
   * The packages of the manylinux policies in nixpkgs' {@code pythonManylinuxPackages}
   * ({@code pkgs/development/interpreters/python/manylinux/default.nix}: PEP 599's manylinux2014 libraries by the
   * package that ships each, {@code lib.getLib} of it; manylinux2010 the same; manylinux1 adds ncurses 5 and
   * libxcrypt). Later releases added zlib and expat to the list; the model takes every release's members, so a
   * library list made of it never lacks what some release has (rules asking "is X missing?" stay silent rather than
   * guess).
   */
  private static final List<List<String>> MANYLINUX2014 = List.of(List.of("libGL"), List.of("xorg", "libICE"),
      List.of("xorg", "libSM"), List.of("xorg", "libX11"), List.of("xorg", "libXext"), List.of("xorg", "libXrender"),
      List.of("glibc"), List.of("glib"), List.of("stdenv", "cc", "cc", "lib"), List.of("zlib"), List.of("expat"));
  private static final List<List<String>> MANYLINUX1_EXTRA = List.of(List.of("libxcrypt"), List.of("ncurses5"));

  /**
   * The {@code pname} of each manylinux member, the same on every release since 20.09, so that the uv2nix
   * template's {@code filter (p: p.pname != "glibc") pkgs.pythonManylinuxPackages.manylinux1} is a list: from
   * nixpkgs' {@code pkgs/development/libraries/glibc/common.nix}, {@code libglvnd}, {@code xorg}'s generated
   * packages, {@code glib}, {@code gcc} (the {@code lib} output of {@code stdenv.cc.cc}), {@code zlib},
   * {@code expat}, {@code libxcrypt} and {@code ncurses} (5 is {@code ncurses.override { abiVersion = "5"; }}).
   */
  private static final Map<List<String>, String> MANYLINUX_PNAMES = Map.ofEntries(
      Map.entry(List.of("glibc"), "glibc"), Map.entry(List.of("libGL"), "libglvnd"),
      Map.entry(List.of("xorg", "libICE"), "libICE"), Map.entry(List.of("xorg", "libSM"), "libSM"),
      Map.entry(List.of("xorg", "libX11"), "libX11"), Map.entry(List.of("xorg", "libXext"), "libXext"),
      Map.entry(List.of("xorg", "libXrender"), "libXrender"), Map.entry(List.of("glib"), "glib"),
      Map.entry(List.of("stdenv", "cc", "cc", "lib"), "gcc"), Map.entry(List.of("zlib"), "zlib"),
      Map.entry(List.of("expat"), "expat"), Map.entry(List.of("libxcrypt"), "libxcrypt"),
      Map.entry(List.of("ncurses5"), "ncurses"));

  /**
   * {@code pythonManylinuxPackages.manylinux2014} (a list of packages) or {@code .manylinux2014Package} (a
   * derivation linking their libraries); any other member is a package of that path, as elsewhere.
   */
  private static Value manylinux(NixpkgsInstance instance, String member, SourceSpan span) {
    String policy = member.endsWith("Package") ? member.substring(0, member.length() - "Package".length()) : member;
    if (!policy.equals("manylinux1") && !policy.equals("manylinux2010") && !policy.equals("manylinux2014")) {
      return new Pkg(instance, List.of("pythonManylinuxPackages", member), span);
    }
    List<Value.Item> items = new ArrayList<>();
    List<List<String>> paths = new ArrayList<>(MANYLINUX2014);
    if (policy.equals("manylinux1")) {
      paths.addAll(MANYLINUX1_EXTRA);
    }
    paths.forEach(path -> items.add(new Value.Item(new Pkg(instance, path, span), PlatformGuard.ALWAYS)));
    Value.ListV list = new Value.ListV(List.copyOf(items));
    return member.equals(policy) ? list : new Built(Domain.BuiltKind.JOIN, "pythonManylinuxPackages", member, list,
        span);
  }

  /** {@code stdenv.isLinux}, {@code hostPlatform.isDarwin}: platform tests; other platform facts are unknown. */
  private static Optional<Value> platformTest(List<String> path, String last) {
    boolean platform = path.contains("stdenv") || path.contains("stdenvNoCC") || path.contains("hostPlatform");
    if ((last.equals("isLinux") || last.equals("isDarwin"))
        && (platform || path.contains("buildPlatform") || path.contains("targetPlatform"))) {
      return Optional.of(new Platform(last.equals("isLinux") ? PlatformGuard.LINUX_ONLY : PlatformGuard.DARWIN_ONLY));
    }
    if (last.startsWith("is") && last.length() > 2 && Character.isUpperCase(last.charAt(2)) && path.size() > 1
        && platform) {
      return Optional.of(UNKNOWN);
    }
    if (path.size() > 1 && (path.get(0).equals("stdenv") || path.contains("hostPlatform"))
        && (last.equals("system") || last.equals("hostPlatform") && path.size() > 2)) {
      return Optional.of(UNKNOWN);
    }
    return Optional.empty();
  }

  /**
   * Whether {@code import nixpkgs arguments} changes its packages only through the {@code overlays} list: the
   * arguments and their {@code config} are closed sets and the config has no {@code packageOverrides}.
   */
  static boolean onlyListedOverlays(Value arguments) {
    if (!(arguments instanceof Attrs args) || args.open()) {
      return false;
    }
    Entry config = args.entries().get("config");
    return config == null || config.thunk().force() instanceof Attrs set && !set.open()
        && !set.entries().containsKey("packageOverrides");
  }

  /** The nixpkgs instance {@code import input arguments} makes, with the configuration flags the rules read. */
  static NixpkgsInstance instance(String input, Value arguments, SourceSpan span) {
    NixpkgsInstance configured = configured(input, arguments, span);
    return arguments instanceof Attrs args ? systemOf(args).map(configured::forSystem).orElse(configured)
        : configured;
  }

  /**
   * The system {@code import nixpkgs} is given as a known string: {@code system = "…"}, {@code localSystem = "…"} or
   * {@code localSystem = { system = "…"; }}. Empty when another platform is also given ({@code crossSystem}: the
   * packages then run elsewhere by design) or the value is not a known string.
   */
  private static Optional<String> systemOf(Attrs args) {
    if (args.entries().containsKey("crossSystem") || args.entries().containsKey("hostPlatform")) {
      return Optional.empty();
    }
    Value named = args.entries().containsKey("localSystem") ? args.get("localSystem") : args.get("system");
    if (named instanceof Attrs platform) {
      named = platform.get("system");
    }
    return named instanceof Value.Str text && text.literal() != null && KNOWN_SYSTEM.matcher(text.literal()).matches()
        ? Optional.of(text.literal()) : Optional.empty();
  }

  private static NixpkgsInstance configured(String input, Value arguments, SourceSpan span) {
    if (!(arguments instanceof Attrs args)) {
      return new NixpkgsInstance(input, Tristate.UNKNOWN, Tristate.UNKNOWN, Tristate.UNKNOWN, Tristate.UNKNOWN, span,
          null);
    }
    Tristate overlays = args.entries().containsKey("overlays") ? Tristate.TRUE
        : args.open() ? Tristate.UNKNOWN : Tristate.FALSE;
    Entry configEntry = args.entries().get("config");
    if (configEntry == null) {
      Tristate absent = args.open() ? Tristate.UNKNOWN : Tristate.FALSE;
      return new NixpkgsInstance(input, absent, absent, absent, overlays, span, null);
    }
    if (!(configEntry.thunk().force() instanceof Attrs config)) {
      return new NixpkgsInstance(input, Tristate.UNKNOWN, Tristate.UNKNOWN, Tristate.UNKNOWN, Tristate.UNKNOWN, span,
          null);
    }
    Tristate absent = config.open() ? Tristate.UNKNOWN : Tristate.FALSE;
    Tristate allowUnfreePredicate = config.entries().containsKey("allowUnfreePredicate") ? Tristate.TRUE : absent;
    if (config.entries().containsKey("packageOverrides")) {
      overlays = Tristate.TRUE;
    } else if (overlays == Tristate.FALSE) {
      overlays = absent;
    }
    Entry cudaEntry = config.entries().get("cudaSupport");
    NixpkgsInstance instance = new NixpkgsInstance(input, flag(config, "allowUnfree", absent), allowUnfreePredicate,
        flag(config, "cudaSupport", absent), overlays, span, cudaEntry == null ? null : cudaEntry.keySpan());
    // `config.cudaSupport = system == "x86_64-linux"` in a function of the system: true on some platforms
    return cudaEntry != null && cudaEntry.thunk().force() instanceof Value.Platform platform
        ? instance.withCudaSupportOn(platform.guard()) : instance;
  }

  private static Tristate flag(Attrs attrs, String name, Tristate absent) {
    Entry entry = attrs.entries().get(name);
    if (entry == null) {
      return absent;
    }
    return entry.thunk().force() instanceof Bool bool ? Tristate.of(bool.value()) : Tristate.UNKNOWN;
  }
}
