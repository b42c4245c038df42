package io.github.nixml.model;

import io.github.nixml.model.Domain.Input;
import io.github.nixml.model.Domain.LibPath;
import io.github.nixml.model.Domain.PerSystem;
import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.model.Domain.Shell;
import io.github.nixml.model.Domain.ShellKind;
import io.github.nixml.nix.eval.Evaluator;
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
  private static final Pattern SYSTEM =
      Pattern.compile("[a-z0-9_]+-(linux|darwin|freebsd|netbsd|openbsd|windows|none)");
  private static final Set<String> PACKAGE_ATTRIBUTES =
      Set.of("packages", "buildInputs", "nativeBuildInputs", "propagatedBuildInputs");
  private static final Set<String> HOOK_ATTRIBUTES = Set.of("shellHook", "preShellHook", "postShellHook");

  private final Evaluator evaluator;
  /** The flake's directory (real path), or null. */
  private final String root;
  /** The flake's directory, or null. */
  private final FlakeDirectory directory;

  /** {@code directory}: the flake's, whose files it may import and read; null: none. */
  DevShellExtractor(String text, FlakeDirectory directory) {
    this.root = directory == null ? null : NixpkgsHost.realDirectory(directory.path());
    this.directory = directory;
    this.evaluator = new Evaluator(new NixpkgsHost(directory), Evaluator.Mode.SYMBOLIC, text, root);
  }

  FlakeModel extract(Term flake) {
    try {
      return extractUnchecked(flake);
    } catch (Evaluator.Exhausted | StackOverflowError e) {
      return FlakeModel.UNREADABLE;
    }
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
    Map<String, Entry> args = new LinkedHashMap<>();
    inputUrls.forEach((name, url) -> args.put(name, new Entry(Thunk.of(name.equals("self") ? Value.UNKNOWN
        : new Input(name, NixpkgsHost.kindOf(name, url))), null)));
    Value result = evaluator.apply(closure, Thunk.of(new Attrs(args, true)), closure.lambda().span());
    List<DevShell> shells = new ArrayList<>();
    List<MisplacedShells> misplaced = new ArrayList<>();
    boolean complete = collectShells(result, Optional.empty(), false, shells, misplaced);
    return new FlakeModel(true, shells, complete, misplaced, evaluator.importProblems());
  }

  /**
   * A devenv project without a flake: {@code devenv.nix} and the local modules devenv.yaml imports, given
   * {@code pkgs} (devenv.yaml's {@code nixpkgs} input with its configuration), {@code lib}, {@code inputs}; the
   * module's {@code config} stays unknown. One shell, named {@code shell}, for whichever system devenv runs on: the
   * project names no systems (its systems are empty), so no rule judges it per system.
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
    args.put("config", new Entry(Thunk.of(Value.UNKNOWN), location));
    List<Value> modules = new ArrayList<>();
    modules.add(new Value.Path(root + "/" + devenvNix));
    // devenv.yaml's `imports: [ ./backend ]` reads backend/devenv.nix; a .nix file is read as it is
    settings.imports().forEach(path -> modules.add(new Value.Path(root + "/" + path
        + (java.nio.file.Files.isDirectory(directory.path().resolve(path)) ? "/" + devenvNix : ""))));
    DevShell shell = DevenvShells.read("shell", Optional.empty(), location, instance, modules,
        new Attrs(args, true), settings.importsComplete(), evaluator, this);
    return new FlakeModel(true, List.of(shell), true, List.of(), evaluator.importProblems());
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
        ShellLevel level = new ShellLevel(key, key.equals("devShell"), systems, perSystem);
        complete &= collectShellSet(entry.thunk().force(), level, entry, into, misplaced);
      }
    }
    return complete;
  }

  /**
   * Where the walk of a {@code devShells} tree is: the path so far, whether it is the single-shell
   * {@code devShell} form, the systems known and whether a system level is already above.
   */
  private record ShellLevel(String path, boolean single, Optional<Set<String>> systems, boolean hasSystem) {
    ShellLevel below(String key, Optional<Set<String>> keySystems) {
      return new ShellLevel(path + "." + key, single, keySystems, true);
    }
  }

  private static Optional<Set<String>> systemsOf(PerSystem perSystem) {
    return perSystem.systems() == null ? Optional.empty() : Optional.of(perSystem.systems());
  }

  private boolean collectShellSet(Value value, ShellLevel level, Entry named, List<DevShell> into,
      List<MisplacedShells> misplaced) {
    if (value instanceof PerSystem per) {
      return collectShellSet(per.outputs(), new ShellLevel(level.path(), level.single(), systemsOf(per), true),
          named, into, misplaced);
    }
    if (level.single() && value instanceof Shell shell) {
      if (!level.hasSystem()) {
        misplaced.add(new MisplacedShells(MisplacedShells.Kind.NO_SYSTEM_LEVEL, level.path(), named.nameSpan()));
      }
      into.add(toDevShell("default", level.systems(), shell));
      return true;
    }
    if (!(value instanceof Attrs attrs)) {
      return false;
    }
    boolean complete = !attrs.open();
    for (Map.Entry<String, Entry> entry : attrs.entries().entrySet()) {
      String key = entry.getKey();
      Value member = entry.getValue().thunk().force();
      boolean systemKey = SYSTEM.matcher(key).matches();
      if (systemKey && level.hasSystem() && holdsShells(member)) {
        misplaced.add(new MisplacedShells(MisplacedShells.Kind.SYSTEM_LEVEL_REPEATED, level.path() + "." + key,
            entry.getValue().nameSpan()));
      }
      // Shells at a misplaced level are still modelled: the other rules judge what the user wrote.
      if (systemKey && level.systems().isEmpty()) {
        complete &= collectShellSet(member, level.below(key, Optional.of(Set.of(key))), entry.getValue(), into,
            misplaced);
      } else if (member instanceof Shell shell) {
        if (!level.hasSystem()) {
          misplaced.add(new MisplacedShells(MisplacedShells.Kind.NO_SYSTEM_LEVEL, level.path() + "." + key,
              entry.getValue().nameSpan()));
        }
        into.add(toDevShell(level.single() ? "default" : key, level.systems(), shell));
      } else {
        complete = false;
      }
    }
    return complete;
  }

  /** Whether a value is a shell or a set holding one directly. */
  private static boolean holdsShells(Value value) {
    return value instanceof Shell || value instanceof Attrs attrs
        && attrs.entries().values().stream().anyMatch(entry -> entry.thunk().force() instanceof Shell);
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
    SourceSpan packagesLocation = null;
    Optional<ShellText> runScript = Optional.empty();
    boolean fhs = shell.kind() != ShellKind.MK_SHELL;
    boolean envComplete = true;
    for (Map.Entry<String, Entry> entry : attributes.entries().entrySet()) {
      String key = entry.getKey();
      SourceSpan keySpan = entry.getValue().keySpan();
      if (fhs && (key.equals("targetPkgs") || key.equals("multiPkgs"))) {
        Value function = entry.getValue().thunk().force();
        Value list = evaluator.apply(function, Thunk.of(new Pkg(shell.instance(), List.of(), keySpan)), keySpan);
        packagesComplete &= addPackages(list, packages);
        if (key.equals("targetPkgs")) {
          packagesLocation = keySpan;
        }
      } else if (!fhs && PACKAGE_ATTRIBUTES.contains(key)) {
        packagesComplete &= addPackages(entry.getValue().thunk().force(), packages);
        if (packagesLocation == null || key.equals("packages")) {
          packagesLocation = keySpan;
        }
      } else if (!fhs && key.equals("inputsFrom")) {
        packagesComplete = false;
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
            || value instanceof Value.Path || value instanceof Value.Failure) {
          env.put(key, ShellTexts.of(key, value, keySpan, false, libraryPaths, this));
        }
      }
    }
    return new DevShell(name, systems, fhs ? Layout.FHS : Layout.LD_PATH, shell.span(), shell.instance(),
        new PackageList(packages, packagesComplete), packagesLocation, env, hooks, libraryPaths, runScript,
        !attributes.open() && envComplete);
  }

  /**
   * A numtide devshell: {@code packages}, variables as {@code env = [ { name; value; } ]}, hooks as
   * {@code devshell.startup.<name>.text} and {@code bash.extra}.
   */
  private DevShell devshell(String name, Optional<Set<String>> systems, Shell shell) {
    Attrs attributes = shell.attributes();
    List<PackageRef> packages = new ArrayList<>();
    boolean packagesComplete = !attributes.open();
    Entry packagesEntry = attributes.entries().get("packages");
    if (packagesEntry != null) {
      packagesComplete &= addPackages(packagesEntry.thunk().force(), packages);
    }
    List<LibraryPath> libraryPaths = new ArrayList<>();
    Map<String, ShellText> env = new LinkedHashMap<>();
    boolean complete = !attributes.open();
    Entry envEntry = attributes.entries().get("env");
    List<Item> variables = envEntry == null ? List.of() : Evaluator.items(envEntry.thunk().force());
    for (Item variable : variables == null ? List.<Item>of() : variables) {
      if (variable.value() instanceof Attrs spec && spec.get("name") instanceof Str key && key.literal() != null) {
        Value value = spec.entries().containsKey("value") ? spec.get("value") : Value.UNKNOWN;
        env.put(key.literal(), ShellTexts.of(key.literal(), value, spec.entries().get("name").keySpan(), false,
            libraryPaths, this));
      } else {
        complete = false;
      }
    }
    complete &= variables != null;
    List<ShellText> hooks = new ArrayList<>();
    if (attributes.get("devshell") instanceof Attrs devshell && devshell.get("startup") instanceof Attrs startup) {
      startup.entries().forEach((hook, entry) -> {
        Value text = entry.thunk().force() instanceof Attrs spec ? spec.get("text") : Value.UNKNOWN;
        hooks.add(ShellTexts.of("devshell.startup." + hook, text, entry.keySpan(), true, libraryPaths, this));
      });
    }
    if (attributes.get("bash") instanceof Attrs bash && bash.entries().containsKey("extra")) {
      hooks.add(ShellTexts.of("bash.extra", bash.get("extra"), bash.entries().get("extra").keySpan(), true,
          libraryPaths, this));
    }
    return new DevShell(name, systems, Layout.DEVSHELL, shell.span(), shell.instance(),
        new PackageList(packages, packagesComplete), packagesEntry == null ? null : packagesEntry.keySpan(), env,
        hooks, libraryPaths, Optional.empty(), complete);
  }

  /** Adds the packages of a list value; false when some entry is not understood. */
  static boolean addPackages(Value value, List<PackageRef> into) {
    List<Item> items = Evaluator.items(value);
    if (items == null) {
      return false;
    }
    boolean complete = true;
    for (Item item : items) {
      if (item.value() instanceof Pkg pkg && !pkg.path().isEmpty()) {
        into.add(new PackageRef(pkg.path(), pkg.instance(), item.guard(), pkg.span()));
      } else if (!(item.value() instanceof Shell || item.value() instanceof Str)) {
        // a derivation the model does not look into, or a path string, is no package it knows; anything else is
        complete = false;
      }
    }
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
    List<PackageRef> refs = new ArrayList<>();
    boolean complete = addPackages(value, refs);
    return new PackageList(refs, complete);
  }
}
