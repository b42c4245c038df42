package io.github.nixml.validate.facts;

import io.github.nixml.model.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Reads {@link StaticValue}s out of a flake's expression tree ({@link Expr}, the typed tree the dev-shell model
 * reads) without evaluating anything: string literals (with interpolations of strings known the same way),
 * booleans, attribute sets with their attribute paths merged, and names bound by {@code let} or a {@code rec} set,
 * resolved lazily in their scope. Anything else (a call, an import, {@code //}, {@code with}) is unknown. Never
 * throws; cycles and deep nesting end as unknown.
 */
final class StaticValues {
  private static final int MAX_DEPTH = 64;

  private StaticValues() {}

  /** The value of a file's lowered top-level expression; unknown when it could not be lowered. */
  static StaticValue topLevel(Optional<Expr> expression) {
    return expression.isEmpty() ? new StaticValue.Unknown(0) : eval(expression.get(), Scope.EMPTY, 0);
  }

  /** Names in scope, each a lazily computed value. */
  private record Scope(Map<String, Thunk> names, Scope parent) {
    static final Scope EMPTY = new Scope(Map.of(), null);

    Optional<Thunk> lookup(String name) {
      for (Scope scope = this; scope != null; scope = scope.parent) {
        Thunk thunk = scope.names.get(name);
        if (thunk != null) {
          return Optional.of(thunk);
        }
      }
      return Optional.empty();
    }
  }

  /** A value computed at most once; asking for it while it is being computed (a cycle) gives unknown. */
  private static final class Thunk {
    private final IntFunction<StaticValue> compute;
    private final int offset;
    private StaticValue value;
    private boolean computing;

    Thunk(int offset, IntFunction<StaticValue> compute) {
      this.offset = offset;
      this.compute = compute;
    }

    StaticValue force(int depth) {
      if (value != null) {
        return value;
      }
      if (computing || depth > MAX_DEPTH) {
        return new StaticValue.Unknown(offset);
      }
      computing = true;
      try {
        value = compute.apply(depth + 1);
      } finally {
        computing = false;
      }
      return value;
    }
  }

  /** One definition seen from some depth of its attribute path: {@code a.b.c = v;} at index 1 is {@code b.c = v}. */
  private record PathDefinition(List<Expr.AttrKey> path, int index, Expr value, Scope scope) {}

  /** The bindings of one set or let grouped by their first name, in the order names first appear. */
  private static final class Group {
    final String name;
    final int nameOffset;
    final List<PathDefinition> definitions = new ArrayList<>();
    Thunk inherited;

    Group(String name, int nameOffset) {
      this.name = name;
      this.nameOffset = nameOffset;
    }
  }

  private static StaticValue eval(Expr expr, Scope scope, int depth) {
    if (expr == null) {
      return new StaticValue.Unknown(0);
    }
    int offset = expr.span().offset();
    if (depth > MAX_DEPTH) {
      return new StaticValue.Unknown(offset);
    }
    if (expr instanceof Expr.Str str) {
      StringBuilder text = new StringBuilder();
      for (Object part : str.parts()) {
        if (part instanceof String literal) {
          text.append(literal);
        } else if (eval((Expr) part, scope, depth + 1) instanceof StaticValue.Text inner) {
          text.append(inner.value());
        } else {
          return new StaticValue.Unknown(offset);
        }
      }
      return new StaticValue.Text(text.toString(), offset);
    }
    if (expr instanceof Expr.Literal literal && literal.text().matches("[a-zA-Z][a-zA-Z0-9+.-]*:.+")) {
      return new StaticValue.Text(literal.text(), offset); // an unquoted URI
    }
    if (expr instanceof Expr.Ident ident) {
      Optional<Thunk> bound = scope.lookup(ident.name());
      if (bound.isPresent()) {
        return bound.get().force(depth);
      }
      return switch (ident.name()) {
        case "true" -> new StaticValue.Bool(true, offset);
        case "false" -> new StaticValue.Bool(false, offset);
        default -> new StaticValue.Unknown(offset);
      };
    }
    if (expr instanceof Expr.AttrSet set) {
      Map<String, Thunk> names = new HashMap<>();
      Scope valueScope = set.recursive() ? new Scope(names, scope) : scope;
      Map<String, Group> groups = new LinkedHashMap<>();
      boolean complete = collect(set.bindings(), valueScope, scope, groups);
      for (Group group : groups.values()) {
        names.put(group.name, new Thunk(group.nameOffset, d -> groupValue(group, d)));
      }
      Map<String, StaticValue.Attribute> attributes = new LinkedHashMap<>();
      for (Group group : groups.values()) {
        attributes.put(group.name,
            new StaticValue.Attribute(group.name, group.nameOffset, names.get(group.name).force(depth + 1)));
      }
      return new StaticValue.Attrs(attributes, complete, offset);
    }
    if (expr instanceof Expr.Let let) {
      Map<String, Thunk> names = new HashMap<>();
      Scope inner = new Scope(names, scope);
      Map<String, Group> groups = new LinkedHashMap<>();
      collect(let.bindings(), inner, inner, groups);
      for (Group group : groups.values()) {
        names.put(group.name, new Thunk(group.nameOffset, d -> groupValue(group, d)));
      }
      return eval(let.body(), inner, depth + 1);
    }
    return new StaticValue.Unknown(offset);
  }

  /**
   * Groups bindings by first name; values are evaluated in {@code valueScope}, inherited names looked up in
   * {@code outerScope} (Nix looks an inherited name up outside a rec set). Returns false when a name is dynamic.
   */
  private static boolean collect(List<Expr.Binding> bindings, Scope valueScope, Scope outerScope,
      Map<String, Group> groups) {
    boolean complete = true;
    for (Expr.Binding binding : bindings) {
      if (binding instanceof Expr.Define define) {
        Optional<String> first = staticName(define.path().get(0), valueScope);
        if (define.path().isEmpty() || first.isEmpty()) {
          complete = false;
          continue;
        }
        groups.computeIfAbsent(first.get(), n -> new Group(n, define.path().get(0).span().offset()))
            .definitions.add(new PathDefinition(define.path(), 1, define.value(), valueScope));
      } else if (binding instanceof Expr.Inherit inherit) {
        for (Expr.AttrKey key : inherit.names()) {
          Optional<String> name = staticName(key, outerScope);
          if (name.isEmpty()) {
            complete = false;
            continue;
          }
          int keyOffset = key.span().offset();
          Group group = groups.computeIfAbsent(name.get(), n -> new Group(n, keyOffset));
          if (inherit.from() == null) {
            group.inherited = new Thunk(keyOffset, d -> outerScope.lookup(name.get()).map(t -> t.force(d))
                .orElse(new StaticValue.Unknown(keyOffset)));
          } else {
            group.inherited = new Thunk(keyOffset, d -> {
              StaticValue source = eval(inherit.from(), outerScope, d);
              if (source instanceof StaticValue.Attrs attrs && attrs.get(name.get()) != null) {
                return attrs.get(name.get()).value();
              }
              return new StaticValue.Unknown(keyOffset);
            });
          }
        }
      }
    }
    return complete;
  }

  /** The value of one name: its single value, or the set its path definitions (and set values) build together. */
  private static StaticValue groupValue(Group group, int depth) {
    if (group.inherited != null) {
      return group.inherited.force(depth);
    }
    if (group.definitions.size() == 1 && group.definitions.get(0).index() == group.definitions.get(0).path().size()) {
      PathDefinition only = group.definitions.get(0);
      return eval(only.value(), only.scope(), depth + 1);
    }
    boolean complete = true;
    Map<String, StaticValue.Attribute> merged = new LinkedHashMap<>();
    Map<String, Group> nested = new LinkedHashMap<>();
    for (PathDefinition definition : group.definitions) {
      if (definition.index() == definition.path().size()) {
        // `a = { ... };` beside `a.b = ...;`: Nix merges the literal set into the same attribute.
        if (eval(definition.value(), definition.scope(), depth + 1) instanceof StaticValue.Attrs attrs) {
          complete &= attrs.complete();
          merged.putAll(attrs.attributes());
        } else {
          complete = false;
        }
        continue;
      }
      Expr.AttrKey key = definition.path().get(definition.index());
      Optional<String> name = staticName(key, definition.scope());
      if (name.isEmpty()) {
        complete = false;
        continue;
      }
      nested.computeIfAbsent(name.get(), n -> new Group(n, key.span().offset())).definitions.add(
          new PathDefinition(definition.path(), definition.index() + 1, definition.value(), definition.scope()));
    }
    for (Group child : nested.values()) {
      StaticValue value = groupValue(child, depth + 1);
      StaticValue.Attribute existing = merged.get(child.name);
      if (existing != null && existing.value() instanceof StaticValue.Attrs left
          && value instanceof StaticValue.Attrs right) {
        Map<String, StaticValue.Attribute> both = new LinkedHashMap<>(left.attributes());
        both.putAll(right.attributes());
        value = new StaticValue.Attrs(both, left.complete() && right.complete(), left.offset());
      }
      merged.put(child.name, new StaticValue.Attribute(child.name,
          existing != null ? existing.nameOffset() : child.nameOffset, value));
    }
    int offset = group.definitions.isEmpty() ? group.nameOffset : group.definitions.get(0).value().span().offset();
    return new StaticValue.Attrs(merged, complete, offset);
  }

  /** An attribute name: a plain name, or a dynamic one whose string is known; empty otherwise. */
  private static Optional<String> staticName(Expr.AttrKey key, Scope scope) {
    if (key.name() != null) {
      return Optional.of(key.name());
    }
    return eval(key.dynamic(), scope, 0) instanceof StaticValue.Text text ? Optional.of(text.value())
        : Optional.empty();
  }
}
