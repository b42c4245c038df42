package io.github.nixml.model;

import io.github.nixml.model.Expr.AttrKey;
import io.github.nixml.model.Expr.Binding;
import io.github.nixml.model.Value.Alternative;
import io.github.nixml.model.Value.Attrs;
import io.github.nixml.model.Value.Bool;
import io.github.nixml.model.Value.Builtin;
import io.github.nixml.model.Value.Choice;
import io.github.nixml.model.Value.Closure;
import io.github.nixml.model.Value.Entry;
import io.github.nixml.model.Value.Input;
import io.github.nixml.model.Value.Interpolation;
import io.github.nixml.model.Value.Item;
import io.github.nixml.model.Value.LibPath;
import io.github.nixml.model.Value.ListV;
import io.github.nixml.model.Value.PerSystem;
import io.github.nixml.model.Value.Piece;
import io.github.nixml.model.Value.Pkg;
import io.github.nixml.model.Value.Platform;
import io.github.nixml.model.Value.Shell;
import io.github.nixml.model.Value.ShellKind;
import io.github.nixml.model.Value.Str;
import io.github.nixml.model.Value.Text;
import io.github.nixml.model.Value.Unknown;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A small symbolic evaluator over the Nix that flakes use. It knows just enough of nixpkgs, nixpkgs' {@code lib}
 * and flake-utils to find the dev shells and what they contain; everything else evaluates to unknown.
 */
final class FlakeEvaluator {
  private static final Value UNKNOWN = Unknown.INSTANCE;
  /** Evaluation steps per file; a flake that needs more is not understood (and no rule fires on it). */
  private static final int STEP_BUDGET = 200_000;
  private static final int MAX_CALL_DEPTH = 120;
  private static final Pattern SYSTEM = Pattern.compile("[a-z0-9_]+-(linux|darwin|freebsd|netbsd|openbsd|windows|none)");
  private static final Set<String> DEFAULT_SYSTEMS =
      Set.of("x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin");
  private static final Set<String> PACKAGE_ATTRIBUTES =
      Set.of("packages", "buildInputs", "nativeBuildInputs", "propagatedBuildInputs");
  private static final Set<String> HOOK_ATTRIBUTES = Set.of("shellHook", "preShellHook", "postShellHook");
  private static final Set<String> PASSTHROUGH_FUNCTIONS =
      Set.of("withPackages", "override", "overrideAttrs", "overridePythonAttrs", "overrideDerivation");

  private final String text;
  private int steps;
  private int callDepth;

  FlakeEvaluator(String text) {
    this.text = text;
  }

  private static final class OverBudget extends RuntimeException {
    OverBudget() {
      super(null, null, false, false);
    }
  }

  FlakeModel evaluate(Expr flake) {
    try {
      return evaluateUnchecked(flake);
    } catch (OverBudget | StackOverflowError e) {
      return FlakeModel.UNREADABLE;
    }
  }

  private FlakeModel evaluateUnchecked(Expr flake) {
    Env root = Env.root(globals());
    Value top = eval(flake, root);
    if (!(top instanceof Attrs flakeAttrs)) {
      return new FlakeModel(true, List.of(), false);
    }
    Set<String> inputNames = new LinkedHashSet<>();
    Value inputs = get(flakeAttrs, "inputs");
    if (inputs instanceof Attrs inputAttrs) {
      inputNames.addAll(inputAttrs.entries().keySet());
    }
    Value outputs = get(flakeAttrs, "outputs");
    if (!(outputs instanceof Closure closure)) {
      return new FlakeModel(true, List.of(), false);
    }
    Map<String, Entry> args = new LinkedHashMap<>();
    if (closure.lambda().formals() != null) {
      for (Expr.Formal formal : closure.lambda().formals()) {
        inputNames.add(formal.name());
      }
    }
    for (String name : inputNames) {
      Value value = name.equals("self") ? UNKNOWN : new Input(name);
      args.put(name, new Entry(Thunk.of(value), null));
    }
    Value result = apply(closure, Thunk.of(new Attrs(args, true)), closure.lambda().span());
    List<DevShell> shells = new ArrayList<>();
    boolean complete = collectShells(result, Optional.empty(), shells);
    return new FlakeModel(true, shells, complete);
  }

  // ---------------------------------------------------------------- dev shells

  /** Adds the shells of a flake's outputs; false when some part of {@code devShells} is unknown. */
  private boolean collectShells(Value outputs, Optional<Set<String>> systems, List<DevShell> into) {
    if (outputs instanceof PerSystem perSystem) {
      return collectShells(perSystem.outputs(),
          perSystem.systems() == null ? Optional.empty() : Optional.of(perSystem.systems()), into);
    }
    if (!(outputs instanceof Attrs attrs)) {
      return false;
    }
    boolean complete = !attrs.open();
    for (String key : List.of("devShells", "devShell")) {
      Entry entry = attrs.entries().get(key);
      if (entry == null) {
        continue;
      }
      complete &= collectShellSet(entry.thunk().force(), systems, key.equals("devShell"), into);
    }
    return complete;
  }

  private boolean collectShellSet(Value value, Optional<Set<String>> systems, boolean single,
      List<DevShell> into) {
    if (value instanceof PerSystem perSystem) {
      return collectShellSet(perSystem.outputs(),
          perSystem.systems() == null ? Optional.empty() : Optional.of(perSystem.systems()), single, into);
    }
    if (single && value instanceof Shell shell) {
      into.add(toDevShell("default", systems, shell));
      return true;
    }
    if (!(value instanceof Attrs attrs)) {
      return false;
    }
    boolean complete = !attrs.open();
    for (Map.Entry<String, Entry> entry : attrs.entries().entrySet()) {
      String key = entry.getKey();
      Value member = entry.getValue().thunk().force();
      if (SYSTEM.matcher(key).matches() && systems.isEmpty()) {
        complete &= collectShellSet(member, Optional.of(Set.of(key)), single, into);
      } else if (member instanceof Shell shell) {
        into.add(toDevShell(single ? "default" : key, systems, shell));
      } else {
        complete = false;
      }
    }
    return complete;
  }

  private DevShell toDevShell(String name, Optional<Set<String>> systems, Shell shell) {
    Attrs attributes = shell.attributes();
    Map<String, ShellText> env = new LinkedHashMap<>();
    List<ShellText> hooks = new ArrayList<>();
    List<LibraryPath> libraryPaths = new ArrayList<>();
    List<PackageRef> packages = new ArrayList<>();
    boolean packagesComplete = !attributes.open();
    SourceSpan packagesLocation = null;
    Optional<ShellText> runScript = Optional.empty();
    boolean fhs = shell.kind() != ShellKind.MK_SHELL;
    for (Map.Entry<String, Entry> entry : attributes.entries().entrySet()) {
      String key = entry.getKey();
      SourceSpan keySpan = entry.getValue().keySpan();
      if (fhs && (key.equals("targetPkgs") || key.equals("multiPkgs"))) {
        Value function = entry.getValue().thunk().force();
        Value list = apply(function, Thunk.of(new Pkg(shell.instance(), List.of(), keySpan)), keySpan);
        packagesComplete &= addPackages(list, PlatformGuard.ALWAYS, packages);
        if (key.equals("targetPkgs")) {
          packagesLocation = keySpan;
        }
      } else if (!fhs && PACKAGE_ATTRIBUTES.contains(key)) {
        packagesComplete &= addPackages(entry.getValue().thunk().force(), PlatformGuard.ALWAYS, packages);
        if (packagesLocation == null || key.equals("packages")) {
          packagesLocation = keySpan;
        }
      } else if (!fhs && key.equals("inputsFrom")) {
        packagesComplete = false;
      } else if ((!fhs && HOOK_ATTRIBUTES.contains(key)) || (fhs && key.equals("profile"))) {
        Value value = entry.getValue().thunk().force();
        hooks.add(shellText(key, value, keySpan, true, libraryPaths));
      } else if (fhs && key.equals("runScript")) {
        Value value = entry.getValue().thunk().force();
        SourceSpan span = value instanceof Str str ? str.span() : keySpan;
        runScript = Optional.of(shellText(key, value, span, false, libraryPaths));
      } else if (key.equals("env")) {
        Value value = entry.getValue().thunk().force();
        if (value instanceof Attrs envAttrs) {
          for (Map.Entry<String, Entry> variable : envAttrs.entries().entrySet()) {
            env.put(variable.getKey(), shellText(variable.getKey(), variable.getValue().thunk().force(),
                variable.getValue().keySpan(), false, libraryPaths));
          }
        }
      } else if (!key.equals("name") && !key.equals("passthru") && !key.equals("meta")) {
        Value value = entry.getValue().thunk().force();
        if (value instanceof Str || value instanceof LibPath || value instanceof Unknown) {
          env.put(key, shellText(key, value, keySpan, false, libraryPaths));
        }
      }
    }
    return new DevShell(name, systems, fhs ? Layout.FHS : Layout.LD_PATH, shell.span(), shell.instance(),
        new PackageList(packages, packagesComplete), packagesLocation, env, hooks, libraryPaths, runScript,
        !attributes.open());
  }

  /** Adds the packages of a list value; false when some entry is not understood. */
  private boolean addPackages(Value value, PlatformGuard guard, List<PackageRef> into) {
    List<Item> items = items(value);
    if (items == null) {
      return false;
    }
    boolean complete = true;
    for (Item item : items) {
      PlatformGuard itemGuard = guard.and(item.guard());
      if (item.value() instanceof Pkg pkg && !pkg.path().isEmpty()) {
        into.add(new PackageRef(pkg.path(), pkg.instance(), itemGuard, pkg.span()));
      } else if (item.value() instanceof Shell || item.value() instanceof Str) {
        // a derivation the model does not look into, or a path string: no package it knows
      } else {
        complete = false;
      }
    }
    return complete;
  }

  private PackageList packageList(Value value) {
    List<PackageRef> refs = new ArrayList<>();
    boolean complete = addPackages(value, PlatformGuard.ALWAYS, refs);
    return new PackageList(refs, complete);
  }

  private ShellText shellText(String name, Value value, SourceSpan span, boolean isHook,
      List<LibraryPath> libraryPaths) {
    StringBuilder out = new StringBuilder();
    boolean complete = render(value, out, libraryPaths);
    String cooked = isHook ? ShellComments.strip(out.toString()) : out.toString();
    return new ShellText(name, cooked, complete, span);
  }

  /** Appends the text of a string value; false when part of it is unknown. */
  private boolean render(Value value, StringBuilder out, List<LibraryPath> libraryPaths) {
    if (value instanceof Str str) {
      boolean complete = true;
      for (Piece piece : str.pieces()) {
        if (piece instanceof Text literal) {
          out.append(literal.text());
        } else if (piece instanceof Interpolation interpolation) {
          Value inner = interpolation.value();
          if (inner instanceof Str || inner instanceof LibPath || inner instanceof Pkg) {
            complete &= render(inner, out, libraryPaths);
          } else {
            out.append("${").append(interpolation.source()).append('}');
            complete = false;
          }
        }
      }
      return complete;
    }
    // Known non-string values render by what they are, not how they were spelled (a let-bound name would hide it).
    if (value instanceof LibPath libPath) {
      libraryPaths.add(new LibraryPath(packageList(libPath.list()), libPath.span()));
      out.append("${lib.makeLibraryPath}");
      return true;
    }
    if (value instanceof Pkg pkg) {
      out.append("${").append(String.join(".", pkg.path())).append('}');
      return true;
    }
    out.append("${unknown}");
    return false;
  }

  // ---------------------------------------------------------------- evaluation

  private Map<String, Thunk> globals() {
    Map<String, Thunk> globals = new HashMap<>();
    globals.put("true", Thunk.of(new Bool(true)));
    globals.put("false", Thunk.of(new Bool(false)));
    globals.put("null", Thunk.of(new Value.Null()));
    globals.put("import", Thunk.of(new Builtin("import", null, List.of(), null)));
    return globals;
  }

  private void step() {
    if (++steps > STEP_BUDGET) {
      throw new OverBudget();
    }
  }

  private String source(SourceSpan span) {
    return text.substring(span.offset(), Math.min(text.length(), span.offset() + span.length()));
  }

  Value eval(Expr expr, Env env) {
    step();
    if (expr instanceof Expr.Ident ident) {
      return lookup(ident.name(), ident.span(), env);
    }
    if (expr instanceof Expr.Literal) {
      return UNKNOWN;
    }
    if (expr instanceof Expr.Str str) {
      List<Piece> pieces = new ArrayList<>();
      for (Object part : str.parts()) {
        if (part instanceof String literal) {
          pieces.add(new Text(literal));
        } else {
          Expr inner = (Expr) part;
          pieces.add(new Interpolation(eval(inner, env), source(inner.span()).strip()));
        }
      }
      return new Str(pieces, str.span());
    }
    if (expr instanceof Expr.ListOf list) {
      List<Item> items = new ArrayList<>();
      for (Expr item : list.items()) {
        Value value = eval(item, env);
        if (value instanceof Choice choice) {
          for (Alternative alternative : choice.alternatives()) {
            items.add(new Item(alternative.value(), alternative.guard()));
          }
        } else {
          items.add(new Item(value, PlatformGuard.ALWAYS));
        }
      }
      return new ListV(items);
    }
    if (expr instanceof Expr.AttrSet set) {
      return attrSet(set.bindings(), set.recursive(), env);
    }
    if (expr instanceof Expr.Let let) {
      Map<String, Thunk> scope = new HashMap<>();
      Env inner = env.bind(scope);
      Attrs attrs = buildAttrs(let.bindings(), inner, env, scope);
      for (Map.Entry<String, Entry> entry : attrs.entries().entrySet()) {
        scope.put(entry.getKey(), entry.getValue().thunk());
      }
      return eval(let.body(), inner);
    }
    if (expr instanceof Expr.With with) {
      Thunk scope = new Thunk(() -> eval(with.scope(), env));
      return eval(with.body(), env.with(scope));
    }
    if (expr instanceof Expr.Assert assertion) {
      return eval(assertion.body(), env);
    }
    if (expr instanceof Expr.If conditional) {
      Value condition = eval(conditional.condition(), env);
      if (condition instanceof Bool bool) {
        return eval(bool.value() ? conditional.then() : conditional.otherwise(), env);
      }
      if (condition instanceof Platform platform) {
        return choice(platform.guard(), eval(conditional.then(), env), eval(conditional.otherwise(), env));
      }
      return UNKNOWN;
    }
    if (expr instanceof Expr.Lambda lambda) {
      return new Closure(lambda, env);
    }
    if (expr instanceof Expr.Apply application) {
      Value function = eval(application.function(), env);
      Thunk argument = new Thunk(() -> eval(application.argument(), env));
      return apply(function, argument, application.span());
    }
    if (expr instanceof Expr.Select select) {
      Value target = eval(select.target(), env);
      for (AttrKey key : select.path()) {
        String name = keyName(key, env);
        target = name == null ? selectDynamic(target) : select(target, name, select.span());
        if (target == null) {
          break;
        }
      }
      if (target == null || (target instanceof Unknown && select.fallback() != null)) {
        return select.fallback() == null ? UNKNOWN : eval(select.fallback(), env);
      }
      return target;
    }
    if (expr instanceof Expr.HasAttr) {
      return UNKNOWN;
    }
    if (expr instanceof Expr.BinOp op) {
      return binary(op, env);
    }
    if (expr instanceof Expr.UnOp op) {
      Value operand = eval(op.operand(), env);
      if (op.op().equals("!")) {
        if (operand instanceof Bool bool) {
          return new Bool(!bool.value());
        }
        if (operand instanceof Platform platform) {
          return new Platform(platform.guard().not());
        }
      }
      return UNKNOWN;
    }
    return UNKNOWN;
  }

  private static Value choice(PlatformGuard guard, Value then, Value otherwise) {
    List<Alternative> alternatives = new ArrayList<>();
    addAlternative(alternatives, guard, then);
    addAlternative(alternatives, guard.not(), otherwise);
    return new Choice(alternatives);
  }

  private static void addAlternative(List<Alternative> into, PlatformGuard guard, Value value) {
    if (value instanceof Choice nested) {
      for (Alternative alternative : nested.alternatives()) {
        addAlternative(into, guard.and(alternative.guard()), alternative.value());
      }
    } else if (!guard.isNever()) {
      into.add(new Alternative(guard, value));
    }
  }

  private String keyName(AttrKey key, Env env) {
    if (key.name() != null) {
      return key.name();
    }
    Value value = eval(key.dynamic(), env);
    if (value instanceof Str str && str.pieces().stream().allMatch(p -> p instanceof Text)) {
      StringBuilder out = new StringBuilder();
      str.pieces().forEach(p -> out.append(((Text) p).text()));
      return out.toString();
    }
    return null;
  }

  private Value lookup(String name, SourceSpan span, Env env) {
    Thunk lexical = env.lexical(name);
    if (lexical != null) {
      return lexical.force();
    }
    for (Env scope = env; scope != null; scope = scope.parent) {
      if (scope.withScope == null) {
        continue;
      }
      Value with = scope.withScope.force();
      if (with instanceof Attrs attrs) {
        Entry entry = attrs.entries().get(name);
        if (entry != null) {
          return entry.thunk().force();
        }
        if (attrs.open()) {
          return UNKNOWN;
        }
      } else if (with instanceof Pkg pkg) {
        return pkgMember(pkg.instance(), append(pkg.path(), name), span);
      } else {
        return UNKNOWN;
      }
    }
    return UNKNOWN;
  }

  /** Selects {@code name}; null when a closed attribute set lacks it (so that {@code or} applies). */
  private Value select(Value target, String name, SourceSpan span) {
    step();
    if (target instanceof Attrs attrs) {
      Entry entry = attrs.entries().get(name);
      if (entry == null) {
        return attrs.open() ? UNKNOWN : null;
      }
      return entry.thunk().force();
    }
    if (target instanceof Pkg pkg) {
      return pkgMember(pkg.instance(), append(pkg.path(), name), pkg.path().isEmpty() ? span : pkg.span());
    }
    if (target instanceof Input input) {
      return switch (name) {
        case "lib" -> new Pkg(null, List.of("lib"), span);
        case "legacyPackages" -> new Builtin("legacyPackages", null, List.of(input), span);
        default -> UNKNOWN;
      };
    }
    if (target instanceof Builtin builtin && builtin.name().equals("legacyPackages")) {
      return legacyPackages(builtin);
    }
    if (target instanceof Shell shell && shell.kind() == ShellKind.FHS_ENV && name.equals("env")) {
      return new Shell(ShellKind.FHS_SHELL, shell.builder(), shell.instance(), shell.attributes(), shell.span());
    }
    if (target instanceof Choice choice) {
      List<Alternative> alternatives = new ArrayList<>();
      for (Alternative alternative : choice.alternatives()) {
        Value selected = select(alternative.value(), name, span);
        addAlternative(alternatives, alternative.guard(), selected == null ? UNKNOWN : selected);
      }
      return new Choice(alternatives);
    }
    return UNKNOWN;
  }

  private Value selectDynamic(Value target) {
    if (target instanceof Builtin builtin && builtin.name().equals("legacyPackages")) {
      return legacyPackages(builtin);
    }
    return UNKNOWN;
  }

  private Value legacyPackages(Builtin builtin) {
    String input = ((Input) builtin.args().get(0)).name();
    NixpkgsInstance instance =
        new NixpkgsInstance(input, Tristate.FALSE, Tristate.FALSE, Tristate.FALSE, builtin.span(), null);
    return new Pkg(instance, List.of(), builtin.span());
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new ArrayList<>(path.size() + 1);
    longer.addAll(path);
    longer.add(name);
    return List.copyOf(longer);
  }

  /** What {@code pkgs.<path>} is: a known function, a platform test, or a package. */
  private Value pkgMember(NixpkgsInstance instance, List<String> path, SourceSpan span) {
    String last = path.get(path.size() - 1);
    if (path.size() == 1) {
      switch (last) {
        case "mkShell", "mkShellNoCC", "buildFHSEnv", "buildFHSUserEnv", "buildFHSEnvBubblewrap",
            "buildFHSEnvChroot":
          return new Builtin(last, instance, List.of(), span);
        case "system", "config", "callPackage", "writeShellScriptBin", "writeText", "fetchurl", "fetchFromGitHub",
            "runCommand", "symlinkJoin", "stdenvNoCC":
          if (!last.equals("stdenvNoCC")) {
            return UNKNOWN;
          }
          break;
        default:
          break;
      }
    }
    if (path.get(0).equals("lib") && path.size() >= 2) {
      return switch (last) {
        case "optionals", "optional", "optionalString", "makeLibraryPath", "genAttrs", "eachDefaultSystem",
            "eachSystem", "optionalAttrs" -> new Builtin(last, instance, List.of(), span);
        case "defaultSystems" -> systemsList(DEFAULT_SYSTEMS, span);
        default -> path.size() > 2 ? UNKNOWN : new Pkg(instance, path, span);
      };
    }
    if (last.equals("isLinux") || last.equals("isDarwin")) {
      if (path.contains("stdenv") || path.contains("hostPlatform") || path.contains("buildPlatform")
          || path.contains("targetPlatform")) {
        return new Platform(last.equals("isLinux") ? PlatformGuard.LINUX_ONLY : PlatformGuard.DARWIN_ONLY);
      }
    }
    if (last.startsWith("is") && last.length() > 2 && Character.isUpperCase(last.charAt(2))
        && path.size() > 1 && (path.contains("stdenv") || path.contains("hostPlatform"))) {
      return UNKNOWN;
    }
    if (path.size() > 1 && (path.get(0).equals("stdenv") || path.contains("hostPlatform"))
        && (last.equals("system") || last.equals("hostPlatform") && path.size() > 2)) {
      return UNKNOWN;
    }
    return new Pkg(instance, path, span);
  }

  private static Value systemsList(Set<String> systems, SourceSpan span) {
    List<Item> items = new ArrayList<>();
    for (String system : new TreeSet<>(systems)) {
      items.add(new Item(new Str(List.of(new Text(system)), span), PlatformGuard.ALWAYS));
    }
    return new ListV(items);
  }

  Value apply(Value function, Thunk argument, SourceSpan span) {
    step();
    if (function instanceof Closure closure) {
      if (++callDepth > MAX_CALL_DEPTH) {
        callDepth--;
        return UNKNOWN;
      }
      try {
        return applyClosure(closure, argument);
      } finally {
        callDepth--;
      }
    }
    if (function instanceof Builtin builtin) {
      return applyBuiltin(builtin, argument, span);
    }
    if (function instanceof Pkg pkg && !pkg.path().isEmpty()
        && PASSTHROUGH_FUNCTIONS.contains(pkg.path().get(pkg.path().size() - 1))) {
      return new Pkg(pkg.instance(), pkg.path().subList(0, pkg.path().size() - 1), pkg.span());
    }
    if (function instanceof Choice choice) {
      List<Alternative> alternatives = new ArrayList<>();
      for (Alternative alternative : choice.alternatives()) {
        addAlternative(alternatives, alternative.guard(), apply(alternative.value(), argument, span));
      }
      return new Choice(alternatives);
    }
    return UNKNOWN;
  }

  private Value applyClosure(Closure closure, Thunk argument) {
    Expr.Lambda lambda = closure.lambda();
    Map<String, Thunk> scope = new HashMap<>();
    Env inner = closure.env().bind(scope);
    if (lambda.param() != null) {
      scope.put(lambda.param(), argument);
    }
    if (lambda.formals() != null) {
      Value value = argument.force();
      Attrs attrs = value instanceof Attrs a ? a : null;
      for (Expr.Formal formal : lambda.formals()) {
        Entry entry = attrs == null ? null : attrs.entries().get(formal.name());
        if (entry != null) {
          scope.put(formal.name(), entry.thunk());
        } else if (formal.fallback() != null && (attrs == null || !attrs.open())) {
          Expr fallback = formal.fallback();
          scope.put(formal.name(), new Thunk(() -> eval(fallback, inner)));
        } else {
          scope.put(formal.name(), Thunk.of(UNKNOWN));
        }
      }
    }
    return eval(lambda.body(), inner);
  }

  private Value applyBuiltin(Builtin builtin, Thunk argument, SourceSpan span) {
    List<Value> args = new ArrayList<>(builtin.args());
    args.add(argument.force());
    int arity = switch (builtin.name()) {
      case "optionals", "optional", "optionalString", "optionalAttrs", "genAttrs", "eachSystem" -> 2;
      default -> 1;
    };
    if (args.size() < arity) {
      return new Builtin(builtin.name(), builtin.instance(), args, builtin.span());
    }
    switch (builtin.name()) {
      case "import": {
        Value target = args.get(0);
        if (target instanceof Input input) {
          return new Builtin("importNixpkgs", null, List.of(input), span);
        }
        return UNKNOWN;
      }
      case "importNixpkgs":
        return new Pkg(nixpkgsInstance(((Input) args.get(0)).name(), args.get(1), builtin.span()), List.of(),
            builtin.span());
      case "mkShell", "mkShellNoCC":
        return args.get(0) instanceof Attrs attrs
            ? new Shell(ShellKind.MK_SHELL, builtin.name(), builtin.instance(), attrs, builtin.span())
            : UNKNOWN;
      case "buildFHSEnv", "buildFHSUserEnv", "buildFHSEnvBubblewrap", "buildFHSEnvChroot":
        return args.get(0) instanceof Attrs attrs
            ? new Shell(ShellKind.FHS_ENV, builtin.name(), builtin.instance(), attrs, builtin.span())
            : UNKNOWN;
      case "makeLibraryPath":
        return new LibPath(args.get(0), builtin.span());
      case "optionals":
        return guarded(args.get(0), args.get(1), true);
      case "optional":
        return guarded(args.get(0), args.get(1), false);
      case "optionalString": {
        Value condition = args.get(0);
        if (condition instanceof Bool bool) {
          return bool.value() ? args.get(1) : new Str(List.of(), span);
        }
        return UNKNOWN;
      }
      case "optionalAttrs": {
        Value condition = args.get(0);
        if (condition instanceof Bool bool) {
          return bool.value() ? args.get(1) : new Attrs(Map.of(), false);
        }
        return UNKNOWN;
      }
      case "eachDefaultSystem":
        return new PerSystem(DEFAULT_SYSTEMS, apply(args.get(0), Thunk.of(UNKNOWN), span));
      case "eachSystem":
        return new PerSystem(strings(args.get(0)), apply(args.get(1), Thunk.of(UNKNOWN), span));
      case "genAttrs": {
        Set<String> names = strings(args.get(0));
        if (names == null) {
          return UNKNOWN;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        Value function = args.get(1);
        for (String name : names) {
          Value nameValue = new Str(List.of(new Text(name)), span);
          entries.put(name, new Entry(new Thunk(() -> apply(function, Thunk.of(nameValue), span)), span));
        }
        return new Attrs(entries, false);
      }
      default:
        return UNKNOWN;
    }
  }

  /** {@code lib.optionals cond list} ({@code many}) or {@code lib.optional cond item}. */
  private Value guarded(Value condition, Value value, boolean many) {
    Value list = many ? value : new ListV(List.of(new Item(value, PlatformGuard.ALWAYS)));
    if (condition instanceof Bool bool) {
      return bool.value() ? list : new ListV(List.of());
    }
    if (condition instanceof Platform platform) {
      List<Item> items = items(list);
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

  /** The literal strings of a list, or null when not all are known. */
  private static Set<String> strings(Value value) {
    if (!(value instanceof ListV list)) {
      return null;
    }
    Set<String> strings = new LinkedHashSet<>();
    for (Item item : list.items()) {
      if (!(item.value() instanceof Str str) || !str.pieces().stream().allMatch(p -> p instanceof Text)) {
        return null;
      }
      StringBuilder out = new StringBuilder();
      str.pieces().forEach(p -> out.append(((Text) p).text()));
      strings.add(out.toString());
    }
    return strings;
  }

  /** The items of a list value, a platform choice of lists included; null when it is not a known list. */
  private static List<Item> items(Value value) {
    if (value instanceof ListV list) {
      return list.items();
    }
    if (value instanceof Choice choice) {
      List<Item> items = new ArrayList<>();
      for (Alternative alternative : choice.alternatives()) {
        List<Item> inner = items(alternative.value());
        if (inner == null) {
          return null;
        }
        for (Item item : inner) {
          PlatformGuard guard = item.guard().and(alternative.guard());
          if (!guard.isNever()) {
            items.add(new Item(item.value(), guard));
          }
        }
      }
      return items;
    }
    return null;
  }

  private NixpkgsInstance nixpkgsInstance(String input, Value arguments, SourceSpan span) {
    if (!(arguments instanceof Attrs args)) {
      return new NixpkgsInstance(input, Tristate.UNKNOWN, Tristate.UNKNOWN, Tristate.UNKNOWN, span, null);
    }
    Entry configEntry = args.entries().get("config");
    if (configEntry == null) {
      Tristate absent = args.open() ? Tristate.UNKNOWN : Tristate.FALSE;
      return new NixpkgsInstance(input, absent, absent, absent, span, null);
    }
    Value config = configEntry.thunk().force();
    if (!(config instanceof Attrs configAttrs)) {
      return new NixpkgsInstance(input, Tristate.UNKNOWN, Tristate.UNKNOWN, Tristate.UNKNOWN, span, null);
    }
    Tristate absent = configAttrs.open() ? Tristate.UNKNOWN : Tristate.FALSE;
    Tristate allowUnfree = flag(configAttrs, "allowUnfree", absent);
    Entry predicate = configAttrs.entries().get("allowUnfreePredicate");
    Tristate allowUnfreePredicate = predicate != null ? Tristate.TRUE : absent;
    Tristate cudaSupport = flag(configAttrs, "cudaSupport", absent);
    Entry cudaEntry = configAttrs.entries().get("cudaSupport");
    return new NixpkgsInstance(input, allowUnfree, allowUnfreePredicate, cudaSupport, span,
        cudaEntry == null ? null : cudaEntry.keySpan());
  }

  private static Tristate flag(Attrs attrs, String name, Tristate absent) {
    Entry entry = attrs.entries().get(name);
    if (entry == null) {
      return absent;
    }
    Value value = entry.thunk().force();
    return value instanceof Bool bool ? Tristate.of(bool.value()) : Tristate.UNKNOWN;
  }

  private Value binary(Expr.BinOp op, Env env) {
    Value left = eval(op.left(), env);
    switch (op.op()) {
      case "++": {
        Value right = eval(op.right(), env);
        List<Item> l = items(left);
        List<Item> r = items(right);
        if (l == null || r == null) {
          return UNKNOWN;
        }
        List<Item> all = new ArrayList<>(l);
        all.addAll(r);
        return new ListV(all);
      }
      case "//": {
        Value right = eval(op.right(), env);
        return update(left, right);
      }
      case "+": {
        Value right = eval(op.right(), env);
        if (left instanceof Str l && right instanceof Str r) {
          List<Piece> pieces = new ArrayList<>(l.pieces());
          pieces.addAll(r.pieces());
          return new Str(pieces, l.span());
        }
        return UNKNOWN;
      }
      case "&&", "||": {
        boolean and = op.op().equals("&&");
        if (left instanceof Bool bool && bool.value() != and) {
          return bool;
        }
        Value right = eval(op.right(), env);
        if (left instanceof Bool) {
          return right instanceof Bool || right instanceof Platform ? right : UNKNOWN;
        }
        if (left instanceof Platform l) {
          if (right instanceof Platform r) {
            return new Platform(and ? l.guard().and(r.guard()) : l.guard().or(r.guard()));
          }
          if (right instanceof Bool r) {
            return r.value() == and ? l : r;
          }
        }
        return UNKNOWN;
      }
      case "==", "!=": {
        Value right = eval(op.right(), env);
        String l = literalText(left);
        String r = literalText(right);
        if (l != null && r != null) {
          return new Bool(l.equals(r) == op.op().equals("=="));
        }
        return UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private static String literalText(Value value) {
    if (value instanceof Str str && str.pieces().stream().allMatch(p -> p instanceof Text)) {
      StringBuilder out = new StringBuilder();
      str.pieces().forEach(p -> out.append(((Text) p).text()));
      return out.toString();
    }
    return null;
  }

  private static Value update(Value left, Value right) {
    if (left instanceof PerSystem perSystem) {
      return new PerSystem(perSystem.systems(), update(perSystem.outputs(), right));
    }
    Attrs l = left instanceof Attrs a ? a : null;
    Attrs r = right instanceof Attrs a ? a : null;
    if (l == null && r == null) {
      return UNKNOWN;
    }
    Map<String, Entry> merged = new LinkedHashMap<>();
    boolean open = false;
    if (l != null) {
      merged.putAll(l.entries());
      open |= l.open();
    } else {
      open = true;
    }
    if (r != null) {
      merged.putAll(r.entries());
      open |= r.open();
    } else {
      // the right side is unknown and wins over anything on the left
      return new Attrs(Map.of(), true);
    }
    return new Attrs(merged, open);
  }

  // ---------------------------------------------------------------- attribute sets

  private Value attrSet(List<Binding> bindings, boolean recursive, Env env) {
    if (!recursive) {
      return buildAttrs(bindings, env, env, null);
    }
    Map<String, Thunk> scope = new HashMap<>();
    Env inner = env.bind(scope);
    Attrs attrs = buildAttrs(bindings, inner, env, scope);
    for (Map.Entry<String, Entry> entry : attrs.entries().entrySet()) {
      scope.put(entry.getKey(), entry.getValue().thunk());
    }
    return attrs;
  }

  /** A tree of attribute definitions, so that {@code a.b = 1; a.c = 2;} and {@code a = { … };} merge. */
  private static final class Node {
    final Map<String, Object> children = new LinkedHashMap<>(); // Node or Entry
    final Map<String, SourceSpan> spans = new HashMap<>();
    boolean open;
  }

  /**
   * Builds the attributes of a set or {@code let}: values evaluate in {@code valueEnv}, plain {@code inherit}
   * looks names up in {@code inheritEnv} (the enclosing scope).
   */
  private Attrs buildAttrs(List<Binding> bindings, Env valueEnv, Env inheritEnv, Map<String, Thunk> unused) {
    Node root = new Node();
    addBindings(root, bindings, valueEnv, inheritEnv);
    return toAttrs(root);
  }

  private void addBindings(Node node, List<Binding> bindings, Env valueEnv, Env inheritEnv) {
    for (Binding binding : bindings) {
      if (binding instanceof Expr.Inherit inherit) {
        for (AttrKey key : inherit.names()) {
          if (key.name() == null) {
            node.open = true;
            continue;
          }
          String name = key.name();
          Thunk thunk;
          if (inherit.from() == null) {
            thunk = new Thunk(() -> lookup(name, key.span(), inheritEnv));
          } else {
            Thunk from = new Thunk(() -> eval(inherit.from(), valueEnv));
            thunk = new Thunk(() -> {
              Value selected = select(from.force(), name, key.span());
              return selected == null ? UNKNOWN : selected;
            });
          }
          node.children.put(name, new Entry(thunk, key.span()));
          node.spans.put(name, key.span());
        }
      } else if (binding instanceof Expr.Define define) {
        Node target = node;
        List<AttrKey> path = define.path();
        SourceSpan bindingSpan = path.get(0).span();
        boolean dynamic = false;
        for (int i = 0; i < path.size() - 1 && !dynamic; i++) {
          String name = keyName(path.get(i), valueEnv);
          if (name == null) {
            target.open = true;
            dynamic = true;
            break;
          }
          Object child = target.children.get(name);
          if (!(child instanceof Node)) {
            Node fresh = new Node();
            if (child instanceof Entry) {
              fresh.open = true; // merging into a non-literal value: keep what we know, admit the rest
            }
            target.children.put(name, fresh);
            target.spans.putIfAbsent(name, path.get(i).span());
            child = fresh;
          }
          target = (Node) child;
        }
        if (dynamic) {
          continue;
        }
        String name = keyName(path.get(path.size() - 1), valueEnv);
        if (name == null) {
          target.open = true;
          continue;
        }
        Expr value = define.value();
        if (value instanceof Expr.AttrSet literal && !literal.recursive()) {
          Object child = target.children.get(name);
          Node sub = child instanceof Node existing ? existing : new Node();
          target.children.put(name, sub);
          target.spans.putIfAbsent(name, bindingSpan);
          addBindings(sub, literal.bindings(), valueEnv, valueEnv);
        } else {
          target.children.put(name, new Entry(new Thunk(() -> eval(value, valueEnv)), bindingSpan));
          target.spans.put(name, bindingSpan);
        }
      }
    }
  }

  private Attrs toAttrs(Node node) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Object> child : node.children.entrySet()) {
      if (child.getValue() instanceof Node sub) {
        Attrs attrs = toAttrs(sub);
        entries.put(child.getKey(), new Entry(Thunk.of(attrs), node.spans.get(child.getKey())));
      } else {
        entries.put(child.getKey(), (Entry) child.getValue());
      }
    }
    return new Attrs(entries, node.open);
  }

  private Value get(Attrs attrs, String name) {
    Entry entry = attrs.entries().get(name);
    return entry == null ? UNKNOWN : entry.thunk().force();
  }
}
