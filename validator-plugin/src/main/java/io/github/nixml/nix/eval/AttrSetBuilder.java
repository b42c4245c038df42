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
    /** A dynamic name of this set that failed (or is not a string): the set's value is that failure. */
    Value.Failure failure;
    /** Names given by a dynamic key ({@code ${system}}): Nix merges no other definition into them. */
    final java.util.Set<String> dynamicNames = new java.util.HashSet<>();
  }

  /**
   * Whether a definition of {@code name} by {@code key} meets another of the same name that Nix does not merge with
   * it: a dynamic key ({@code devShells.${system}.a} beside {@code devShells.${system}.b}) is its own attribute, and
   * any second definition of its name fails ("dynamic attribute 'x86_64-linux' already defined"); the set is then
   * that failure.
   */
  private static boolean clashes(Node target, String name, Term.AttrKey key) {
    boolean clash = key.name() == null ? target.children.containsKey(name) : target.dynamicNames.contains(name);
    if (clash && target.failure == null) {
      target.failure = new Value.Failure(Value.FailureKind.OTHER, "dynamic attribute '" + name
          + "' already defined", key.span());
    }
    if (key.name() == null) {
      target.dynamicNames.add(name);
    }
    return clash;
  }

  /** A binding whose dynamic name is {@code null} (Nix leaves it out) or failed. */
  private static final String LEFT_OUT = new String("<left out>");

  /**
   * The name of a key of {@code target}; null when unknown (the set stays open). A dynamic name that is
   * {@code null} leaves the binding out, one that fails or is not a string makes {@code target} fail.
   */
  private String name(Node target, Term.AttrKey key, Env env) {
    if (key.name() != null) {
      return key.name();
    }
    Value value = evaluator.eval(key.dynamic(), env);
    if (value instanceof Value.Str str) {
      return str.literal();
    }
    if (value instanceof Value.Null) {
      return LEFT_OUT;
    }
    Value failure = Types.expect(value, "a string", key.span(), Value.Str.class);
    if (failure instanceof Value.Failure failed) {
      target.failure = target.failure == null ? failed : target.failure;
      return LEFT_OUT;
    }
    return null;
  }

  Value attrSet(List<Term.Binding> bindings, boolean recursive, Env env) {
    if (!recursive) {
      Node root = tree(bindings, env, env);
      return root.failure != null ? root.failure : toAttrs(root);
    }
    Map<String, Thunk> scope = new HashMap<>();
    Env inner = env.bind(scope);
    Node root = tree(bindings, inner, env);
    if (root.failure != null) {
      return root.failure;
    }
    Attrs attrs = toAttrs(root);
    attrs.entries().forEach((name, entry) -> scope.put(name, entry.thunk()));
    return attrs;
  }

  /** The scope of a {@code let}'s body: the enclosing one plus the bindings, which see each other. */
  Env let(List<Term.Binding> bindings, Env env) {
    Map<String, Thunk> scope = new HashMap<>();
    Env inner = env.bind(scope);
    toAttrs(tree(bindings, inner, env)).entries().forEach((name, entry) -> scope.put(name, entry.thunk()));
    return inner;
  }

  /** Values evaluate in {@code valueEnv}; a plain {@code inherit} looks names up in {@code inheritEnv}. */
  private Node tree(List<Term.Binding> bindings, Env valueEnv, Env inheritEnv) {
    Node root = new Node();
    add(root, bindings, valueEnv, inheritEnv);
    return root;
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
      if (node.dynamicNames.contains(name)) { // `{ ${s} = 1; inherit a; }` with s = "a": Nix refuses it too
        if (node.failure == null) {
          node.failure = new Value.Failure(Value.FailureKind.OTHER, "dynamic attribute '" + name
              + "' already defined", key.span());
        }
        continue;
      }
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
      String name = name(target, path.get(i), valueEnv);
      if (name == null || name == LEFT_OUT) {
        target.open |= name == null;
        return;
      }
      if (clashes(target, name, path.get(i))) {
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
    String name = name(target, last, valueEnv);
    if (name == null || name == LEFT_OUT) {
      target.open |= name == null;
      return;
    }
    if (clashes(target, name, last)) {
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
        entries.put(name, new Entry(Thunk.of(sub.failure != null ? sub.failure : toAttrs(sub)),
            node.keySpans.get(name), node.nameSpans.get(name)));
      } else {
        entries.put(name, (Entry) child.getValue());
      }
    }
    return new Attrs(entries, node.open);
  }
}
