package io.github.nixml.model;

import io.github.nixml.model.Domain.Built;
import io.github.nixml.model.Domain.BuiltKind;
import io.github.nixml.model.Domain.Input;
import io.github.nixml.model.Domain.LibPath;
import io.github.nixml.model.Domain.PerSystem;
import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.model.Domain.Shell;
import io.github.nixml.model.Domain.ShellKind;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.eval.Term;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Closure;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.eval.Value.Unknown;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the dev shells of a flake: evaluates {@code outputs} with the declared inputs, walks {@code devShells}
 * (per system, under flake-utils or not) and turns each {@code mkShell}/{@code buildFHSEnv} call into a
 * {@link DevShell}.
 */
final class DevShellExtractor {
  private static final Set<String> PACKAGE_ATTRIBUTES =
      Set.of("packages", "buildInputs", "nativeBuildInputs", "propagatedBuildInputs");
  private static final Set<String> HOOK_ATTRIBUTES = Set.of("shellHook", "preShellHook", "postShellHook");

  private final Evaluator evaluator;
  private final NixpkgsHost host;
  /** The flake's directory (real path), or null. */
  private final String root;
  /** The flake's directory, or null. */
  private final FlakeDirectory directory;
  /** The platforms of the shell being read: a text's platform choice is decided where they agree. */
  private PlatformGuard platforms = PlatformGuard.ALWAYS;

  /** {@code directory}: the flake's, whose files it may import and read; null: none. */
  DevShellExtractor(String text, FlakeDirectory directory) {
    this.root = directory == null ? null : NixpkgsHost.realDirectory(directory.path());
    this.directory = directory;
    this.host = new NixpkgsHost(directory);
    this.evaluator = new Evaluator(host, Evaluator.Mode.SYMBOLIC, text, root);
  }

  FlakeModel extract(Term flake) {
    try {
      return extractUnchecked(flake);
    } catch (Evaluator.Exhausted | StackOverflowError e) {
      return FlakeModel.UNREADABLE;
    }
  }

  /**
   * The dev shell of a file {@code nix-shell} reads ({@code shell.nix}, {@code default.nix}): a function is called
   * as nix-shell calls it, with no arguments, so each formal takes its default ({@code pkgs ? import <nixpkgs> { }});
   * the result, when it is a shell ({@code mkShell}, a {@code buildFHSEnv}'s {@code .env}), is the shell named
   * {@code name}, built for the machine nix-shell runs on (its systems are not listed).
   */
  FlakeModel extractShellFile(Term file, String name) {
    try {
      return shellFileUnchecked(file, name);
    } catch (Evaluator.Exhausted | StackOverflowError e) {
      return FlakeModel.UNREADABLE;
    }
  }

  private FlakeModel shellFileUnchecked(Term file, String name) {
    Value top = evaluator.eval(file, evaluator.rootEnv());
    if (top instanceof Closure closure) {
      if (closure.lambda().formals() == null
          || closure.lambda().formals().stream().anyMatch(formal -> formal.fallback() == null)) {
        // a function of a plain argument, or of one without default: nix-shell needs --arg, the model has none
        return new FlakeModel(true, List.of(), false, List.of(), evaluator.importProblems());
      }
      top = evaluator.apply(closure, Thunk.of(new Attrs(Map.of(), false)), closure.lambda().span());
    }
    Shell entered = Domain.enteredShell(top);
    if (entered != null) {
      return new FlakeModel(true, List.of(toDevShell(name, Optional.empty(), entered)), true, List.of(),
          evaluator.importProblems());
    }
    // a package whose build environment the model does not read, or anything it cannot tell: not understood
    return new FlakeModel(true, List.of(), false, List.of(), evaluator.importProblems());
  }

  private FlakeModel extractUnchecked(Term flake) {
    Value top = evaluator.eval(flake, evaluator.rootEnv());
    if (!(top instanceof Attrs flakeAttrs)) {
      return new FlakeModel(true, List.of(), false);
    }
    Map<String, Optional<String>> inputUrls = new LinkedHashMap<>();
    if (flakeAttrs.get("inputs") instanceof Attrs inputAttrs) {
      inputAttrs.entries().forEach((name, entry) -> inputUrls.put(name, url(entry)));
    }
    if (!(flakeAttrs.get("outputs") instanceof Closure closure)) {
      return new FlakeModel(true, List.of(), false);
    }
    if (closure.lambda().formals() != null) {
      closure.lambda().formals().forEach(formal -> inputUrls.putIfAbsent(formal.name(), Optional.empty()));
    }
    host.systemsOfInputs(systemsOfInputs(flakeAttrs.get("inputs"), inputUrls));
    host.nixpkgsFollows(nixpkgsFollows(flakeAttrs.get("inputs"), inputUrls));
    Map<String, Entry> args = new LinkedHashMap<>();
    Value[] outputs = new Value[1];
    Set<String> sources = notFlakes(flakeAttrs.get("inputs"));
    inputUrls.forEach((name, url) -> args.put(name, new Entry(name.equals("self") ? new Thunk(() -> self(outputs[0]))
        : Thunk.of(new Input(name, NixpkgsHost.kindOf(name, url), !sources.contains(name))), null)));
    // Nix always passes `self`, named or not (`inputs@{ nixpkgs, ... }`: `inputs.self`)
    args.putIfAbsent("self", new Entry(new Thunk(() -> self(outputs[0])), null));
    Attrs inputs = new Attrs(args, true);
    host.flakeInputs(inputs);
    Value result = evaluator.apply(closure, Thunk.of(inputs), closure.lambda().span());
    outputs[0] = result;
    List<DevShell> shells = new ArrayList<>();
    List<MisplacedShells> misplaced = new ArrayList<>();
    boolean complete = collectShells(result, Optional.empty(), false, shells, misplaced);
    return new FlakeModel(true, shells, complete, misplaced, evaluator.importProblems());
  }

  /**
   * The flake's {@code self}: its own outputs ({@code self.packages.${system}.env}) and its source's store path
   * ({@code outPath}: {@code "${self}/src"} is a path of the project, as {@code ./src} is), with the rest Nix adds
   * (revision, {@code inputs}) unknown; unknown while the outputs are being computed.
   */
  private Value self(Value outputs) {
    if (outputs instanceof Attrs attrs) {
      Map<String, Entry> entries = new LinkedHashMap<>(attrs.entries());
      if (root != null) {
        entries.putIfAbsent("outPath", new Entry(Thunk.of(new Value.Path(root)), null));
      }
      return new Attrs(entries, true);
    }
    if (outputs instanceof PerSystem perSystem) {
      return root == null ? perSystem : new Domain.FlakeSelf(perSystem, new Value.Path(root));
    }
    return Value.UNKNOWN;
  }

  /**
   * A devenv project without a flake: {@code devenv.nix} and the local modules devenv.yaml imports, given
   * {@code pkgs} (devenv.yaml's {@code nixpkgs} input with its configuration), {@code lib}, {@code inputs} and
   * {@code config} (their merged configuration, {@link DevenvShells#read}). One shell, named {@code shell}, for
   * whichever system devenv runs on: the project names no systems (its systems are empty), so no rule judges it per
   * system.
   */
  FlakeModel extractDevenv(DevenvSettings settings, String devenvNix) {
    try {
      return extractDevenvUnchecked(settings, devenvNix);
    } catch (Evaluator.Exhausted | StackOverflowError e) {
      return FlakeModel.UNREADABLE;
    }
  }

  private FlakeModel extractDevenvUnchecked(DevenvSettings settings, String devenvNix) {
    SourceSpan location = new SourceSpan(0, 0, 1, 1, devenvNix);
    NixpkgsInstance instance = new NixpkgsInstance("nixpkgs", settings.allowUnfree(), Tristate.FALSE,
        settings.cudaSupport(), settings.overlays(), location, null);
    Pkg pkgs = new Pkg(instance, List.of(), location);
    Map<String, Entry> inputs = new LinkedHashMap<>();
    settings.inputs().forEach((name, url) -> inputs.put(name, new Entry(Thunk.of(name.equals("nixpkgs") ? pkgs
        : new Input(name, NixpkgsHost.kindOf(name, url))), null)));
    Map<String, Entry> args = new LinkedHashMap<>();
    args.put("pkgs", new Entry(Thunk.of(pkgs), location));
    args.put("lib", new Entry(new Thunk(() -> evaluator.select(pkgs, "lib", location)), location));
    args.put("inputs", new Entry(Thunk.of(new Attrs(inputs, true)), location));
    List<Value> modules = new ArrayList<>();
    modules.add(new Value.Path(root + "/" + devenvNix));
    // devenv.yaml's `imports: [ ./backend ]` reads backend/devenv.nix; a .nix file is read as it is
    settings.imports().forEach(path -> modules.add(new Value.Path(root + "/" + path
        + (java.nio.file.Files.isDirectory(directory.path().resolve(path)) ? "/" + devenvNix : ""))));
    DevShell shell = DevenvShells.read("shell", Optional.empty(), location, instance, modules,
        new Attrs(args, true), settings.importsComplete(), evaluator, this);
    return new FlakeModel(true, List.of(shell), true, List.of(), evaluator.importProblems());
  }

  /**
   * What each systems input lists (by its URL), and each flake-utils input's {@code systems} where flake.nix sets
   * it ({@code flake-utils.inputs.systems.follows = "systems"}, or a URL); inputs left out have nix-systems' default.
   */
  private static Map<String, Optional<List<String>>> systemsOfInputs(Value declared,
      Map<String, Optional<String>> inputUrls) {
    Map<String, Optional<List<String>>> systems = new LinkedHashMap<>();
    inputUrls.forEach((name, url) -> {
      if (NixpkgsHost.kindOf(name, url) == Domain.InputKind.SYSTEMS) {
        // `systems.follows = "other"`: the list of the input it follows, unknown unless that one is declared here
        Value spec = declared instanceof Attrs inputs && inputs.entries().containsKey(name) ? inputs.get(name) : null;
        Value follows = spec instanceof Attrs set ? set.get("follows") : null;
        systems.put(name, follows instanceof Str target && target.literal() != null
            ? (inputUrls.containsKey(target.literal()) && !target.literal().equals(name)
                ? NixpkgsHost.nixSystems(inputUrls.get(target.literal())) : Optional.empty())
            : NixpkgsHost.nixSystems(url));
      }
    });
    if (!(declared instanceof Attrs inputs)) {
      return systems;
    }
    inputs.entries().forEach((name, entry) -> {
      if (NixpkgsHost.kindOf(name, inputUrls.getOrDefault(name, Optional.empty())) != Domain.InputKind.FLAKE_UTILS
          || !(entry.thunk().force() instanceof Attrs spec) || !(spec.get("inputs") instanceof Attrs own)
          || !own.entries().containsKey("systems")) {
        return;
      }
      Value override = own.get("systems");
      Value follows = override instanceof Attrs set ? set.get("follows") : null;
      Value url = override instanceof Attrs set ? set.get("url") : null;
      if (follows instanceof Str target && target.literal() != null && inputUrls.containsKey(target.literal())) {
        systems.put(name, NixpkgsHost.nixSystems(inputUrls.get(target.literal())));
      } else if (url instanceof Str literal && literal.literal() != null) {
        systems.put(name, NixpkgsHost.nixSystems(Optional.of(literal.literal())));
      } else {
        systems.put(name, Optional.empty()); // another input's systems, or an override the model cannot read
      }
    });
    return systems;
  }

  /**
   * Each input whose own nixpkgs follows one of the flake's inputs, by name ({@code devshell.inputs.nixpkgs.follows =
   * "nixpkgs"}: devshell builds with the flake's nixpkgs).
   */
  private static Map<String, String> nixpkgsFollows(Value declared, Map<String, Optional<String>> inputUrls) {
    Map<String, String> follows = new LinkedHashMap<>();
    if (declared instanceof Attrs inputs) {
      inputs.entries().forEach((name, entry) -> {
        if (entry.thunk().force() instanceof Attrs spec && spec.get("inputs") instanceof Attrs own
            && own.get("nixpkgs") instanceof Attrs nixpkgs && nixpkgs.get("follows") instanceof Str target
            && target.literal() != null && !target.literal().equals(name) && inputUrls.containsKey(target.literal())) {
          follows.put(name, target.literal());
        }
      });
    }
    return follows;
  }

  /** The inputs declared {@code flake = false;}: source trees. */
  private static Set<String> notFlakes(Value inputs) {
    Set<String> sources = new java.util.HashSet<>();
    if (inputs instanceof Attrs attrs) {
      attrs.entries().forEach((name, entry) -> {
        if (entry.thunk().force() instanceof Attrs spec && spec.get("flake") instanceof Value.Bool flake
            && !flake.value()) {
          sources.add(name);
        }
      });
    }
    return sources;
  }

  private static Optional<String> url(Entry input) {
    return input.thunk().force() instanceof Attrs spec && spec.get("url") instanceof Str url
        ? Optional.ofNullable(url.literal()) : Optional.empty();
  }

  /**
   * Adds the shells of a flake's outputs; false when some part of {@code devShells} is unknown. {@code perSystem}
   * is true inside a construct that supplies the system level (flake-utils, flake-parts' {@code perSystem}).
   */
  private boolean collectShells(Value outputs, Optional<Set<String>> systems, boolean perSystem,
      List<DevShell> into, List<MisplacedShells> misplaced) {
    if (outputs instanceof PerSystem per) {
      return collectShells(per.outputs(), systemsOf(per), true, into, misplaced);
    }
    if (!(outputs instanceof Attrs attrs)) {
      return false;
    }
    boolean complete = !attrs.open();
    for (String key : List.of("devShells", "devShell")) {
      Entry entry = attrs.entries().get(key);
      if (entry != null) {
        ShellLevel level = new ShellLevel(key, key.equals("devShell"), systems, perSystem, "");
        complete &= collectShellSet(entry.thunk().force(), level, entry, into, misplaced);
      }
    }
    if (!attrs.entries().containsKey("devShells") && !attrs.entries().containsKey("devShell")) {
      collectDefaultPackageShells(attrs, systems, perSystem, into);
    }
    return complete;
  }

  /**
   * With neither {@code devShells} nor {@code devShell}, {@code nix develop} enters the default package
   * ({@code packages.<system>.default}, else {@code defaultPackage.<system>}): a shell written there is the
   * project's dev shell. Any other package is a build, not a shell the model reads.
   */
  private void collectDefaultPackageShells(Attrs outputs, Optional<Set<String>> systems, boolean perSystem,
      List<DevShell> into) {
    List<MisplacedShells> ignored = new ArrayList<>(); // where nix develop looks for packages is not our rule's
    Entry packages = outputs.entries().get("packages");
    if (packages != null && packages.thunk().force() instanceof Attrs bySystem) {
      Map<String, Entry> defaults = new LinkedHashMap<>();
      if (perSystem) {
        Optional.ofNullable(bySystem.entries().get("default")).filter(DevShellExtractor::holdsAShell)
            .ifPresent(entry -> defaults.put("default", entry));
      } else {
        bySystem.entries().forEach((system, entry) -> {
          if (PlatformGuard.isSystemDouble(system) && entry.thunk().force() instanceof Attrs set
              && set.entries().containsKey("default") && holdsAShell(set.entries().get("default"))) {
            defaults.put(system, new Entry(Thunk.of(new Attrs(Map.of("default", set.entries().get("default")),
                false)), entry.keySpan(), entry.nameSpan()));
          }
        });
      }
      List<DevShell> found = new ArrayList<>();
      collectShellSet(new Attrs(defaults, false), new ShellLevel("packages", false, systems, perSystem, ""), packages,
          found, ignored);
      if (!found.isEmpty()) {
        into.addAll(found);
        return;
      }
    }
    Entry defaultPackage = outputs.entries().get("defaultPackage");
    if (defaultPackage == null) {
      return;
    }
    // nix develop takes `packages.<system>.default` before `defaultPackage.<system>`, a build or not
    Set<String> packaged = new java.util.HashSet<>();
    if (packages != null && packages.thunk().force() instanceof Attrs bySystem) {
      if (perSystem && bySystem.entries().containsKey("default")) {
        return;
      }
      bySystem.entries().forEach((system, entry) -> {
        if (entry.thunk().force() instanceof Attrs set && set.entries().containsKey("default")) {
          packaged.add(system);
        }
      });
    }
    Value value = defaultPackage.thunk().force();
    if (value instanceof Shell || !perSystem && value instanceof Attrs bySystem) {
      Value shells = value instanceof Attrs bySystem ? new Attrs(bySystem.entries().entrySet().stream()
          .filter(entry -> !packaged.contains(entry.getKey()) && holdsAShell(entry.getValue()))
          .collect(java.util.stream.Collectors.toMap(
              Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)), false) : value;
      collectShellSet(shells, new ShellLevel("defaultPackage", true, systems, perSystem, ""), defaultPackage, into,
          ignored);
    }
  }

  /**
   * Whether a default package is a shell builder's call (mkShell, an FHS env), which {@code nix develop} enters as
   * the project's shell; a package built with mkDerivation is a build, whose environment is no dev shell written.
   */
  private static boolean holdsAShell(Entry entry) {
    Value value = entry.thunk().force();
    return value instanceof Shell || value instanceof Value.Choice choice
        && choice.alternatives().stream().anyMatch(alternative -> alternative.value() instanceof Shell);
  }

  /**
   * Where the walk of a {@code devShells} tree is: the path so far, whether it is the single-shell
   * {@code devShell} form, the systems known, whether a system level is already above, and the attribute path
   * below the system level that leads here ({@code "cuda."} in {@code devShells.x86_64-linux.cuda.default}).
   */
  private record ShellLevel(String path, boolean single, Optional<Set<String>> systems, boolean hasSystem,
      String namePrefix) {
    /** Sets nested below the system level: {@code nix develop .#cuda.default} follows an attribute path. */
    private static final int MAX_NESTING = 3;

    ShellLevel below(String key, Optional<Set<String>> keySystems) {
      return new ShellLevel(path + "." + key, single, keySystems, true, namePrefix);
    }

    ShellLevel nested(String key) {
      return new ShellLevel(path + "." + key, false, systems, true, namePrefix + key + ".");
    }

    boolean mayNest() {
      return !single && hasSystem && namePrefix.chars().filter(c -> c == '.').count() < MAX_NESTING;
    }
  }

  private static Optional<Set<String>> systemsOf(PerSystem perSystem) {
    return perSystem.systems() == null ? Optional.empty() : Optional.of(perSystem.systems());
  }

  private boolean collectShellSet(Value value, ShellLevel level, Entry named, List<DevShell> into,
      List<MisplacedShells> misplaced) {
    if (value instanceof PerSystem per) {
      return collectShellSet(per.outputs(), new ShellLevel(level.path(), level.single(), systemsOf(per), true,
          level.namePrefix()),
          named, into, misplaced);
    }
    if (value instanceof Value.Choice choice && !level.single() && level.hasSystem() && level.systems().isPresent()
        && choice.alternatives().stream().allMatch(alternative -> alternative.value() instanceof Attrs)) {
      return collectPerPlatformSets(choice, level, named, into, misplaced);
    }
    Shell shell = level.single() ? Domain.enteredShell(value) : null;
    if (shell != null) {
      if (!level.hasSystem()) {
        misplaced.add(new MisplacedShells(MisplacedShells.Kind.NO_SYSTEM_LEVEL, level.path(), named.nameSpan()));
      }
      into.addAll(toDevShells("default", level.systems(), placed(shell, named)));
      return true;
    }
    Map<PlatformGuard, Shell> perPlatform = level.single() && value instanceof Value.Choice choice
        && level.hasSystem() && level.systems().isPresent() ? shellsPerPlatform(choice) : null;
    if (perPlatform != null) {
      addPerPlatform("default", perPlatform, level.systems().get(), named, into);
      return true;
    }
    if (!(value instanceof Attrs attrs)) {
      return false;
    }
    boolean complete = !attrs.open();
    for (Map.Entry<String, Entry> entry : attrs.entries().entrySet()) {
      String key = entry.getKey();
      Value member = entry.getValue().thunk().force();
      Shell memberShell = Domain.enteredShell(member);
      boolean systemKey = PlatformGuard.isSystemDouble(key);
      if (systemKey && level.hasSystem() && holdsShells(member)) {
        misplaced.add(new MisplacedShells(MisplacedShells.Kind.SYSTEM_LEVEL_REPEATED, level.path() + "." + key,
            entry.getValue().nameSpan()));
      }
      // Shells at a misplaced level are still modelled: the other rules judge what the user wrote.
      if (systemKey && level.systems().isEmpty()) {
        complete &= collectShellSet(member, level.below(key, Optional.of(Set.of(key))), entry.getValue(), into,
            misplaced);
      } else if (memberShell != null) {
        if (!level.hasSystem()) {
          misplaced.add(new MisplacedShells(MisplacedShells.Kind.NO_SYSTEM_LEVEL, level.path() + "." + key,
              entry.getValue().nameSpan()));
        }
        into.addAll(toDevShells(level.single() ? "default" : level.namePrefix() + key, level.systems(),
            placed(memberShell, entry.getValue())));
      } else if (member instanceof Value.Choice choice && level.hasSystem() && !level.single()
          && level.systems().isPresent() && shellsPerPlatform(choice) != null) {
        // `(if stdenv.isDarwin then pkgs.mkShell.override { stdenv = …; } else pkgs.mkShell) { … }`: each system's
        // shell is the one of its alternative
        addPerPlatform(level.namePrefix() + key, shellsPerPlatform(choice), level.systems().get(), entry.getValue(),
            into);
      } else if (member instanceof Attrs && !systemKey && level.mayNest()) {
        // `devShells.${system}.cuda.default`: `nix develop .#cuda.default` looks the path up below the system
        complete &= collectShellSet(member, level.nested(key), entry.getValue(), into, misplaced);
      } else if (!(member instanceof Value.Failure failure && thrownByTheProject(failure))) {
        // `default = throw "pick cpu or cuda"`: a name the author made fail on purpose, no shell; anything else
        // the model cannot read may hide shells
        complete = false;
      }
    }
    return complete;
  }

  /**
   * The shells of a value that differs per platform, by the platforms of each; null unless every alternative is a
   * shell builder's call on one and the same package set, or a failure the project throws on purpose (no shell on
   * those platforms). Alternatives on different package sets (a configuration per platform) are not read apart:
   * a rule would then judge packages guarded for other platforms against the wrong set.
   */
  private Map<PlatformGuard, Shell> shellsPerPlatform(Value.Choice choice) {
    Map<PlatformGuard, Shell> shells = new LinkedHashMap<>();
    for (Value.Alternative alternative : choice.alternatives()) {
      if (alternative.value() instanceof Shell shell) {
        shells.put(alternative.guard(), shell);
      } else if (!(alternative.value() instanceof Value.Failure failure && thrownByTheProject(failure))) {
        return null;
      }
    }
    boolean oneSet = shells.values().stream().map(Shell::instance).distinct().count() == 1;
    return shells.isEmpty() || !oneSet ? null : shells;
  }

  /** Each system's shell of a value that differs per platform; a system whose alternative throws has none. */
  private void addPerPlatform(String name, Map<PlatformGuard, Shell> shells, Set<String> systems, Entry named,
      List<DevShell> into) {
    shells.forEach((guard, shell) -> {
      Set<String> its = systemsUnder(guard, systems);
      if (!its.isEmpty()) {
        into.addAll(toDevShells(name, Optional.of(Set.copyOf(its)), placed(shell, named)));
      }
    });
  }

  /** Those of {@code systems} on whose platform {@code guard} holds. */
  private static Set<String> systemsUnder(PlatformGuard guard, Set<String> systems) {
    return systems.stream().filter(system -> !PlatformGuard.ofSystem(system).and(guard).isNever())
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  /**
   * A set of shells that differs per platform ({@code { default = …; } // lib.optionalAttrs (system ==
   * "x86_64-linux") { cuda = …; }} under flake-utils): each shell for the systems whose alternative holds it, one
   * shell written once read once for all of them.
   */
  private boolean collectPerPlatformSets(Value.Choice choice, ShellLevel level, Entry named, List<DevShell> into,
      List<MisplacedShells> misplaced) {
    Map<String, Map<Entry, Set<String>>> systemsByEntry = new LinkedHashMap<>();
    boolean complete = true;
    for (Value.Alternative alternative : choice.alternatives()) {
      Set<String> its = systemsUnder(alternative.guard(), level.systems().get());
      if (its.isEmpty()) {
        continue;
      }
      Attrs attrs = (Attrs) alternative.value();
      complete &= !attrs.open();
      attrs.entries().forEach((key, entry) -> systemsByEntry.computeIfAbsent(key, k -> new LinkedHashMap<>())
          .computeIfAbsent(entry, e -> new java.util.TreeSet<>()).addAll(its));
    }
    for (Map.Entry<String, Map<Entry, Set<String>>> key : systemsByEntry.entrySet()) {
      for (Map.Entry<Entry, Set<String>> entry : key.getValue().entrySet()) {
        ShellLevel forThose = new ShellLevel(level.path(), false, Optional.of(Set.copyOf(entry.getValue())), true,
            level.namePrefix());
        complete &= collectShellSet(new Attrs(Map.of(key.getKey(), entry.getKey()), false), forThose, named, into,
            misplaced);
      }
    }
    return complete;
  }

  /**
   * A shell made in nixml's own Nix sources (git-hooks' {@code config.pre-commit.devShell} as a dev shell) placed
   * where the project names it: its findings point there, and no fix edits it (it is no mkShell call of the project).
   */
  private static Shell placed(Shell shell, Entry named) {
    SourceSpan at = named == null ? null : named.keySpan() != null ? named.keySpan() : named.nameSpan();
    return ownSource(shell.span()) && at != null && !ownSource(at)
        ? new Shell(shell.kind(), shell.builder(), shell.instance(), shell.attributes(), at) : shell;
  }

  private static boolean ownSource(SourceSpan span) {
    return span != null && span.file() != null && span.file().startsWith(NixLibrary.OWN_SOURCES);
  }

  /**
   * A {@code throw} the project writes ({@code default = throw "pick cpu or cuda"}), as opposed to one of nixml's own
   * Nix sources, whose text is not the project's: where the failure points, the project's text says {@code throw}.
   */
  private boolean thrownByTheProject(Value.Failure failure) {
    if (failure.kind() != Value.FailureKind.THROW || failure.span() == null) {
      return false;
    }
    String written = evaluator.source(failure.span()).strip();
    return written.startsWith("throw") || written.startsWith("builtins.throw");
  }

  /** Whether a value is a shell or a set holding one directly. */
  private static boolean holdsShells(Value value) {
    return Domain.enteredShell(value) != null || value instanceof Attrs attrs
        && attrs.entries().values().stream().anyMatch(entry -> Domain.enteredShell(entry.thunk().force()) != null);
  }

  /** The platforms of the shell being read ({@link PlatformGuard#ALWAYS} when its systems are not known). */
  PlatformGuard platforms() {
    return platforms;
  }

  /**
   * The shell built for its systems. A text that differs per platform ({@code shellHook = if stdenv.isLinux then …
   * else …}, {@code lib.optionalString stdenv.isDarwin …}) is decided for each system: one shell per group of
   * systems whose texts agree.
   */
  private List<DevShell> toDevShells(String name, Optional<Set<String>> systems, Shell shell) {
    PlatformGuard all = systems.map(DevShellExtractor::platformsOf).orElse(PlatformGuard.ALWAYS);
    DevShell whole = on(all, () -> toDevShell(name, systems, shell)).on(all);
    if (systems.isEmpty() || systems.get().size() < 2 || settled(whole)) {
      return List.of(whole);
    }
    // first by kernel (most choices test isLinux/isDarwin, and `${system}` stays one word of each group's), then,
    // if a text is still unknown, by system
    Map<String, Set<String>> byKernel = new java.util.TreeMap<>();
    systems.get().forEach(system -> byKernel.computeIfAbsent(system.substring(system.indexOf('-') + 1),
        k -> new java.util.TreeSet<>()).add(system));
    List<DevShell> byKernelShells = readApart(name, byKernel.values(), shell);
    if (byKernelShells.size() > 1 && byKernelShells.stream().allMatch(DevShellExtractor::settled)) {
      return byKernelShells;
    }
    List<DevShell> bySystem = readApart(name, systems.get().stream().sorted().map(Set::of).toList(), shell);
    if (bySystem.size() > 1 && bySystem.stream().allMatch(DevShellExtractor::settled)) {
      return bySystem;
    }
    // still unknown somewhere (a foreign flake's package): split only where it makes every shell less unknown
    int unknown = whole.unknownPieces();
    return byKernelShells.size() > 1 && byKernelShells.stream().allMatch(one -> one.unknownPieces() < unknown)
        ? byKernelShells : List.of(whole);
  }

  /**
   * Whether a shell read for several systems is the same on each as far as the model can tell: its texts are known
   * and no package set's {@code cudaSupport} differs between them.
   */
  private static boolean settled(DevShell shell) {
    return shell.textsComplete() && !shell.dependsOnPlatform();
  }

  /** The shell read for each group of systems; groups whose shells agree are merged. */
  private List<DevShell> readApart(String name, java.util.Collection<Set<String>> groups, Shell shell) {
    Map<DevShell, Set<String>> alike = new LinkedHashMap<>();
    for (Set<String> group : groups) {
      PlatformGuard platforms = platformsOf(group);
      DevShell one = on(platforms, () -> toDevShell(name, Optional.of(group), shell)).on(platforms);
      alike.computeIfAbsent(one.withSystems(Optional.empty()), k -> new java.util.TreeSet<>()).addAll(group);
    }
    List<DevShell> shells = new ArrayList<>();
    alike.forEach((one, its) -> shells.add(one.withSystems(Optional.of(Set.copyOf(its)))));
    return shells;
  }

  private DevShell on(PlatformGuard shellPlatforms, java.util.function.Supplier<DevShell> read) {
    PlatformGuard outer = platforms;
    platforms = shellPlatforms;
    try {
      return read.get();
    } finally {
      platforms = outer;
    }
  }

  private static PlatformGuard platformsOf(Set<String> systems) {
    return systems.stream().map(PlatformGuard::ofSystem).reduce(PlatformGuard.NEVER, PlatformGuard::or);
  }

  private DevShell toDevShell(String name, Optional<Set<String>> systems, Shell shell) {
    if (shell.kind() == ShellKind.DEVSHELL) {
      return devshell(name, systems, shell);
    }
    if (shell.kind() == ShellKind.DEVENV) {
      return DevenvShells.of(name, systems, shell, evaluator, this);
    }
    Attrs attributes = shell.attributes();
    Map<String, ShellText> env = new LinkedHashMap<>();
    List<ShellText> hooks = new ArrayList<>();
    List<LibraryPath> libraryPaths = new ArrayList<>();
    List<PackageRef> packages = new ArrayList<>();
    boolean packagesComplete = !attributes.open();
    boolean projectLock = false;
    boolean ownDerivations = false;
    SourceSpan packagesLocation = null;
    Optional<ShellText> runScript = Optional.empty();
    boolean fhs = shell.kind() != ShellKind.MK_SHELL;
    boolean envComplete = true;
    List<ShellText> inherited = new ArrayList<>();
    List<ShellBreakage> breakages = new ArrayList<>();
    for (Map.Entry<String, Entry> entry : attributes.entries().entrySet()) {
      String key = entry.getKey();
      SourceSpan keySpan = entry.getValue().keySpan();
      if (absentHere(entry.getValue().thunk().force())) {
        continue; // `// optionalAttrs isLinux { NIX_LD_LIBRARY_PATH = …; }` read for Darwin: no such attribute
      }
      if (!fhs && !key.equals("name") && !key.equals("passthru") && !key.equals("meta")) {
        // mkShell, a derivation, forces each attribute it is given when the shell is built
        systemLevelBreakages(key, entry.getValue().thunk().force(), breakages);
      }
      if (fhs && (key.equals("targetPkgs") || key.equals("multiPkgs"))) {
        Value function = entry.getValue().thunk().force();
        Value list = evaluator.apply(function, Thunk.of(new Pkg(shell.instance(), List.of(), keySpan)), keySpan);
        packageFunctionBreakage(key, keySpan, function, list).ifPresent(breakages::add);
        packagesComplete &= addShellPackages(list, packages);
        projectLock |= holds(list, DevShellExtractor::projectLockEnvironment);
        ownDerivations |= holds(list, DevShellExtractor::ownDerivation);
        if (key.equals("targetPkgs")) {
          packagesLocation = keySpan;
        }
      } else if (!fhs && PACKAGE_ATTRIBUTES.contains(key)) {
        Value list = entry.getValue().thunk().force();
        packagesComplete &= addShellPackages(list, packages);
        projectLock |= holds(list, DevShellExtractor::projectLockEnvironment);
        ownDerivations |= holds(list, DevShellExtractor::ownDerivation);
        if (packagesLocation == null || key.equals("packages")) {
          packagesLocation = keySpan;
        }
      } else if (!fhs && key.equals("inputsFrom")) {
        packagesComplete &= addInputsFrom(name, systems, entry.getValue().thunk().force(), packages, inherited);
      } else if ((!fhs && HOOK_ATTRIBUTES.contains(key)) || (fhs && key.equals("profile"))) {
        hooks.add(ShellTexts.of(key, entry.getValue().thunk().force(), keySpan, true, libraryPaths, this));
      } else if (fhs && key.equals("runScript")) {
        Value value = entry.getValue().thunk().force();
        SourceSpan span = value instanceof Str str ? str.span() : keySpan;
        runScript = Optional.of(ShellTexts.of(key, value, span, true, libraryPaths, this));
      } else if (key.equals("env")) {
        // `env = { … } // lib.optionalAttrs stdenv.isLinux { … }` is a platform choice of sets: one set of
        // variables, each a choice of its values; a set the model cannot read hides variables from the rules
        Value envValue = entry.getValue().thunk().force();
        if (isDerivation(envValue)) {
          // `env = buildEnv { … }`: nixpkgs exports `env` as variables only when it is a set and no derivation
          // (make-derivation.nix, envIsExportable); a derivation is an attribute like any other, $env its path
          env.put(key, ShellTexts.of(key, envValue, keySpan, false, libraryPaths, this));
          continue;
        }
        if (envValue instanceof Value.Choice choice && choice.alternatives().stream()
            .allMatch(alternative -> alternative.value() instanceof Attrs)) {
          envComplete &= guardedVariables(choice, env, libraryPaths);
          continue;
        }
        Attrs envAttrs = envValue instanceof Attrs attrs ? attrs
            : envValue instanceof Value.Choice choice ? Evaluator.merge(choice) : null;
        if (envAttrs == null || envAttrs.open()) {
          envComplete = false;
        }
        if (envAttrs != null) {
          for (Map.Entry<String, Entry> variable : envAttrs.entries().entrySet()) {
            env.put(variable.getKey(), ShellTexts.of(variable.getKey(), samePerPlatform(variable.getValue()
                .thunk().force()), variable.getValue().keySpan(), false, libraryPaths, this));
          }
        }
      } else if (!key.equals("name") && !key.equals("passthru") && !key.equals("meta")) {
        Value value = entry.getValue().thunk().force();
        if (value instanceof Str || value instanceof LibPath || value instanceof Unknown
            || value instanceof Value.Choice || value instanceof Value.Int || value instanceof Value.Float
            || value instanceof Value.Path || value instanceof Value.Failure
            || value instanceof Pkg pkg && !pkg.path().isEmpty() || value instanceof Built
            || value instanceof Domain.PackageFact || (value instanceof Value.ListV || value instanceof Value.Bool)
                && !fhs) {
          // a list attribute (`NIX_CFLAGS_COMPILE = [ … ]`) is a variable of its elements joined by spaces, a
          // boolean (`POETRY_VIRTUALENVS_IN_PROJECT = true`) "1" or the empty text
          env.put(key, ShellTexts.of(key, value, keySpan, false, libraryPaths, this));
        }
      }
    }
    // mkShell runs the shell hooks of `inputsFrom` before its own
    hooks.addAll(0, inherited);
    inherited.forEach(hook -> hook.pieces().stream().filter(ShellPiece.LibraryPathRef.class::isInstance)
        .map(piece -> ((ShellPiece.LibraryPathRef) piece).path()).forEach(libraryPaths::add));
    if (!ownSource(shell.span())) {
      // a shell nixml's sources make (git-hooks' devShell), placed where the project names it: what its own
      // sources write is reported there too
      packagesLocation = ownSource(packagesLocation) ? shell.span() : packagesLocation;
      packages.replaceAll(ref -> ownSource(ref.location()) ? ref.at(shell.span()) : ref);
      hooks.replaceAll(hook -> ownSource(hook.location())
          ? new ShellText(hook.name(), hook.pieces(), hook.script(), shell.span(), hook.guard()) : hook);
    }
    return new DevShell(name, systems, fhs ? Layout.FHS : Layout.LD_PATH, shell.span(), shell.instance(),
        new PackageList(packages, packagesComplete, List.of(), projectLock, ownDerivations), packagesLocation, env, hooks,
        libraryPaths, runScript, !attributes.open() && envComplete, breakages);
  }

  /** Whether an attribute of a platform choice of sets is missing on every platform the shell is read for. */
  private boolean absentHere(Value value) {
    return value instanceof Value.Choice choice && choice.alternatives().stream()
        .filter(alternative -> !alternative.guard().and(platforms).isNever())
        .allMatch(alternative -> alternative.value() == Evaluator.ABSENT);
  }

  /**
   * Where an attribute's value, or an entry of its list, fails because it selects the flake's per-system outputs
   * without their system level or with it twice ({@code inputsFrom = [ self.devShells.rust ]},
   * {@code self'.packages.${system}.tool}): Nix fails building the shell there, on every system.
   */
  private static void systemLevelBreakages(String key, Value value, List<ShellBreakage> into) {
    if (value instanceof Value.Failure failure && failure.kind() == Value.FailureKind.SYSTEM_LEVEL
        && failure.span() != null) {
      into.add(new ShellBreakage(ShellBreakage.Kind.SYSTEM_LEVEL, key, failure.message(), failure.span()));
    } else if (value instanceof Value.ListV list) {
      list.items().forEach(item -> systemLevelBreakages(key, item.value(), into));
    }
  }

  /** A value nixpkgs does not export as variables: a package, something built, or a package's name or version. */
  private static boolean isDerivation(Value value) {
    return value instanceof Pkg pkg && !pkg.path().isEmpty() || value instanceof Built
        || value instanceof Domain.PackageFact;
  }

  /**
   * What breaks a {@code buildFHSEnv}'s {@code targetPkgs}/{@code multiPkgs}, which it applies to its package set on
   * every system: a list (not a function), or a type error in the value or in the list it gives
   * ({@code [ … ] ++ aFunction}).
   */
  private static Optional<ShellBreakage> packageFunctionBreakage(String key, SourceSpan keySpan, Value function,
      Value list) {
    if (function instanceof Value.ListV) {
      return Optional.of(new ShellBreakage(ShellBreakage.Kind.NOT_A_FUNCTION, key,
          "attempt to call something which is not a function but a list", keySpan));
    }
    Value failed = function instanceof Value.Failure ? function : list;
    return failed instanceof Value.Failure failure && failure.kind() == Value.FailureKind.TYPE
        && failure.span() != null
        ? Optional.of(new ShellBreakage(ShellBreakage.Kind.TYPE_ERROR, key, failure.message(), failure.span()))
        : Optional.empty();
  }

  /** How deep shells that take their inputs from shells are read; deeper ones stay unknown. */
  private static final int INPUTS_FROM_DEPTH = 8;

  private int inputsFromDepth;

  /**
   * {@code inputsFrom = [ otherShell pkgs.hello ]}: as nixpkgs' mkShell merges them, another mkShell's packages
   * (with the guard of its place in the list) and its {@code shellHook}, the later shell's hook first; its variables
   * stay its own. A package's build inputs are not listed by the model: false when such an entry is there.
   */
  private boolean addInputsFrom(String name, Optional<Set<String>> systems, Value value, List<PackageRef> packages,
      List<ShellText> hooks) {
    List<Item> from = Evaluator.items(value);
    if (from == null) {
      return false;
    }
    boolean complete = true;
    for (Item item : from) {
      Shell other = Domain.enteredShell(item.value());
      if (other == null || other.kind() != ShellKind.MK_SHELL || inputsFromDepth >= INPUTS_FROM_DEPTH) {
        complete = false;
        continue;
      }
      inputsFromDepth++;
      DevShell input;
      try {
        input = toDevShell(name, systems, other);
      } finally {
        inputsFromDepth--;
      }
      complete &= input.packages().complete();
      for (PackageRef ref : java.util.stream.Stream.concat(input.packages().packages().stream(),
          input.packages().pythonModules().stream()).toList()) {
        packages.add(new PackageRef(ref.attrPath(), ref.source(), ref.guard().and(item.guard()), ref.location(),
            ref.pythonModule()));
      }
      hooks.addAll(0, input.hooks().stream().filter(hook -> hook.name().equals("shellHook")).toList());
    }
    return complete;
  }

  /**
   * A numtide devshell, its configuration read as devshell's modules merge it ({@link DevshellConfiguration}):
   * packages from {@code packages}, {@code devshell.packages}, each command's {@code package} and
   * {@code language.c}; variables from the {@code env} list ({@code value} exported as a literal, {@code eval} as
   * shell text, {@code prefix} prepended, {@code unset} removed); hooks from {@code devshell.startup},
   * {@code devshell.interactive} and {@code bash.extra}/{@code bash.interactive}, in devshell's order.
   */
  private DevShell devshell(String name, Optional<Set<String>> systems, Shell shell) {
    DevshellConfiguration config = DevshellConfiguration.of(evaluator, shell.instance(), shell.attributes(),
        shell.span());
    DevshellPackages packages = new DevshellPackages(shell.instance());
    boolean packagesComplete = config.complete();
    SourceSpan packagesLocation = null;
    for (String[] option : List.of(new String[] {"packages"}, new String[] {"devshell", "packages"})) {
      Entry entry = config.option(option);
      if (entry != null) {
        packagesComplete &= packages.add(entry.thunk().force());
        packagesLocation = packagesLocation == null ? entry.keySpan() : packagesLocation;
      }
    }
    for (String[] option : List.of(new String[] {"packagesFrom"}, new String[] {"devshell", "packagesFrom"})) {
      Entry entry = config.option(option);
      List<Item> from = entry == null ? List.of() : Evaluator.items(entry.thunk().force());
      packagesComplete &= from != null && from.isEmpty(); // their build inputs: the model does not look inside
    }
    Entry commandsEntry = config.option("commands");
    List<Item> commands = commandsEntry == null ? List.of() : Evaluator.items(commandsEntry.thunk().force());
    packagesComplete &= commands != null;
    for (Item command : commands == null ? List.<Item>of() : commands) {
      if (command.value() instanceof Attrs spec && spec.entries().containsKey("package")) {
        packagesComplete &= packages.add(spec.get("package"), command.guard());
      } else if (!(command.value() instanceof Attrs)) {
        packagesComplete = false;
      } // a `command` text is a script of its own in the shell's bin, not a nixpkgs package
    }
    Entry libraries = config.option("language", "c", "libraries");
    Entry includes = config.option("language", "c", "includes");
    if (libraries != null || includes != null) {
      Entry compiler = config.option("language", "c", "compiler");
      if (compiler != null) {
        packagesComplete &= packages.add(compiler.thunk().force(), PlatformGuard.ALWAYS);
      } else {
        packages.add(new Pkg(shell.instance(), List.of("clang"), shell.span()), PlatformGuard.ALWAYS);
      }
      for (Entry list : java.util.Arrays.asList(libraries, includes)) {
        packagesComplete &= list == null || packages.add(list.thunk().force());
      }
      if (includes != null) {
        packages.add(new Pkg(shell.instance(), List.of("pkg-config"), shell.span()), PlatformGuard.ALWAYS);
      }
    }
    List<LibraryPath> libraryPaths = new ArrayList<>();
    Map<String, ShellText> env = new LinkedHashMap<>();
    boolean complete = config.complete();
    Entry envEntry = config.option("env");
    List<Item> variables = envEntry == null ? List.of() : Evaluator.items(envEntry.thunk().force());
    complete &= variables != null;
    for (Item variable : variables == null ? List.<Item>of() : variables) {
      if (variable.value() instanceof Attrs spec && spec.get("name") instanceof Str key && key.literal() != null) {
        Optional<Value> value = DevshellEnv.value(key.literal(), spec, packages.values(), shell.span());
        if (value.isEmpty()) {
          env.remove(key.literal());
        } else {
          env.put(key.literal(), ShellTexts.of(key.literal(), value.get(), spec.entries().get("name").keySpan(),
              false, libraryPaths, this));
        }
      } else {
        complete = false;
      }
    }
    // language.c's own env entries: its libraries (and every other package's lib) through $DEVSHELL_DIR/lib
    List<Item> libraryList = libraries == null ? null : Evaluator.items(libraries.thunk().force());
    if (libraryList != null && !libraryList.isEmpty()) {
      Attrs prefix = new Attrs(Map.of("prefix", new Entry(Thunk.of(Str.of("$DEVSHELL_DIR/lib", libraries.keySpan())),
          libraries.keySpan())), false);
      DevshellEnv.value("LD_LIBRARY_PATH", prefix, packages.values(), libraries.keySpan()).ifPresent(value ->
          env.put("LD_LIBRARY_PATH", ShellTexts.of("LD_LIBRARY_PATH", value, libraries.keySpan(), false,
              libraryPaths, this)));
    }
    java.util.TreeMap<String, ShellText> startup = new java.util.TreeMap<>();
    java.util.TreeMap<String, ShellText> interactive = new java.util.TreeMap<>();
    addEntries(config.option("devshell", "startup"), "devshell.startup.", startup, libraryPaths);
    addEntries(config.option("devshell", "interactive"), "devshell.interactive.", interactive, libraryPaths);
    addBash(config.option("bash", "extra"), "bash.extra", "bash_extra", startup, libraryPaths);
    addBash(config.option("bash", "interactive"), "bash.interactive", "bash_interactive", interactive,
        libraryPaths);
    List<ShellText> hooks = new ArrayList<>(startup.values());
    hooks.addAll(interactive.values());
    return new DevShell(name, systems, Layout.DEVSHELL, shell.span(), shell.instance(),
        new PackageList(packages.refs(), packagesComplete, List.of(),
            holds(packages.values(), DevShellExtractor::projectLockEnvironment),
            holds(packages.values(), DevShellExtractor::ownDerivation)), packagesLocation, env, hooks, libraryPaths,
        Optional.empty(), complete);
  }

  /** {@code devshell.startup.<name>.text}: hooks by entry name, the order devshell runs them in. */
  private void addEntries(Entry option, String prefix, Map<String, ShellText> into, List<LibraryPath> paths) {
    if (option != null && option.thunk().force() instanceof Attrs entries) {
      entries.entries().forEach((hook, entry) -> {
        Value text = entry.thunk().force() instanceof Attrs spec ? spec.get("text") : Value.UNKNOWN;
        into.put(hook, ShellTexts.of(prefix + hook, text, entry.keySpan(), true, paths, this));
      });
    }
  }

  /** {@code bash.extra}: devshell's startup entry {@code bash_extra}. */
  private void addBash(Entry option, String name, String entryName, Map<String, ShellText> into,
      List<LibraryPath> paths) {
    if (option != null) {
      into.put(entryName, ShellTexts.of(name, option.thunk().force(), option.keySpan(), true, paths, this));
    }
  }

  /** A path of the project as written in it ({@code ./data}); the path itself outside the project. */
  String relative(Value.Path path) {
    if (root != null && (path.path().equals(root) || path.path().startsWith(root + "/"))) {
      return path.path().equals(root) ? "./." : "./" + path.path().substring(root.length() + 1);
    }
    return path.path();
  }

  /** Whether a package list (nested lists flattened, as mkDerivation does) holds an entry that {@code is}. */
  private boolean holds(Value value, java.util.function.Predicate<Value> is) {
    List<Item> items = Evaluator.items(value, platforms);
    return items != null && items.stream().anyMatch(item -> is.test(item.value())
        || item.value() instanceof Value.ListV && holds(item.value(), is));
  }

  /** An environment Nix builds from the project's lock ({@link Domain.ProjectLock}). */
  private static boolean projectLockEnvironment(Value entry) {
    return entry instanceof Pkg pkg && pkg.pythonModules() instanceof Domain.ProjectLock;
  }

  /** A package the project builds ({@code runCommand}, {@code mkDerivation}). */
  private static boolean ownDerivation(Value entry) {
    return entry instanceof Built built && built.kind() == BuiltKind.DERIVATION;
  }

  /** Adds the packages of a list value; false when some entry is not understood. */
  static boolean addPackages(Value value, List<PackageRef> into) {
    return addPackages(value, PlatformGuard.ALWAYS, PlatformGuard.ALWAYS, into);
  }

  /** The packages of a list value on the platforms of the shell being read ({@link #platforms}). */
  private boolean addShellPackages(Value value, List<PackageRef> into) {
    return addPackages(value, PlatformGuard.ALWAYS, platforms, into);
  }

  /**
   * Adds the packages of a list value present where {@code guard} holds; a join ({@code symlinkJoin}) adds the
   * packages it links, a script or text file ({@code writeShellScriptBin}) none. Alternatives that cannot hold
   * {@code within} the shell's platforms are no entries of it.
   */
  private static boolean addPackages(Value value, PlatformGuard guard, PlatformGuard within,
      List<PackageRef> into) {
    List<Item> items = Evaluator.items(value, guard.and(within));
    if (items == null) {
      return false;
    }
    boolean complete = true;
    for (Item item : items) {
      PlatformGuard present = guard.and(item.guard());
      if (item.value() instanceof Pkg pkg && !pkg.path().isEmpty() && pkg.span() != null) {
        into.add(new PackageRef(pkg.path(), pkg.instance(), present, pkg.span()));
        addPythonModules(pkg, present, into);
      } else if (item.value() instanceof Value.ListV) {
        // mkDerivation takes nested lists in its inputs (`[ python3 (with python3.pkgs; [ numpy ]) ]`) and
        // flattens them
        complete &= addPackages(item.value(), present, within, into);
      } else if (item.value() instanceof Built built) {
        // a package the project builds brings what it propagates; what it installs itself is no package of nixpkgs
        List<PackageRef> brought = new ArrayList<>();
        complete &= built.kind() == BuiltKind.TEXT || built.paths() != null
            && addPackages(built.paths(), present, within, brought);
        brought.forEach(ref -> into.add(built.kind() == BuiltKind.JOIN ? ref : ref.asPropagated()));
      } else if (item.value() instanceof Str str && str.pieces().size() == 1
          && str.pieces().get(0) instanceof Value.Interpolation only && only.value() instanceof Pkg pkg
          && !pkg.path().isEmpty()) {
        into.add(new PackageRef(pkg.path(), pkg.instance(), present, pkg.span())); // "${pkgs.zlib}" is zlib
      } else if (item.value() instanceof Str str && str.literal() == null) {
        complete = false; // "${env}/lib/python3.12/site-packages/nvidia/cudnn": a folder the model cannot list
      } else if (!(item.value() instanceof Shell || item.value() instanceof Str)) {
        // a derivation the model does not look into, or a path string, is no package it knows; anything else is
        complete = false;
      }
    }
    return complete;
  }

  /**
   * The modules of a {@code python.withPackages} environment, where the environment is: the members of a Python
   * package set only, as nixpkgs keeps them (it drops anything that is no Python module, setup hooks included).
   * A module the model cannot read adds nothing; it never made the shell's own list partial. They go to the list's
   * {@link PackageList#pythonModules()}.
   */
  private static void addPythonModules(Pkg environment, PlatformGuard guard, List<PackageRef> into) {
    List<Item> modules = environment.pythonModules() == null ? null : Evaluator.items(environment.pythonModules());
    if (modules == null) {
      return;
    }
    for (Item module : modules) {
      if (module.value() instanceof Pkg pkg && pkg.span() != null && pkg.path().size() > 1
          && PYTHON_PACKAGE_SET.matcher(pkg.path().get(0)).matches() && !pkg.path().get(pkg.path().size() - 1)
              .toLowerCase(java.util.Locale.ROOT).endsWith("hook")) {
        into.add(new PackageRef(pkg.path(), pkg.instance(), guard.and(module.guard()), pkg.span(), true));
      }
    }
  }

  private static final java.util.regex.Pattern PYTHON_PACKAGE_SET =
      java.util.regex.Pattern.compile("python\\d*(Packages)?");

  /**
   * {@code env = { … } // lib.optionalAttrs stdenv.isLinux { … }}: each variable where its sets have it, with that
   * guard; its value where every such set agrees (else unknown). False when a set may hold more.
   */
  private boolean guardedVariables(Value.Choice choice, Map<String, ShellText> into, List<LibraryPath> paths) {
    Map<String, List<Value.Alternative>> present = new LinkedHashMap<>();
    Map<String, Entry> firsts = new LinkedHashMap<>();
    boolean complete = true;
    for (Value.Alternative alternative : choice.alternatives()) {
      Attrs attrs = (Attrs) alternative.value();
      complete &= !attrs.open();
      attrs.entries().forEach((name, entry) -> {
        firsts.putIfAbsent(name, entry);
        present.computeIfAbsent(name, k -> new ArrayList<>())
            .add(new Value.Alternative(alternative.guard(), entry.thunk().force()));
      });
    }
    present.forEach((name, values) -> {
      PlatformGuard where = values.stream().map(Value.Alternative::guard).reduce(PlatformGuard.NEVER,
          PlatformGuard::or);
      Value first = values.get(0).value();
      Value value = values.stream().allMatch(v -> v.value().equals(first)) ? first : new Value.Choice(values);
      into.put(name, ShellTexts.of(name, value, firsts.get(name).keySpan(), where, paths, this));
    });
    return complete;
  }

  /** A platform choice whose alternatives are all the same value is that value (a variable set on every platform). */
  private static Value samePerPlatform(Value value) {
    if (value instanceof Value.Choice choice && !choice.alternatives().isEmpty()) {
      Value first = choice.alternatives().get(0).value();
      if (choice.alternatives().stream().allMatch(alternative -> alternative.value().equals(first))) {
        return first;
      }
    }
    return value;
  }

  /** The {@code lib} folders of the literal path strings in a list value ({@code makeLibraryPath}'s argument). */
  static List<String> libraryDirectories(Value value) {
    List<Item> items = Evaluator.items(value);
    List<String> directories = new ArrayList<>();
    if (items != null) {
      for (Item item : items) {
        if (item.value() instanceof Str str && str.pieces().stream().allMatch(p -> p instanceof Value.Text)) {
          StringBuilder text = new StringBuilder();
          str.pieces().forEach(p -> text.append(((Value.Text) p).text()));
          if (text.toString().startsWith("/")) {
            directories.add(text + "/lib");
          }
        }
      }
    }
    return directories;
  }

  /** The packages of a list value ({@code makeLibraryPath}'s argument). */
  PackageList packageList(Value value) {
    return packageList(value, PlatformGuard.ALWAYS);
  }

  /**
   * The packages of a {@code makeLibraryPath} list present where {@code guard} holds. An entry written as a
   * package's {@code lib} folder ({@code "${pkgs.cudaPackages.cuda_cudart}/lib"}) is no library folder:
   * {@code makeLibraryPath} appends {@code /lib} to a string as it is ({@code …-cuda_cudart/lib/lib}), so the entry
   * adds nothing the model lists, and hides nothing either.
   */
  PackageList packageList(Value value, PlatformGuard guard) {
    List<PackageRef> refs = new ArrayList<>();
    List<Item> items = Evaluator.items(value, guard.and(platforms));
    Value entries = items == null ? value
        : new Value.ListV(items.stream().filter(item -> !folderInsidePackage(item.value())).toList());
    boolean complete = addPackages(entries, guard, platforms, refs);
    return new PackageList(refs, complete);
  }

  /** {@code "${pkg}/lib"}: a package's own {@code lib} folder written out, which makeLibraryPath makes lib/lib. */
  private static boolean folderInsidePackage(Value value) {
    if (!(value instanceof Str str) || str.pieces().size() < 2
        || !(str.pieces().get(0) instanceof Value.Interpolation first && first.value() instanceof Pkg pkg
            && !pkg.path().isEmpty())) {
      return false;
    }
    StringBuilder rest = new StringBuilder();
    for (Value.Piece piece : str.pieces().subList(1, str.pieces().size())) {
      if (!(piece instanceof Value.Text text)) {
        return false;
      }
      rest.append(text.text());
    }
    // only the package's own lib folder: a deeper one (`${env}/lib/python3.12/site-packages/nvidia/cudnn`) may
    // hold libraries below it that the model cannot list
    return rest.toString().equals("/lib") || rest.toString().equals("/lib/");
  }
}
