package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that builds attribute sets from bindings, for sets, {@code rec} sets and {@code let}: attribute
 * paths merge ({@code a.b = 1; a.c = 2;} and {@code a = { b = 1; }; a.c = 2;} are {@code a = { b = 1; c = 2; }}),
 * {@code inherit} reads the enclosing scope, a dynamic name the evaluator cannot compute leaves the set open.
 */
final class AttrSetBuilder {
  private static final Value UNKNOWN = Value.UNKNOWN;

  private final Evaluator evaluator;

  AttrSetBuilder(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** A tree of attribute definitions, so that definitions of one path merge. */
  private static final class Node {
    final Map<String, Object> children = new LinkedHashMap<>(); // Node or Entry
    final Map<String, SourceSpan> keySpans = new HashMap<>();
    final Map<String, SourceSpan> nameSpans = new HashMap<>();
    boolean open;
  }

  Value attrSet(List<Term.Binding> bindings, boolean recursive, Env env) {
    if (!recursive) {
      return build(bindings, env, env);
    }
    Map<String, Thunk> scope = new HashMap<>();
    Env inner = env.bind(scope);
    Attrs attrs = build(bindings, inner, env);
    attrs.entries().forEach((name, entry) -> scope.put(name, entry.thunk()));
    return attrs;
  }

  /** The scope of a {@code let}'s body: the enclosing one plus the bindings, which see each other. */
  Env let(List<Term.Binding> bindings, Env env) {
    Map<String, Thunk> scope = new HashMap<>();
    Env inner = env.bind(scope);
    build(bindings, inner, env).entries().forEach((name, entry) -> scope.put(name, entry.thunk()));
    return inner;
  }

  /** Values evaluate in {@code valueEnv}; a plain {@code inherit} looks names up in {@code inheritEnv}. */
  private Attrs build(List<Term.Binding> bindings, Env valueEnv, Env inheritEnv) {
    Node root = new Node();
    add(root, bindings, valueEnv, inheritEnv);
    return toAttrs(root);
  }

  private void add(Node node, List<Term.Binding> bindings, Env valueEnv, Env inheritEnv) {
    for (Term.Binding binding : bindings) {
      if (binding instanceof Term.Inherit inherit) {
        inherit(node, inherit, valueEnv, inheritEnv);
      } else if (binding instanceof Term.Define define) {
        define(node, define, valueEnv);
      }
    }
  }

  private void inherit(Node node, Term.Inherit inherit, Env valueEnv, Env inheritEnv) {
    Thunk from = inherit.from() == null ? null : new Thunk(() -> evaluator.eval(inherit.from(), valueEnv));
    for (Term.AttrKey key : inherit.names()) {
      if (key.name() == null) {
        node.open = true;
        continue;
      }
      String name = key.name();
      Thunk thunk = from == null
          ? new Thunk(() -> evaluator.lookup(name, key.span(), inheritEnv))
          : new Thunk(() -> {
            Value selected = evaluator.select(from.force(), name, key.span());
            return selected != null ? selected
                : new Value.Failure(Value.FailureKind.MISSING_ATTRIBUTE, "attribute '" + name + "' missing",
                    key.span());
          });
      node.children.put(name, new Entry(thunk, key.span()));
      node.keySpans.put(name, key.span());
      node.nameSpans.put(name, key.span());
    }
  }

  private void define(Node node, Term.Define define, Env valueEnv) {
    Node target = node;
    List<Term.AttrKey> path = define.path();
    SourceSpan bindingSpan = path.get(0).span();
    for (int i = 0; i < path.size() - 1; i++) {
      String name = evaluator.keyName(path.get(i), valueEnv);
      if (name == null) {
        target.open = true;
        return;
      }
      Object child = target.children.get(name);
      if (!(child instanceof Node)) {
        Node fresh = new Node();
        if (child instanceof Entry) {
          fresh.open = true; // merging into a non-literal value: keep what we know, admit the rest
        }
        target.children.put(name, fresh);
        target.keySpans.putIfAbsent(name, path.get(i).span());
        target.nameSpans.putIfAbsent(name, path.get(i).span());
        child = fresh;
      }
      target = (Node) child;
    }
    Term.AttrKey last = path.get(path.size() - 1);
    String name = evaluator.keyName(last, valueEnv);
    if (name == null) {
      target.open = true;
      return;
    }
    Term value = define.value();
    if (value instanceof Term.AttrSet literal && !literal.recursive()) {
      Node sub = target.children.get(name) instanceof Node existing ? existing : new Node();
      target.children.put(name, sub);
      target.keySpans.putIfAbsent(name, bindingSpan);
      target.nameSpans.putIfAbsent(name, last.span());
      add(sub, literal.bindings(), valueEnv, valueEnv);
    } else {
      target.children.put(name, new Entry(new Thunk(() -> evaluator.eval(value, valueEnv)), bindingSpan,
          last.span()));
      target.keySpans.put(name, bindingSpan);
      target.nameSpans.put(name, last.span());
    }
  }

  private static Attrs toAttrs(Node node) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Object> child : node.children.entrySet()) {
      String name = child.getKey();
      if (child.getValue() instanceof Node sub) {
        entries.put(name, new Entry(Thunk.of(toAttrs(sub)), node.keySpans.get(name), node.nameSpans.get(name)));
      } else {
        entries.put(name, (Entry) child.getValue());
      }
    }
    return new Attrs(entries, node.open);
  }
}
