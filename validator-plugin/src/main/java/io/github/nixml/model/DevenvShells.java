package io.github.nixml.model;

import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.model.Domain.Shell;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A devenv shell, from its modules: those of {@code devenv.lib.mkShell { inherit inputs pkgs; modules = [ … ]; }}
 * in a flake, or a devenv project's {@code devenv.nix} (and what devenv.yaml imports) without one. Each module (a
 * set, a function of {@code { pkgs, lib, config, inputs, … }}, or a path to a file holding one) adds
 * {@code packages}, {@code env}, {@code enterShell}, {@code scripts} and {@code languages.python}, and may
 * {@code imports} further modules; options merge across modules as devenv's module system does.
 * {@code languages.python} follows devenv's own module ({@code src/modules/languages/python}): enabled, it brings
 * {@code package} (default {@code pkgs.python3}; {@code version} selects nixpkgs-python's {@code python3XY}), with
 * {@code uv.enable} uv and the variables devenv sets for it. A function module's {@code config} is every module's
 * definitions merged ({@link ModuleMerge#withProperties}) with the default of {@code languages.python.package},
 * computed lazily: what it cannot tell (a cycle, a run-time value such as {@code devenv.root}) is unknown.
 */
final class DevenvShells {
  private static final String VENV = VenvStrategy.DEVENV_VENV;

  private DevenvShells() {}

  /** The shell of a flake's {@code devenv.lib.mkShell} call. */
  static DevShell of(String name, Optional<Set<String>> systems, Shell shell, Evaluator evaluator,
      DevShellExtractor extractor) {
    Attrs attributes = shell.attributes();
    List<Item> modules = Evaluator.items(attributes.get("modules"));
    if (modules == null) {
      return new DevShell(name, systems, Layout.DEVENV, shell.span(), shell.instance(),
          new PackageList(List.of(), false), null, Map.of(), List.of(), List.of(), Optional.empty(), false);
    }
    Map<String, Entry> moduleArgs = new LinkedHashMap<>();
    moduleArgs.put("pkgs", new Entry(Thunk.of(attributes.get("pkgs")), shell.span()));
    moduleArgs.put("inputs", new Entry(Thunk.of(attributes.get("inputs")), shell.span()));
    Value pkgs = attributes.get("pkgs");
    moduleArgs.put("lib", new Entry(new Thunk(() -> evaluator.select(pkgs, "lib", shell.span())), shell.span()));
    return read(name, systems, shell.span(), shell.instance(), modules.stream().map(Item::value).toList(),
        new Attrs(moduleArgs, true), !attributes.open(), evaluator, extractor);
  }

  /**
   * The shell its modules make. {@code args} is what each module function is given; {@code complete} false when
   * something beside the modules is already unknown.
   */
  static DevShell read(String name, Optional<Set<String>> systems, SourceSpan location, NixpkgsInstance instance,
      List<Value> modules, Value args, boolean complete, Evaluator evaluator, DevShellExtractor extractor) {
    List<PackageRef> packages = new ArrayList<>();
    Map<String, Optional<ShellText>> variables = new LinkedHashMap<>();
    List<ShellText> hooks = new ArrayList<>();
    List<LibraryPath> libraryPaths = new ArrayList<>();
    List<Attrs> pythons = new ArrayList<>();
    SourceSpan packagesLocation = null;
    boolean overlays = false;
    // first every module's definitions, then `config` (their merge) is there to read back
    List<Attrs> configs = new ArrayList<>();
    boolean[] collecting = {true};
    Thunk merged = new Thunk(() -> configuration(configs, pythons, instance, location));
    Deque<Value> pending = new ArrayDeque<>(modules);
    int read = 0;
    while (!pending.isEmpty() && read++ < 1000) {
      Value module = pending.pop();
      if (module instanceof Value.Path path) {
        module = evaluator.importFile(path, location);
      }
      if (module instanceof Value.Closure) {
        // a module that needs `config` to say what it defines or imports is not followed
        Thunk config = new Thunk(() -> collecting[0] ? Value.UNKNOWN : merged.force());
        module = evaluator.apply(module, Thunk.of(withConfig(args, config, location)), location);
      }
      Optional<Value> shape = defined(module); // `lib.mkIf cond { … }` as a whole module
      if (shape.isEmpty()) {
        continue;
      }
      if (!(shape.get() instanceof Attrs attrs)) {
        complete = false;
        continue;
      }
      complete &= !attrs.open();
      // a module is either { imports; options; config; } or a set of config values ({ packages; env; … })
      Attrs config = attrs;
      if (attrs.entries().containsKey("config")
          && (attrs.entries().containsKey("options") || attrs.entries().containsKey("imports"))) {
        Optional<Value> defined = defined(attrs.get("config"));
        if (defined.isPresent() && !(defined.get() instanceof Attrs)) {
          complete = false;
        }
        config = defined.orElse(null) instanceof Attrs nested ? nested : new Attrs(Map.of(), false);
      }
      if (attrs.entries().containsKey("imports")) {
        List<Item> imported = Evaluator.items(attrs.get("imports"));
        if (imported == null) {
          complete = false;
        } else {
          List<Value> values = imported.stream().map(Item::value).toList();
          for (int i = values.size() - 1; i >= 0; i--) {
            pending.push(values.get(i));
          }
        }
      }
      configs.add(config);
      if (option(config, "languages").orElse(null) instanceof Attrs languages
          && defined(languages.get("python")).orElse(null) instanceof Attrs python) {
        pythons.add(python);
      }
    }
    collecting[0] = false;
    for (Attrs config : configs) {
      overlays |= config.entries().containsKey("overlays");
      Optional<Value> packageList = option(config, "packages");
      if (packageList.isPresent()) {
        complete &= DevShellExtractor.addPackages(packageList.get(), packages);
        packagesLocation = packagesLocation == null ? config.entries().get("packages").keySpan() : packagesLocation;
      }
      Optional<Value> envValue = option(config, "env");
      if (envValue.isPresent()) {
        if (envValue.get() instanceof Attrs env) {
          complete &= !env.open();
          for (Map.Entry<String, Entry> variable : env.entries().entrySet()) {
            // env becomes the shell derivation's attributes: null is no variable, a boolean is "1" or ""
            SourceSpan span = variable.getValue().keySpan();
            Optional<Value> value = defined(variable.getValue().thunk().force())
                .map(v -> v instanceof Value.Bool bool ? Str.of(bool.value() ? "1" : "", span) : v);
            variables.put(variable.getKey(), value.filter(v -> !(v instanceof Value.Null)).map(v -> ShellTexts.of(
                variable.getKey(), v, span, false, libraryPaths, extractor)));
          }
        } else {
          complete = false;
        }
      }
      Optional<Value> enterShell = option(config, "enterShell");
      if (enterShell.isPresent()) {
        hooks.add(ShellTexts.of("enterShell", enterShell.get(), config.entries().get("enterShell").keySpan(), true,
            libraryPaths, extractor));
      }
    }
    complete &= pending.isEmpty();
    NixpkgsInstance packageSet = packageSet(instance, overlays);
    Map<String, ShellText> env = new LinkedHashMap<>();
    variables.forEach((variable, text) -> text.ifPresent(value -> env.put(variable, value)));
    complete &= python(new PythonOptions(pythons), packageSet, location, packages, env, variables.keySet(), hooks,
        libraryPaths, extractor);
    if (overlays) {
      // the modules' overlays apply to every package they name, in variables and hooks too
      Overlaid overlaid = new Overlaid(instance, packageSet);
      return new DevShell(name, systems, Layout.DEVENV, location, packageSet,
          overlaid.list(new PackageList(packages, complete)), packagesLocation, overlaid.texts(env),
          hooks.stream().map(overlaid::text).toList(), libraryPaths.stream().map(overlaid::path).toList(),
          Optional.empty(), complete);
    }
    return new DevShell(name, systems, Layout.DEVENV, location, packageSet,
        new PackageList(packages, complete), packagesLocation, env, hooks, libraryPaths, Optional.empty(), complete);
  }

  /** Every package of {@code from} named in a shell's lists and texts, as one of {@code to} (its overlaid set). */
  private static final class Overlaid {
    private final NixpkgsInstance from;
    private final NixpkgsInstance to;
    private final Map<LibraryPath, LibraryPath> paths = new java.util.IdentityHashMap<>();

    Overlaid(NixpkgsInstance from, NixpkgsInstance to) {
      this.from = from;
      this.to = to;
    }

    PackageList list(PackageList list) {
      return new PackageList(list.packages().stream().map(ref -> ref.source() == from
          ? new PackageRef(ref.attrPath(), to, ref.guard(), ref.location()) : ref).toList(), list.complete());
    }

    /** The same list object for a library path a text refers to and the shell lists. */
    LibraryPath path(LibraryPath path) {
      return paths.computeIfAbsent(path, p -> new LibraryPath(list(p.entries()), p.location(), p.directories()));
    }

    Map<String, ShellText> texts(Map<String, ShellText> texts) {
      Map<String, ShellText> mapped = new LinkedHashMap<>();
      texts.forEach((key, text) -> mapped.put(key, text(text)));
      return mapped;
    }

    ShellText text(ShellText text) {
      return new ShellText(text.name(), text.pieces().stream().map(this::piece).toList(), text.script(),
          text.location(), text.guard());
    }

    private ShellPiece piece(ShellPiece piece) {
      if (piece instanceof ShellPiece.PackagePath path) {
        return packagePath(path);
      }
      if (piece instanceof ShellPiece.BuiltPath built) {
        return new ShellPiece.BuiltPath(built.builder(), built.name(),
            built.contents().stream().map(this::packagePath).toList());
      }
      return piece instanceof ShellPiece.LibraryPathRef ref ? new ShellPiece.LibraryPathRef(path(ref.path())) : piece;
    }

    private ShellPiece.PackagePath packagePath(ShellPiece.PackagePath path) {
      return path.instance() == from ? new ShellPiece.PackagePath(path.attrPath(), to, path.location()) : path;
    }
  }

  /** An option a module defines, its properties applied ({@link #defined}); empty when it does not define it. */
  private static Optional<Value> option(Attrs config, String name) {
    return config.entries().containsKey(name) ? defined(config.get(name)) : Optional.empty();
  }

  /**
   * A definition with the module system's properties applied ({@code lib.mkForce}, {@code mkDefault},
   * {@code mkBefore}: the content; {@code mkIf}: the content when the condition is true, nothing when false): empty
   * when it defines nothing; unknown when the condition or a {@code mkMerge} is not followed.
   */
  static Optional<Value> defined(Value value) {
    for (int depth = 0; depth < 100 && value instanceof Attrs attrs && attrs.get("_type") instanceof Str type;
        depth++) {
      String kind = type.literal();
      if ("override".equals(kind) || "order".equals(kind)) {
        value = attrs.get("content");
      } else if ("if".equals(kind)) {
        if (!(attrs.get("condition") instanceof Value.Bool condition)) {
          return Optional.of(Value.UNKNOWN);
        }
        if (!condition.value()) {
          return Optional.empty();
        }
        value = attrs.get("content");
      } else {
        return Optional.of(Value.UNKNOWN);
      }
    }
    return Optional.of(value);
  }

  /** {@code languages.python} as every module defines it: the last definition of an option wins. */
  private record PythonOptions(List<Attrs> definitions) {
    /** The entry at {@code path} ({@code uv}, {@code enable}) in the last module that defines it. */
    Optional<Entry> entry(String... path) {
      for (int i = definitions.size() - 1; i >= 0; i--) {
        Value value = definitions.get(i);
        for (int k = 0; k < path.length - 1 && value != null; k++) {
          value = value instanceof Attrs attrs && attrs.entries().containsKey(path[k])
              ? defined(attrs.get(path[k])).orElse(null) : null;
        }
        if (value instanceof Attrs attrs && attrs.entries().containsKey(path[path.length - 1])) {
          return Optional.of(attrs.entries().get(path[path.length - 1]));
        }
      }
      return Optional.empty();
    }

    /** An {@code enable}-like flag: true, false (absent: devenv's default), or unknown (empty). */
    Optional<Boolean> flag(String... path) {
      Optional<Entry> entry = entry(path);
      if (entry.isEmpty()) {
        return Optional.of(false);
      }
      Optional<Value> value = defined(entry.get().thunk().force());
      return value.isEmpty() ? Optional.of(false)
          : value.get() instanceof Value.Bool bool ? Optional.of(bool.value()) : Optional.empty();
    }

    /** The value at {@code path}, its properties applied; empty when no module defines it. */
    Optional<Value> value(String... path) {
      return entry(path).flatMap(entry -> defined(entry.thunk().force()));
    }
  }

  /**
   * What an enabled {@code languages.python} brings: the interpreter, uv with devenv's variables for it; false when
   * something the shell depends on is not understood.
   */
  private static boolean python(PythonOptions python, NixpkgsInstance instance, SourceSpan location,
      List<PackageRef> packages, Map<String, ShellText> env, Set<String> userVariables, List<ShellText> hooks,
      List<LibraryPath> libraryPaths, DevShellExtractor extractor) {
    if (python.definitions().isEmpty()) {
      return true;
    }
    Optional<Boolean> enabled = python.flag("enable");
    if (enabled.isEmpty()) {
      return false;
    }
    if (!enabled.get()) {
      return true;
    }
    SourceSpan enableSpan = python.entry("enable").map(Entry::keySpan).orElse(location);
    boolean complete = interpreter(python, instance, enableSpan, packages);
    Optional<Boolean> uv = python.flag("uv", "enable");
    Optional<Boolean> poetry = python.flag("poetry", "enable");
    if (uv.isEmpty() || poetry.isEmpty()) {
      return false;
    }
    // devenv's module brings each tool's package and sets variables beside it (python/default.nix), unless the
    // project sets them itself: uv's keep it on the shell's interpreter, poetry's keep its venv in the project
    if (uv.get()) {
      complete &= tool(python, "uv", Map.of("UV_PROJECT_ENVIRONMENT", VENV, "UV_PYTHON_DOWNLOADS", "never",
          "UV_PYTHON_PREFERENCE", "only-system"), instance, enableSpan, packages, env, userVariables, libraryPaths,
          extractor);
    }
    if (poetry.get()) {
      complete &= tool(python, "poetry", Map.of("POETRY_VIRTUALENVS_IN_PROJECT", "true",
          "POETRY_VIRTUALENVS_CREATE", "true", "POETRY_VIRTUALENVS_PATH", "/var/empty"), instance, enableSpan,
          packages, env, userVariables, libraryPaths, extractor);
    }
    complete &= venvTasks(python, uv.get(), poetry.get(), enableSpan, hooks, libraryPaths, extractor);
    return complete;
  }

  /**
   * An enabled {@code languages.python.<tool>}: its {@code package} (else nixpkgs' of that name) and the variables
   * devenv sets beside it, each unless the project sets it itself, at the {@code enable} option. False when the
   * package is not understood.
   */
  private static boolean tool(PythonOptions python, String tool, Map<String, String> variables,
      NixpkgsInstance instance, SourceSpan enableSpan, List<PackageRef> packages, Map<String, ShellText> env,
      Set<String> userVariables, List<LibraryPath> libraryPaths, DevShellExtractor extractor) {
    SourceSpan span = python.entry(tool, "enable").map(Entry::keySpan).orElse(enableSpan);
    Optional<Value> toolPackage = python.value(tool, "package");
    boolean complete = true;
    if (toolPackage.isPresent()) {
      complete = DevShellExtractor.addPackages(new Value.ListV(List.of(new Item(toolPackage.get(),
          PlatformGuard.ALWAYS))), packages);
    } else {
      packages.add(new PackageRef(List.of(tool), instance, PlatformGuard.ALWAYS, span));
    }
    new java.util.TreeMap<>(variables).forEach((variable, value) -> {
      if (!userVariables.contains(variable)) {
        env.put(variable, ShellTexts.of(variable, Str.of(value, span), span, false, libraryPaths, extractor));
      }
    });
    return complete;
  }

  /**
   * The tasks devenv runs before {@code enterShell} to make the venv, as the commands they run (python/default.nix):
   * {@code uv.sync.enable}: {@code uv sync -p <interpreter>} (into {@code UV_PROJECT_ENVIRONMENT}), then, with
   * {@code venv.enable}, the activation; {@code venv.enable} alone: {@code uv venv} (with uv) or
   * {@code python -m venv} into {@code $DEVENV_STATE/venv}, then the activation; {@code poetry.install.enable}
   * (on with {@code poetry.enable} unless set): {@code poetry install} into {@code .venv}, activated unless
   * {@code poetry.activate.enable} is false. Each is a hook named after devenv's task, at the option that turns it
   * on. False when an option is not understood.
   */
  private static boolean venvTasks(PythonOptions python, boolean uv, boolean poetryEnabled, SourceSpan enableSpan,
      List<ShellText> hooks, List<LibraryPath> libraryPaths, DevShellExtractor extractor) {
    Optional<Boolean> venv = python.flag("venv", "enable");
    Optional<Boolean> sync = python.flag("uv", "sync", "enable");
    // devenv turns poetry's install on with poetry (`mkDefault true`)
    Optional<Boolean> poetry = python.entry("poetry", "install", "enable").isPresent()
        ? python.flag("poetry", "install", "enable") : Optional.of(poetryEnabled);
    if (venv.isEmpty() || sync.isEmpty() || poetry.isEmpty()) {
      return false;
    }
    Optional<Value> directory = python.value("directory");
    if (directory.isPresent() && !(directory.get() instanceof Str str && (".".equals(str.literal())
        || "./".equals(str.literal())))) {
      // the tasks run in another folder (`languages.python.directory`), whose pyproject.toml they read: not modelled
      return !(sync.get() || venv.get() || poetry.get());
    }
    String activate = "source " + VENV + "/bin/activate\n";
    if (sync.get()) {
      task("devenv:python:uv", "uv sync -p python\n" + (venv.get() ? activate : ""),
          python.entry("uv", "sync", "enable"), enableSpan, hooks, libraryPaths, extractor);
    } else if (venv.get()) {
      task("devenv:python:virtualenv", (uv ? "uv venv -p python " : "python -m venv ") + VENV + "\n" + activate,
          python.entry("venv", "enable"), enableSpan, hooks, libraryPaths, extractor);
    }
    if (poetry.get()) {
      Optional<Boolean> activated = python.entry("poetry", "activate", "enable").isPresent()
          ? python.flag("poetry", "activate", "enable") : Optional.of(true);
      task("devenv:python:poetry", "poetry install\n"
              + (activated.orElse(false) ? "source .venv/bin/activate\n" : ""),
          python.entry("poetry", "install", "enable"), enableSpan, hooks, libraryPaths, extractor);
    }
    return true;
  }

  private static void task(String name, String commands, Optional<Entry> option, SourceSpan fallback,
      List<ShellText> hooks, List<LibraryPath> libraryPaths, DevShellExtractor extractor) {
    SourceSpan span = option.map(Entry::keySpan).orElse(fallback);
    hooks.add(ShellTexts.of(name, Str.of(commands, span), span, true, libraryPaths, extractor));
  }

  /**
   * The interpreter: {@code package}, or {@code version} as nixpkgs-python's interpreter of that version (written
   * {@code python3XY}: the minor is what the rules compare), or devenv's default {@code pkgs.python3}, at
   * {@code enable}. False when it is not understood.
   */
  private static boolean interpreter(PythonOptions python, NixpkgsInstance instance, SourceSpan enableSpan,
      List<PackageRef> packages) {
    Optional<PackageRef> interpreter = interpreter(python, instance, enableSpan);
    interpreter.ifPresent(packages::add);
    return interpreter.isPresent();
  }

  /** The interpreter {@code languages.python} gives, enabled or not; empty when it is not understood. */
  private static Optional<PackageRef> interpreter(PythonOptions python, NixpkgsInstance instance,
      SourceSpan enableSpan) {
    Optional<Value> pkg = python.value("package");
    if (pkg.isPresent()) {
      return pkg.get() instanceof Pkg interpreter && !interpreter.path().isEmpty()
          ? Optional.of(new PackageRef(interpreter.path(), interpreter.instance(), PlatformGuard.ALWAYS,
              interpreter.span()))
          : Optional.empty();
    }
    Optional<Entry> version = python.entry("version");
    if (version.isPresent()) {
      Str value = defined(version.get().thunk().force()).orElse(null) instanceof Str str ? str : null;
      String text = value == null ? null : value.literal();
      if (text != null && text.matches("3\\.\\d+(\\.\\d+)?")) {
        String minor = text.split("\\.")[1];
        // The interpreter is where the version is written: the string a user edits.
        return Optional.of(new PackageRef(List.of("python3" + minor), instance, PlatformGuard.ALWAYS,
            value.span() != null ? value.span() : version.get().nameSpan()));
      }
      return Optional.empty();
    }
    return Optional.of(new PackageRef(List.of("python3"), instance, PlatformGuard.ALWAYS, enableSpan));
  }

  private static NixpkgsInstance packageSet(NixpkgsInstance instance, boolean overlays) {
    return overlays ? instance.withOverlays() : instance;
  }

  /** The module arguments with {@code config} set. */
  private static Attrs withConfig(Value args, Thunk config, SourceSpan location) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    boolean open = true;
    if (args instanceof Attrs attrs) {
      entries.putAll(attrs.entries());
      open = attrs.open();
    }
    entries.put("config", new Entry(config, location));
    return new Attrs(entries, open);
  }

  /**
   * The {@code config} modules read back: every module's definitions merged ({@link ModuleMerge#withProperties}),
   * with devenv's default for {@code languages.python.package} (the interpreter {@link #interpreter} gives) and
   * the directories it computes from the running shell ({@code devenv.root}, {@code devenv.state}, {@code git.root}),
   * unless a module defines them.
   */
  private static Value configuration(List<Attrs> configs, List<Attrs> pythons, NixpkgsInstance instance,
      SourceSpan location) {
    NixpkgsInstance packageSet = packageSet(instance, configs.stream()
        .anyMatch(config -> config.entries().containsKey("overlays")));
    Thunk interpreter = new Thunk(() -> interpreter(new PythonOptions(pythons), packageSet, location)
        .<Value>map(ref -> new Pkg(ref.source(), ref.attrPath(), ref.location())).orElse(Value.UNKNOWN));
    Value config = ModuleMerge.withDefault(ModuleMerge.withProperties(List.copyOf(configs)),
        List.of("languages", "python", "package"), interpreter);
    for (String option : RUNTIME_DIRECTORIES) {
      Value directory = new Domain.RuntimeDirectory(option, location);
      config = ModuleMerge.withDefault(config, List.of(option.split("\\.")), Thunk.of(directory));
    }
    for (Map.Entry<String, String> variable : RUNTIME_VARIABLES.entrySet()) {
      Value directory = new Domain.RuntimeDirectory(variable.getValue(), location);
      config = ModuleMerge.withDefault(config, List.of("env", variable.getKey()), Thunk.of(directory));
    }
    return config;
  }

  /**
   * The options devenv sets to directories of the machine it runs on (devenv's {@code modules/top-level.nix} and
   * {@code modules/git.nix}): known to be paths, their text unknown.
   */
  private static final List<String> RUNTIME_DIRECTORIES = List.of("devenv.root", "devenv.dotfile", "devenv.state",
      "devenv.runtime", "devenv.tmpdir", "git.root");

  /**
   * The variables devenv's {@code modules/top-level.nix} sets from those options, read back as
   * {@code config.env.DEVENV_ROOT}: the same directories. Only the read-back gets them; the shell's own variables
   * are each module's {@code env}.
   */
  private static final Map<String, String> RUNTIME_VARIABLES = Map.of("DEVENV_ROOT", "devenv.root",
      "DEVENV_DOTFILE", "devenv.dotfile", "DEVENV_STATE", "devenv.state", "DEVENV_RUNTIME", "devenv.runtime");
}
