package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Alternative;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Choice;
import io.github.nixml.nix.eval.Value.Closure;
import io.github.nixml.nix.eval.Value.Entry;
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
  private final AttrSetBuilder attrSets = new AttrSetBuilder(this);
  private int steps;
  private int callDepth;

  public Evaluator(Host host, Mode mode, String text) {
    this.host = host;
    this.mode = mode;
    this.text = text;
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

  /** The top-level scope: {@code true}, {@code false}, {@code null} and the host's globals. */
  public Env rootEnv() {
    Map<String, Thunk> globals = new HashMap<>();
    globals.put("true", Thunk.of(new Bool(true)));
    globals.put("false", Thunk.of(new Bool(false)));
    globals.put("null", Thunk.of(new Value.Null()));
    if (mode == Mode.SYMBOLIC) {
      host.globals().forEach((name, value) -> globals.put(name, Thunk.of(value)));
    }
    return Env.root(globals);
  }

  void step() {
    if (++steps > STEP_BUDGET) {
      throw new Exhausted();
    }
  }

  /** The source text of a span, for messages and for interpolations kept as written. */
  public String source(SourceSpan span) {
    return text.substring(span.offset(), Math.min(text.length(), span.offset() + span.length()));
  }

  public Value eval(Term term, Env env) {
    step();
    if (term instanceof Term.Ident ident) {
      return lookup(ident.name(), ident.span(), env);
    }
    if (term instanceof Term.Literal literal) {
      // an unquoted URI is a string; other literals (numbers, paths) are opaque
      return mode == Mode.LITERAL && literal.text().matches("[a-zA-Z][a-zA-Z0-9+.-]*:.+")
          ? Str.of(literal.text(), literal.span()) : UNKNOWN;
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
      return eval(assertion.body(), env);
    }
    if (term instanceof Term.If conditional) {
      Value condition = eval(conditional.condition(), env);
      if (condition instanceof Bool bool) {
        return eval(bool.value() ? conditional.then() : conditional.otherwise(), env);
      }
      if (condition instanceof Platform platform) {
        return choice(platform.guard(), eval(conditional.then(), env), eval(conditional.otherwise(), env));
      }
      return UNKNOWN;
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
      Value target = eval(select.target(), env);
      for (Term.AttrKey key : select.path()) {
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
    if (term instanceof Term.BinOp op) {
      return Operators.binary(this, op, env);
    }
    if (term instanceof Term.UnOp op) {
      return Operators.unary(this, op, env);
    }
    return UNKNOWN;
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
        pieces.add(new Interpolation(value, source(inner.span()).strip()));
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
   * One attribute set from a platform choice of sets: each attribute's value is the choice of its values, a list
   * absent on some platform being empty there; null when an alternative is not a set.
   */
  public static Attrs merge(Choice choice) {
    Map<String, List<Alternative>> byName = new LinkedHashMap<>();
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
            : items(entry.thunk().force()) != null ? new ListV(List.of()) : UNKNOWN;
        addAlternative(values, alternative.guard(), value);
      }
      return values.size() == 1 ? values.get(0).value() : new Choice(values);
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
  String keyName(Term.AttrKey key, Env env) {
    if (key.name() != null) {
      return key.name();
    }
    return eval(key.dynamic(), env) instanceof Str str ? str.literal() : null;
  }

  Value lookup(String name, SourceSpan span, Env env) {
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
      } else if (with instanceof Foreign foreign) {
        return host.scopeMember(this, foreign, name, span);
      } else {
        return UNKNOWN;
      }
    }
    return UNKNOWN;
  }

  /** Selects {@code name}; null when a closed attribute set lacks it (so that {@code or} applies). */
  public Value select(Value target, String name, SourceSpan span) {
    step();
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

  private Value selectDynamic(Value target) {
    return target instanceof Foreign foreign ? host.selectDynamic(this, foreign) : UNKNOWN;
  }

  /** Applies a function to an argument; unknown when the function is not one the evaluator or host knows. */
  public Value apply(Value function, Thunk argument, SourceSpan span) {
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
    if (function instanceof Native callable) {
      List<Value> args = new ArrayList<>(callable.args());
      args.add(argument.force());
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

  private Value applyClosure(Closure closure, Thunk argument) {
    Term.Lambda lambda = closure.lambda();
    Map<String, Thunk> scope = new HashMap<>();
    Env inner = closure.env().bind(scope);
    if (lambda.param() != null) {
      scope.put(lambda.param(), argument);
    }
    if (lambda.formals() != null) {
      Value value = argument.force();
      Attrs attrs = value instanceof Attrs a ? a : null;
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

  /** {@code left // right}. */
  public Value update(Value left, Value right) {
    return Operators.update(this, left, right);
  }

  /** {@code left // right} where the left side is foreign: the host decides. */
  Value updateForeign(Foreign left, Value right) {
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
}
