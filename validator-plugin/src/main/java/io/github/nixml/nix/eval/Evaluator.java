package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Alternative;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Choice;
import io.github.nixml.nix.eval.Value.Closure;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Failure;
import io.github.nixml.nix.eval.Value.FailureKind;
import io.github.nixml.nix.eval.Value.Foreign;
import io.github.nixml.nix.eval.Value.Interpolation;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Native;
import io.github.nixml.nix.eval.Value.Piece;
import io.github.nixml.nix.eval.Value.Platform;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.eval.Value.Text;
import io.github.nixml.nix.eval.Value.Unknown;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small lazy evaluator over {@link Term}s. It knows the Nix language (scopes, {@code with}, {@code rec},
 * functions, operators, attribute-path merging) and nothing of nixpkgs: a {@link Host} answers for the values of
 * its domain. Evaluation is bounded (steps and call depth); what it cannot tell is {@link Value#UNKNOWN}.
 *
 * <p>In {@link Mode#LITERAL} only literal values are computed (strings, booleans, attribute sets, names bound by
 * {@code let} or {@code rec}); calls, {@code with}, operators and conditions are unknown.
 */
public final class Evaluator {
  private static final Value UNKNOWN = Value.UNKNOWN;
  /** Evaluation steps per file; a file that needs more is not understood. */
  private static final int STEP_BUDGET = 200_000;
  private static final int MAX_CALL_DEPTH = 120;

  /** How much of the language to evaluate. */
  public enum Mode { SYMBOLIC, LITERAL }

  /** Thrown when a file needs more steps than the budget allows; callers treat the file as not understood. */
  public static final class Exhausted extends RuntimeException {
    Exhausted() {
      super(null, null, false, false);
    }
  }

  private final Host host;
  private final Mode mode;
  private final String text;
  /** The directory relative paths resolve against ({@code /abs/dir}); null when unknown. */
  private final String directory;
  private final AttrSetBuilder attrSets = new AttrSetBuilder(this);
  private final Imports imports = new Imports(this);
  private final int stepBudget;
  private int steps;
  private int callDepth;

  public Evaluator(Host host, Mode mode, String text) {
    this(host, mode, text, null);
  }

  /** {@code directory}: the absolute directory of the file, against which {@code ./a} resolves; null: unknown. */
  public Evaluator(Host host, Mode mode, String text, String directory) {
    this(host, mode, text, directory, STEP_BUDGET);
  }

  private Evaluator(Host host, Mode mode, String text, String directory, int stepBudget) {
    this.host = host;
    this.mode = mode;
    this.text = text;
    this.directory = directory;
    this.stepBudget = stepBudget;
  }

  /**
   * An evaluator for one of nixml's own library sources, whose value many projects share: no host (the source is
   * plain Nix, it names builtins only) and no step budget (each of its thunks is forced once, however many
   * projects read it, so its steps are bounded by the source; a budget spent across projects would make one
   * project's result depend on the ones before it).
   */
  public static Evaluator library(String text) {
    return new Evaluator(Host.NONE, Mode.SYMBOLIC, text, null, Integer.MAX_VALUE);
  }

  /** Whether values the host knows symbolically (packages) are kept in strings as pieces. */
  boolean symbolic() {
    return mode == Mode.SYMBOLIC;
  }

  Host host() {
    return host;
  }

  Imports imports() {
    return imports;
  }

  /**
   * {@code import path}: the value of a local file under the host's readable root (see {@link Imports}); unknown
   * when it cannot be read, with the reason in {@link #importProblems()}.
   */
  public Value importFile(Value path, SourceSpan at) {
    return imports.load(path, at);
  }

  /**
   * {@code builtins.fromTOML (builtins.readFile path)} of a local file, every key and array element positioned in
   * that file (numtide devshell's {@code importTOML}); unknown when the file cannot be read (the reason in
   * {@link #importProblems()}), a failure where Nix would stop.
   */
  public Value tomlFile(Value path, SourceSpan at) {
    return imports.read(path, at).map(file -> DataBuiltins.fromTomlFile(file, at)).orElse(UNKNOWN);
  }

  /** Each imported file that stayed unknown, with the reason (outside the root, missing, rejected, a cycle). */
  public Map<String, String> importProblems() {
    return imports.problems();
  }

  /** The text of an imported file by its name ({@link SourceSpan#file()}); null when none of that name was read. */
  public String importedText(String file) {
    Imports.ImportedFile imported = imports.file(file);
    return imported == null ? null : imported.text();
  }

  /** The literal value of a term (see {@link Mode#LITERAL}); unknown when it has none. Never throws. */
  public static Value literal(Term term, String text) {
    try {
      Evaluator evaluator = new Evaluator(Host.NONE, Mode.LITERAL, text);
      return evaluator.eval(term, evaluator.rootEnv());
    } catch (Exhausted | StackOverflowError e) {
      return UNKNOWN;
    }
  }

  /**
   * The top-level scope: {@code true}, {@code false}, {@code null}; in {@code SYMBOLIC} mode also {@code builtins}
   * and the names Nix puts beside it ({@code map}, {@code toString}, {@code __add}…), then the host's globals.
   */
  public Env rootEnv() {
    if (mode == Mode.LITERAL) {
      return LITERAL_ROOT;
    }
    Env root = SYMBOLIC_ROOT;
    Map<String, Value> hostGlobals = host.globals();
    if (!hostGlobals.isEmpty()) {
      Map<String, Thunk> extra = new HashMap<>();
      hostGlobals.forEach((name, value) -> extra.put(name, Thunk.of(value)));
      root = root.bind(extra);
    }
    return root;
  }

  /**
   * The top-level scopes, built once per JVM and shared by every evaluator and thread: they hold only forced thunks
   * ({@link Thunk#of}), which are never written again. Rebuilding the builtins' scope (about 150 names) for every
   * file was a large part of the per-project cost in a monorepo.
   */
  private static final Env LITERAL_ROOT = Env.root(Map.copyOf(constants(new HashMap<>())));

  private static final Env SYMBOLIC_ROOT = symbolicRoot();

  private static Map<String, Thunk> constants(Map<String, Thunk> globals) {
    globals.put("true", Thunk.of(new Bool(true)));
    globals.put("false", Thunk.of(new Bool(false)));
    globals.put("null", Thunk.of(new Value.Null()));
    return globals;
  }

  private static Env symbolicRoot() {
    Map<String, Thunk> globals = constants(new HashMap<>());
    Builtins.globals().forEach((name, value) -> globals.put(name, Thunk.of(value)));
    return Env.root(Map.copyOf(globals));
  }

  void step() {
    if (++steps > stepBudget) {
      throw new Exhausted();
    }
  }

  /**
   * The source text of a span, for messages and for interpolations kept as written; empty for a span outside the
   * text (a term of another source, such as nixml's own {@code lib}).
   */
  public String source(SourceSpan span) {
    String text = span == null ? null : span.file() == null ? this.text : importedText(span.file());
    if (text == null || span.offset() > text.length()) {
      return "";
    }
    return text.substring(span.offset(), Math.min(text.length(), span.offset() + span.length()));
  }

  public Value eval(Term term, Env env) {
    step();
    if (term instanceof Term.Ident ident) {
      return lookup(ident.name(), ident.span(), env);
    }
    if (term instanceof Term.Literal literal) {
      return literal(literal);
    }
    if (term instanceof Term.Str str) {
      return string(str, env);
    }
    if (term instanceof Term.AttrSet set) {
      return attrSets.attrSet(set.bindings(), set.recursive(), env);
    }
    if (term instanceof Term.Let let) {
      return eval(let.body(), attrSets.let(let.bindings(), env));
    }
    if (mode == Mode.LITERAL) {
      return UNKNOWN;
    }
    if (term instanceof Term.ListOf list) {
      List<Item> items = new ArrayList<>();
      for (Term item : list.items()) {
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
    if (term instanceof Term.With with) {
      Thunk scope = new Thunk(() -> eval(with.scope(), env));
      return eval(with.body(), env.with(scope));
    }
    if (term instanceof Term.Assert assertion) {
      Value condition = eval(assertion.condition(), env);
      if (condition instanceof Bool bool && !bool.value()) {
        return new Failure(FailureKind.ASSERTION, "assertion '" + source(assertion.condition().span()) + "' failed",
            assertion.span());
      }
      Value wrong = Types.expect(condition, "a Boolean", assertion.condition().span(), Bool.class, Platform.class);
      return wrong != null ? wrong : eval(assertion.body(), env);
    }
    if (term instanceof Term.If conditional) {
      Value condition = eval(conditional.condition(), env);
      if (condition instanceof Choice choice) {
        condition = choiceOf(choice.alternatives());
      }
      if (condition instanceof Bool bool) {
        return eval(bool.value() ? conditional.then() : conditional.otherwise(), env);
      }
      if (condition instanceof Platform platform) {
        return choice(platform.guard(), eval(conditional.then(), env), eval(conditional.otherwise(), env));
      }
      Value wrong = Types.expect(condition, "a Boolean", conditional.condition().span());
      return wrong != null ? wrong : UNKNOWN;
    }
    if (term instanceof Term.Lambda lambda) {
      return new Closure(lambda, env);
    }
    if (term instanceof Term.Apply application) {
      Value function = eval(application.function(), env);
      Thunk argument = new Thunk(() -> eval(application.argument(), env));
      return apply(function, argument, application.span());
    }
    if (term instanceof Term.Select select) {
      return select(select, env);
    }
    if (term instanceof Term.HasAttr hasAttr) {
      return hasAttr(hasAttr, env);
    }
    if (term instanceof Term.BinOp op) {
      return Operators.binary(this, op, env);
    }
    if (term instanceof Term.UnOp op) {
      return Operators.unary(this, op, env);
    }
    return UNKNOWN;
  }

  /**
   * Numbers, URIs (strings) and paths; what depends on the machine ({@code ~/a}) is unknown, and so is a search path
   * ({@code <nixpkgs>}) unless the host stands in a value for it.
   */
  private Value literal(Term.Literal literal) {
    String text = literal.text();
    switch (literal.kind()) {
      case URI:
        return Str.of(text, literal.span());
      case INTEGER:
        if (mode == Mode.LITERAL) {
          return UNKNOWN;
        }
        try {
          return new Value.Int(Long.parseLong(text));
        } catch (NumberFormatException e) {
          return new Failure(FailureKind.OTHER, "invalid integer '" + text + "'", literal.span());
        }
      case FLOAT:
        return mode == Mode.LITERAL ? UNKNOWN : new Value.Float(Double.parseDouble(text));
      case PATH:
        String base = directory;
        if (literal.span() != null && literal.span().file() != null) {
          Imports.ImportedFile imported = imports.file(literal.span().file());
          base = imported == null ? null : imported.directory();
        }
        if (mode == Mode.LITERAL || (!text.startsWith("/") && base == null)) {
          return UNKNOWN;
        }
        return new Value.Path(Paths.canonical(text.startsWith("/") ? text : base + "/" + text));
      case SEARCH_PATH:
        return mode == Mode.LITERAL ? UNKNOWN : host.searchPath(this, text, literal.span());
      default:
        return UNKNOWN;
    }
  }

  /** {@code target.a.b or fallback}: a missing attribute or a non-set fails, unless there is a fallback. */
  private Value select(Term.Select select, Env env) {
    Value target = eval(select.target(), env);
    boolean hasFallback = select.fallback() != null;
    for (Term.AttrKey key : select.path()) {
      if (target instanceof Failure) {
        return target;
      }
      Value dynamic = dynamicKey(key, env);
      if (dynamic instanceof Failure) {
        return dynamic;
      }
      String name = key.name() != null ? key.name() : dynamic instanceof Str str ? str.literal() : null;
      // a native function may be a host's ({@code pkgs.mkShell.override}): the host answers
      if (name != null && Types.isData(target) && !(target instanceof Attrs || target instanceof Native)) {
        if (!hasFallback) {
          return Types.mismatch(target, "a set", select.span());
        }
        target = null;
        break;
      }
      if (name == null && dynamic instanceof Choice keys && (target instanceof Attrs || target instanceof Foreign)) {
        target = selectPerPlatform(target, keys, select.span());
        continue;
      }
      Value from = target;
      target = name == null ? selectDynamic(target) : select(target, name, select.span());
      if (target == null) {
        if (!hasFallback) {
          return new Failure(systemLevelMissed(from, name) ? FailureKind.SYSTEM_LEVEL : FailureKind.MISSING_ATTRIBUTE,
              "attribute '" + name + "' missing", key.span());
        }
        break;
      }
    }
    if (target == null) {
      return hasFallback ? eval(select.fallback(), env) : UNKNOWN;
    }
    // `x.imports or [ ]` where the model cannot read x.imports: Nix takes the default only for a missing attribute,
    // and an unknown one may be there
    return target;
  }

  /**
   * Whether a name missing from a closed set misses the per-system level: a set whose names are all systems selected
   * by another name, or a system selected from a set that has no system among its names.
   */
  private static boolean systemLevelMissed(Value set, String name) {
    if (!(set instanceof Attrs attrs) || attrs.entries().isEmpty()) {
      return false;
    }
    long systems = attrs.entries().keySet().stream().filter(PlatformGuard::isSystemDouble).count();
    return PlatformGuard.isSystemDouble(name) ? systems == 0 : systems == attrs.entries().size();
  }

  /** {@code target ? a.b}: false as soon as a step is not a set or lacks the name. */
  private Value hasAttr(Term.HasAttr hasAttr, Env env) {
    Value target = eval(hasAttr.target(), env);
    List<Term.AttrKey> path = hasAttr.path();
    for (int i = 0; i < path.size(); i++) {
      if (target instanceof Failure) {
        return target;
      }
      Value dynamic = dynamicKey(path.get(i), env);
      if (dynamic instanceof Failure) {
        return dynamic;
      }
      String name = path.get(i).name() != null ? path.get(i).name()
          : dynamic instanceof Str str ? str.literal() : null;
      if (target instanceof Attrs attrs && name != null) {
        Entry entry = attrs.entries().get(name);
        if (entry == null) {
          return attrs.open() ? UNKNOWN : new Bool(false);
        }
        // the last attribute's value is not needed, only its presence
        target = i == path.size() - 1 ? target : entry.thunk().force();
      } else if (Types.isData(target) && !(target instanceof Attrs || target instanceof Native)) {
        return new Bool(false);
      } else if (target instanceof Foreign foreign && name != null) {
        Value has = host.hasAttr(this, foreign, name);
        if (!(has instanceof Bool present) || !present.value() || i == path.size() - 1) {
          return has instanceof Bool ? has : UNKNOWN;
        }
        Value member = host.select(this, foreign, name, hasAttr.span());
        target = member == null ? UNKNOWN : member;
      } else {
        return UNKNOWN;
      }
    }
    return new Bool(true);
  }

  private Value string(Term.Str str, Env env) {
    List<Piece> pieces = new ArrayList<>();
    for (Object part : str.parts()) {
      if (part instanceof String literal) {
        pieces.add(new Text(literal));
        continue;
      }
      Term inner = (Term) part;
      Value value = eval(inner, env);
      if (mode == Mode.SYMBOLIC) {
        Value coerced = Coercion.interpolate(this, value, inner.span());
        if (coerced instanceof Failure) {
          return coerced;
        }
        pieces.add(new Interpolation(coerced, source(inner.span()).strip()));
      } else if (value instanceof Str known && known.literal() != null) {
        pieces.add(new Text(known.literal()));
      } else {
        return UNKNOWN;
      }
    }
    return new Str(pieces, str.span());
  }

  /** A platform-dependent value: {@code then} where the guard holds, {@code otherwise} elsewhere. */
  public static Value choice(PlatformGuard guard, Value then, Value otherwise) {
    List<Alternative> alternatives = new ArrayList<>();
    addAlternative(alternatives, guard, then);
    addAlternative(alternatives, guard.not(), otherwise);
    return new Choice(alternatives);
  }

  /**
   * The alternatives of a platform-dependent value: a choice's, or a platform test's {@code true} where it holds
   * and {@code false} elsewhere; null for any other value.
   */
  static List<Alternative> alternatives(Value value) {
    if (value instanceof Choice choice) {
      return choice.alternatives();
    }
    if (value instanceof Platform platform) {
      List<Alternative> alternatives = new ArrayList<>();
      addAlternative(alternatives, platform.guard(), new Bool(true));
      addAlternative(alternatives, platform.guard().not(), new Bool(false));
      return alternatives;
    }
    return null;
  }

  /**
   * A platform-dependent value from its alternatives, made as simple as it can be: alternatives with the same
   * plain value (a Boolean, number, null, known string) merge; Booleans alone make a platform test (true where they
   * are); a single alternative is its value.
   */
  public static Value choiceOf(List<Alternative> alternatives) {
    List<Alternative> merged = new ArrayList<>();
    for (Alternative alternative : alternatives) {
      List<Alternative> flat = new ArrayList<>();
      addAlternative(flat, alternative.guard(), alternative.value());
      for (Alternative one : flat) {
        int same = -1;
        for (int i = 0; i < merged.size() && same < 0; i++) {
          same = samePlainValue(merged.get(i).value(), one.value()) ? i : -1;
        }
        if (same >= 0) {
          Alternative earlier = merged.get(same);
          merged.set(same, new Alternative(earlier.guard().or(one.guard()), earlier.value()));
        } else {
          merged.add(one);
        }
      }
    }
    if (merged.isEmpty()) {
      return UNKNOWN;
    }
    if (merged.size() == 1) {
      return merged.get(0).value();
    }
    if (merged.stream().allMatch(alternative -> alternative.value() instanceof Bool)) {
      PlatformGuard holds = PlatformGuard.NEVER;
      for (Alternative alternative : merged) {
        holds = ((Bool) alternative.value()).value() ? holds.or(alternative.guard()) : holds;
      }
      return new Platform(holds);
    }
    return new Choice(merged);
  }

  private static boolean samePlainValue(Value a, Value b) {
    if (a instanceof Str x && b instanceof Str y) {
      return x.literal() != null && x.literal().equals(y.literal());
    }
    return (a instanceof Bool || a instanceof Value.Int || a instanceof Value.Null) && a.equals(b);
  }

  /**
   * One attribute set from a platform choice of sets: each attribute's value is the choice of its values, a list
   * absent on some platform being empty there; null when an alternative is not a set.
   */
  public static Attrs merge(Choice choice) {
    return merge(choice, UNKNOWN);
  }

  /**
   * An attribute that a platform choice of sets has on some platforms only, where it is missing: what selecting it
   * gives there ({@link #merge(Choice, Value)}).
   */
  public static final Failure ABSENT = new Failure(FailureKind.MISSING_ATTRIBUTE,
      "attribute missing on this platform", null);

  /**
   * As {@link #merge(Choice)}, an attribute that is not a list being {@code absent} on the platforms whose set lacks
   * it ({@link #ABSENT} for a shell's arguments: a variable merged under {@code optionalAttrs isLinux} is no variable
   * of the shell on Darwin).
   */
  public static Attrs merge(Choice choice, Value absent) {
    Map<String, Entry> first = new LinkedHashMap<>();
    boolean open = false;
    for (Alternative alternative : choice.alternatives()) {
      if (!(alternative.value() instanceof Attrs attrs)) {
        return null;
      }
      open |= attrs.open();
      attrs.entries().forEach((name, entry) -> first.putIfAbsent(name, entry));
    }
    Map<String, Entry> merged = new LinkedHashMap<>();
    first.forEach((name, entry) -> merged.put(name, new Entry(new Thunk(() -> {
      List<Alternative> values = new ArrayList<>();
      for (Alternative alternative : choice.alternatives()) {
        Entry own = ((Attrs) alternative.value()).entries().get(name);
        Value value = own != null ? own.thunk().force()
            : items(entry.thunk().force()) != null ? new ListV(List.of()) : absent;
        addAlternative(values, alternative.guard(), value);
      }
      // the same value on every platform (`python` in `{ inherit python; } // optionalAttrs isDarwin { … }`) is it
      return !values.isEmpty() && values.stream().allMatch(value -> value.value().equals(values.get(0).value()))
          ? values.get(0).value() : new Choice(values);
    }), entry.keySpan(), entry.nameSpan())));
    return new Attrs(merged, open);
  }

  static void addAlternative(List<Alternative> into, PlatformGuard guard, Value value) {
    if (value instanceof Choice nested) {
      for (Alternative alternative : nested.alternatives()) {
        addAlternative(into, guard.and(alternative.guard()), alternative.value());
      }
    } else if (!guard.isNever()) {
      into.add(new Alternative(guard, value));
    }
  }

  /** The name of an attribute key: static, or a dynamic one whose string is known; null otherwise. */
  /**
   * The value of a dynamic key ({@code ${e}}): a failure when it fails or is not a string, as Nix reads the name
   * before it looks at the set or a fallback; null for a plain name.
   */
  private Value dynamicKey(Term.AttrKey key, Env env) {
    if (key.name() != null) {
      return null;
    }
    Value value = eval(key.dynamic(), env);
    Value failure = Types.expect(value, "a string", key.span(), Str.class);
    return failure instanceof Failure ? failure : value;
  }

  /**
   * A name: the innermost lexical binding, else the innermost {@code with} that has it; undefined (a failure) when
   * every {@code with} scope is a closed set without it, unknown when one may have it.
   */
  Value lookup(String name, SourceSpan span, Env env) {
    Thunk lexical = env.lexical(name);
    if (lexical != null) {
      return lexical.force();
    }
    boolean skippedForeign = false;
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
      } else if (with instanceof Foreign foreign) {
        Value member = host.scopeMember(this, foreign, name, span);
        if (member != null) {
          return member;
        }
        skippedForeign = true; // the host's knowledge of a set's names may be partial: never "undefined" below
      } else {
        Value wrong = Types.expect(with, "a set", span);
        return wrong != null ? wrong : UNKNOWN;
      }
    }
    return mode == Mode.SYMBOLIC && !skippedForeign
        ? new Failure(FailureKind.OTHER, "undefined variable '" + name + "'", span) : UNKNOWN;
  }

  /** Selects {@code name}; null when a closed attribute set lacks it (so that {@code or} applies). */
  public Value select(Value target, String name, SourceSpan span) {
    step();
    if (target instanceof Failure) {
      return target;
    }
    if (target instanceof Attrs attrs) {
      Entry entry = attrs.entries().get(name);
      if (entry == null) {
        return attrs.open() ? UNKNOWN : null;
      }
      return entry.thunk().force();
    }
    if (target instanceof Foreign foreign) {
      return host.select(this, foreign, name, span);
    }
    if (target instanceof Native function) {
      return host.selectFromNative(this, function, name, span);
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

  /**
   * {@code target.${system}} with a name that differs per platform ({@code system} of {@code eachDefaultSystem}):
   * each platform's attribute, one value where they are all the same; unknown where one is missing or a name is not
   * a known string (Nix fails there, or the model cannot tell).
   */
  private Value selectPerPlatform(Value target, Choice keys, SourceSpan span) {
    List<Alternative> alternatives = new ArrayList<>();
    for (Alternative key : keys.alternatives()) {
      String name = key.value() instanceof Str str ? str.literal() : null;
      Value selected = name == null ? UNKNOWN : select(target, name, span);
      addAlternative(alternatives, key.guard(), selected == null ? UNKNOWN : selected);
    }
    Value first = alternatives.isEmpty() ? UNKNOWN : alternatives.get(0).value();
    if (alternatives.stream().allMatch(alternative -> alternative.value().equals(first))) {
      return first;
    }
    // the host's values that differ by the name alone (`legacyPackages.${system}`: one package set per system, each
    // knowing its system) stay one value, as for a name the host does not know as one string
    if (target instanceof Foreign && alternatives.stream().allMatch(alternative -> alternative.value()
        instanceof Foreign)) {
      Value one = selectDynamic(target);
      if (!(one instanceof Unknown)) {
        return one;
      }
    }
    return new Choice(alternatives);
  }

  private Value selectDynamic(Value target) {
    return target instanceof Foreign foreign ? host.selectDynamic(this, foreign) : UNKNOWN;
  }

  /** Applies a function to an argument; unknown when the function is not one the evaluator or host knows. */
  public Value apply(Value function, Thunk argument, SourceSpan span) {
    step();
    if (function instanceof Failure) {
      return function;
    }
    if (function instanceof Attrs attrs && attrs.entries().containsKey("__functor")) {
      Value functor = attrs.get("__functor");
      return apply(apply(functor, Thunk.of(attrs), span), argument, span);
    }
    if (!(function instanceof Closure || function instanceof Native) && Types.isData(function)
        && !(function instanceof Attrs attrs && attrs.open())) {
      return Types.mismatch(function, "a function", span);
    }
    if (function instanceof Closure closure) {
      if (++callDepth > MAX_CALL_DEPTH) {
        callDepth--;
        return UNKNOWN;
      }
      try {
        return applyClosure(closure, argument, span);
      } finally {
        callDepth--;
      }
    }
    if (function instanceof Native callable) {
      List<Thunk> args = new ArrayList<>(callable.thunks());
      args.add(argument);
      Native applied = new Native(callable.name(), callable.arity(), callable.body(), args, callable.span());
      return args.size() < callable.arity() ? applied : callable.body().call(this, applied, span);
    }
    if (function instanceof Foreign foreign) {
      return host.apply(this, foreign, argument, span);
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

  private Value applyClosure(Closure closure, Thunk argument, SourceSpan at) {
    Term.Lambda lambda = closure.lambda();
    Map<String, Thunk> scope = new HashMap<>();
    Env inner = closure.env().bind(scope);
    if (lambda.param() != null) {
      scope.put(lambda.param(), argument);
    }
    if (lambda.formals() != null) {
      Value value = argument.force();
      Value wrong = Types.expect(value, "a set", at, Attrs.class);
      if (wrong != null) {
        return wrong;
      }
      if (value instanceof Foreign foreign && lambda.ellipsis()) {
        bindForeignFormals(lambda, foreign, scope, inner, at);
        return eval(lambda.body(), inner);
      }
      Attrs attrs = value instanceof Attrs a ? a : null;
      Failure mismatch = attrs == null || attrs.open() ? null : formalsMismatch(lambda, attrs, at);
      if (mismatch != null) {
        return mismatch;
      }
      for (Term.Formal formal : lambda.formals()) {
        Entry entry = attrs == null ? null : attrs.entries().get(formal.name());
        if (entry != null) {
          scope.put(formal.name(), entry.thunk());
        } else if (formal.fallback() != null && (attrs == null || !attrs.open())) {
          Term fallback = formal.fallback();
          scope.put(formal.name(), new Thunk(() -> eval(fallback, inner)));
        } else {
          scope.put(formal.name(), Thunk.of(UNKNOWN));
        }
      }
    }
    return eval(lambda.body(), inner);
  }

  /**
   * {@code ({ stdenv, fetchurl, ... }: …) pkgs}: each formal is the host's attribute of that name; a default applies
   * where the host knows the attribute is absent. Only with {@code ...}: the host's sets hold more names than the
   * model can list, and without it Nix refuses every one of them.
   */
  private void bindForeignFormals(Term.Lambda lambda, Foreign foreign, Map<String, Thunk> scope, Env inner,
      SourceSpan at) {
    for (Term.Formal formal : lambda.formals()) {
      String name = formal.name();
      Term fallback = formal.fallback();
      scope.put(name, new Thunk(() -> {
        Value has = fallback == null ? new Bool(true) : host.hasAttr(this, foreign, name);
        if (!(has instanceof Bool present)) {
          return UNKNOWN;
        }
        if (!present.value()) {
          return eval(fallback, inner);
        }
        Value member = host.select(this, foreign, name, at);
        return member != null ? member : fallback != null ? eval(fallback, inner)
            : new Failure(FailureKind.TYPE, "function called without required argument '" + name + "'", at);
      }));
    }
  }

  /** A required formal the set lacks, or (without {@code ...}) a name it has that no formal takes. */
  private static Failure formalsMismatch(Term.Lambda lambda, Attrs attrs, SourceSpan at) {
    Set<String> names = new HashSet<>();
    for (Term.Formal formal : lambda.formals()) {
      names.add(formal.name());
      if (formal.fallback() == null && !attrs.entries().containsKey(formal.name())) {
        return new Failure(FailureKind.TYPE, "function called without required argument '" + formal.name() + "'",
            at);
      }
    }
    for (String name : attrs.entries().keySet()) {
      if (!lambda.ellipsis() && !names.contains(name)) {
        return new Failure(FailureKind.TYPE, "function called with unexpected argument '" + name + "'", at);
      }
    }
    return null;
  }

  /** {@code left // right}. */
  public Value update(Value left, Value right) {
    return Operators.update(this, left, right);
  }

  /** {@code left // right} where either side is foreign: the host decides. */
  Value updateForeign(Value left, Value right) {
    return host.update(this, left, right);
  }

  /** The literal strings of a list, or null when not all are known. */
  public static Set<String> strings(Value value) {
    if (!(value instanceof ListV list)) {
      return null;
    }
    Set<String> strings = new LinkedHashSet<>();
    for (Item item : list.items()) {
      String literal = item.value() instanceof Str str ? str.literal() : null;
      if (literal == null) {
        return null;
      }
      strings.add(literal);
    }
    return strings;
  }

  /** The items of a list value, a platform choice of lists included; null when it is not a known list. */
  public static List<Item> items(Value value) {
    return items(value, PlatformGuard.ALWAYS);
  }

  /**
   * The items of a list value on the platforms {@code within}: a choice's alternatives that cannot hold there are
   * left out, so that {@code if isDarwin then [ … ] else if isLinux then [ … ] else throw "unsupported"} is a list
   * on the systems a flake builds, which are all Linux or Darwin.
   */
  public static List<Item> items(Value value, PlatformGuard within) {
    if (value instanceof ListV list) {
      return list.items();
    }
    if (value instanceof Choice choice) {
      List<Item> items = new ArrayList<>();
      for (Alternative alternative : choice.alternatives()) {
        if (alternative.guard().and(within).isNever()) {
          continue;
        }
        List<Item> inner = items(alternative.value(), within);
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
}
