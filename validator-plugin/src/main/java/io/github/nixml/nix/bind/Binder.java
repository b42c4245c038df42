package io.github.nixml.nix.bind;

import io.github.nixml.nix.ast.AttrSet;
import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.ast.Paren;
import io.github.nixml.nix.syntax.LineIndex;
import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.nix.syntax.SyntaxToken;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves every variable reference of a tree and reports what Nix 2.8 reports before evaluation:
 * duplicate attributes (following its {@code addAttr}, which merges {@code a.b = 1; a.c = 2;} and
 * {@code a = { }; a.b = 1;} but not {@code a = 1; a.b = 2;}), duplicate formals and undefined
 * variables (only outside every {@code with}).
 *
 * <p>Walks expressions with an explicit work stack: operator and application chains can be
 * arbitrarily deep without nesting brackets. Visible names live in one map of stacks, so a lookup
 * costs the same at any depth.
 */
public final class Binder {
  private final LineIndex lines;
  private long[] resolved = new long[256];
  private final List<Resolution> resolutions = new ArrayList<>();
  private int resolvedCount;
  /** One Local per definition, one Builtin per name, one FromWith per with: shared by references. */
  private final Map<Object, Resolution> shared = new HashMap<>();
  private final List<BindProblem> problems = new ArrayList<>();
  private final Map<String, ArrayDeque<Definition>> visible = new HashMap<>();
  private final ArrayDeque<SyntaxNode> withs = new ArrayDeque<>();
  private final ArrayDeque<Object> work = new ArrayDeque<>();

  private Binder(LineIndex lines) {
    this.lines = lines;
  }

  public static Bindings bind(SyntaxNode root, LineIndex lines) {
    Binder binder = new Binder(lines);
    binder.work.push(root);
    binder.run();
    return binder.result();
  }

  private Bindings result() {
    long[] sorted = Arrays.copyOf(resolved, resolvedCount);
    Arrays.sort(sorted);
    int[] offsets = new int[resolvedCount];
    Resolution[] values = new Resolution[resolvedCount];
    int n = 0;
    for (long packed : sorted) {
      int offset = (int) (packed >>> 32);
      if (n > 0 && offsets[n - 1] == offset) {
        continue;
      }
      offsets[n] = offset;
      values[n] = resolutions.get((int) packed);
      n++;
    }
    return new Bindings(Arrays.copyOf(offsets, n), Arrays.copyOf(values, n), problems);
  }

  private void record(int offset, Resolution resolution) {
    if (resolvedCount == resolved.length) {
      resolved = Arrays.copyOf(resolved, resolvedCount * 2);
    }
    resolved[resolvedCount++] = ((long) offset << 32) | resolutions.size();
    resolutions.add(resolution);
  }

  // ---------------------------------------------------------------- work items

  private record ModelTask(AttrsModel model, Definition.Kind kind) {}

  private record LetBody(SyntaxNode body) {}

  private record ExitScope(List<Definition> definitions) {}

  private record EnterWith(SyntaxNode with) {}

  private static final Object EXIT_WITH = new Object();

  private void run() {
    while (!work.isEmpty()) {
      Object item = work.pop();
      if (item instanceof SyntaxNode node) {
        visit(node);
      } else if (item instanceof ModelTask task) {
        bindModel(task.model(), task.kind(), null);
      } else if (item instanceof ExitScope exit) {
        for (Definition d : exit.definitions()) {
          ArrayDeque<Definition> stack = visible.get(d.name());
          stack.pop();
          if (stack.isEmpty()) {
            visible.remove(d.name());
          }
        }
      } else if (item instanceof EnterWith enter) {
        withs.push(enter.with());
      } else if (item == EXIT_WITH) {
        withs.pop();
      }
    }
  }

  private void enterScope(List<Definition> definitions) {
    for (Definition d : definitions) {
      visible.computeIfAbsent(d.name(), k -> new ArrayDeque<>(2)).push(d);
    }
    work.push(new ExitScope(definitions));
  }

  // ---------------------------------------------------------------- expressions

  private void visit(SyntaxNode node) {
    switch (node.kind()) {
      case IDENT_REF -> {
        SyntaxToken token = node.firstSignificantToken();
        if (token != null) {
          resolve(token.text(), node.offset(), node.length());
        }
      }
      case LAMBDA -> visitLambda(node);
      case LET_IN -> {
        AttrsModel model = buildModel(node, true);
        if (!model.dynamic.isEmpty()) {
          DynamicDef first = model.dynamic.get(0);
          problem(BindProblem.Kind.SYNTAX, "dynamic attributes not allowed in let", first.name());
        }
        SyntaxNode body = null;
        boolean afterIn = false;
        for (var element : node.childrenWithTokens()) {
          if (element.kind() == SyntaxKind.KW_IN) {
            afterIn = true;
          } else if (afterIn && element instanceof SyntaxNode child && Expr.isExpr(child.kind())) {
            body = child;
            break;
          }
        }
        bindModel(model, Definition.Kind.LET, body);
      }
      case LEGACY_LET -> bindModel(buildModel(node, true), Definition.Kind.REC_ATTRIBUTE, null);
      case ATTR_SET -> {
        boolean rec = node.firstToken(SyntaxKind.KW_REC) != null;
        bindModel(buildModel(node, rec), Definition.Kind.REC_ATTRIBUTE, null);
      }
      case WITH -> {
        List<SyntaxNode> parts = exprChildren(node);
        work.push(EXIT_WITH);
        if (parts.size() > 1) {
          work.push(parts.get(1));
        }
        work.push(new EnterWith(node));
        if (!parts.isEmpty()) {
          work.push(parts.get(0));
        }
      }
      case ERROR -> {
        // Nix never gets past a syntax error; do not report names inside broken text.
      }
      default -> pushChildren(node);
    }
  }

  private void pushChildren(SyntaxNode node) {
    List<SyntaxNode> children = node.children();
    for (int i = children.size() - 1; i >= 0; i--) {
      work.push(children.get(i));
    }
  }

  private static List<SyntaxNode> exprChildren(SyntaxNode node) {
    List<SyntaxNode> out = new ArrayList<>(3);
    for (SyntaxNode child : node.children()) {
      if (Expr.isExpr(child.kind())) {
        out.add(child);
      }
    }
    return out;
  }

  private void resolve(String name, int offset, int length) {
    ArrayDeque<Definition> stack = visible.get(name);
    Resolution resolution;
    if (stack != null && !stack.isEmpty()) {
      Definition d = stack.peek();
      resolution = shared.computeIfAbsent(d, k -> new Resolution.Local(d));
    } else if (Builtins.contains(name)) {
      // the base environment is a static scope: it wins over any "with"
      resolution = shared.computeIfAbsent(name, k -> new Resolution.Builtin(name));
    } else if (!withs.isEmpty()) {
      SyntaxNode with = withs.peek();
      resolution = shared.computeIfAbsent(with, k -> new Resolution.FromWith(with));
    } else {
      resolution = new Resolution.Undefined(name);
      problems.add(new BindProblem(BindProblem.Kind.UNDEFINED_VARIABLE,
          "undefined variable '" + name + "'", offset, length));
    }
    record(offset, resolution);
  }

  private void visitLambda(SyntaxNode lambda) {
    List<Definition> names = new ArrayList<>();
    List<SyntaxNode> defaults = new ArrayList<>();
    SyntaxNode body = null;
    for (SyntaxNode child : lambda.children()) {
      switch (child.kind()) {
        case IDENT_PARAM -> {
          SyntaxToken id = child.firstToken(SyntaxKind.IDENT);
          if (id != null) {
            names.add(new Definition(id.text(), Definition.Kind.LAMBDA_PARAMETER, child));
          }
        }
        case PATTERN -> collectFormals(child, names, defaults);
        default -> {
          if (Expr.isExpr(child.kind())) {
            body = child;
          }
        }
      }
    }
    enterScope(names);
    if (body != null) {
      work.push(body);
    }
    for (int i = defaults.size() - 1; i >= 0; i--) {
      work.push(defaults.get(i));
    }
  }

  private void collectFormals(SyntaxNode pattern, List<Definition> names, List<SyntaxNode> defaults) {
    Definition bind = null;
    Map<String, Definition> formals = new LinkedHashMap<>();
    for (SyntaxNode child : pattern.children()) {
      if (child.kind() == SyntaxKind.PAT_BIND) {
        SyntaxToken id = child.firstToken(SyntaxKind.IDENT);
        if (id != null) {
          bind = new Definition(id.text(), Definition.Kind.PATTERN_BIND, child);
        }
      } else if (child.kind() == SyntaxKind.PAT_ENTRY) {
        SyntaxToken id = child.firstToken(SyntaxKind.IDENT);
        if (id == null) {
          continue;
        }
        Definition d = new Definition(id.text(), Definition.Kind.FORMAL, child);
        if (formals.putIfAbsent(id.text(), d) != null) {
          problems.add(new BindProblem(BindProblem.Kind.DUPLICATE_FORMAL,
              "duplicate formal function argument '" + id.text() + "'", id.offset(), id.length()));
        } else {
          names.add(d);
        }
        for (SyntaxNode value : child.children()) {
          if (Expr.isExpr(value.kind())) {
            defaults.add(value);
          }
        }
      }
    }
    if (bind != null) {
      if (formals.containsKey(bind.name())) {
        problems.add(new BindProblem(BindProblem.Kind.DUPLICATE_FORMAL,
            "duplicate formal function argument '" + bind.name() + "'", pattern.offset(),
            pattern.length()));
      } else {
        names.add(bind);
      }
    }
  }

  // ---------------------------------------------------------------- attribute sets

  /** Nix's {@code ExprAttrs} as built by {@code addAttr}: what a set really contains. */
  private static final class AttrsModel {
    final boolean recursive;
    final LinkedHashMap<String, AttrDef> attrs = new LinkedHashMap<>();
    final List<DynamicDef> dynamic = new ArrayList<>();

    AttrsModel(boolean recursive) {
      this.recursive = recursive;
    }
  }

  /** One static attribute: a value expression, a nested set, or an inherit. */
  private static final class AttrDef {
    final SyntaxNode site;
    final SyntaxNode value;
    final AttrsModel nested;
    /** Plain {@code inherit x;}: x is looked up outside a rec set or let. */
    final boolean inherited;
    /** The source expression of {@code inherit (e) x;}. */
    final SyntaxNode inheritSource;

    AttrDef(SyntaxNode site, SyntaxNode value, AttrsModel nested, boolean inherited,
        SyntaxNode inheritSource) {
      this.site = site;
      this.value = value;
      this.nested = nested;
      this.inherited = inherited;
      this.inheritSource = inheritSource;
    }
  }

  private record DynamicDef(SyntaxNode name, SyntaxNode value, AttrsModel nested) {}

  private AttrsModel buildModel(SyntaxNode node, boolean recursive) {
    AttrsModel model = new AttrsModel(recursive);
    for (SyntaxNode child : node.children()) {
      if (child.kind() == SyntaxKind.BINDING) {
        addBinding(model, child);
      } else if (child.kind() == SyntaxKind.INHERIT) {
        addInherit(model, child);
      }
    }
    return model;
  }

  private void addInherit(AttrsModel model, SyntaxNode inherit) {
    SyntaxNode from = inherit.firstChild(SyntaxKind.INHERIT_FROM);
    SyntaxNode source = null;
    if (from != null) {
      List<SyntaxNode> exprs = exprChildren(from);
      source = exprs.isEmpty() ? null : exprs.get(0);
    }
    for (SyntaxNode child : inherit.children()) {
      if (child.kind() != SyntaxKind.ATTR_NAME && child.kind() != SyntaxKind.STRING
          && child.kind() != SyntaxKind.DYNAMIC) {
        continue;
      }
      String name = staticName(child);
      if (name == null) {
        problem(BindProblem.Kind.SYNTAX, "dynamic attributes not allowed in inherit", child);
        continue;
      }
      AttrDef existing = model.attrs.get(name);
      if (existing != null) {
        duplicate(name, child, existing.site);
        continue;
      }
      model.attrs.put(name, new AttrDef(child, null, null, from == null, source));
    }
  }

  private void addBinding(AttrsModel model, SyntaxNode binding) {
    SyntaxNode attrpath = binding.firstChild(SyntaxKind.ATTRPATH);
    if (attrpath == null) {
      return;
    }
    List<SyntaxNode> parts = new ArrayList<>();
    for (SyntaxNode part : attrpath.children()) {
      SyntaxKind k = part.kind();
      if (k == SyntaxKind.ATTR_NAME || k == SyntaxKind.STRING || k == SyntaxKind.DYNAMIC) {
        parts.add(part);
      }
    }
    if (parts.isEmpty()) {
      return;
    }
    SyntaxNode value = null;
    for (SyntaxNode child : binding.children()) {
      if (child.kind() != SyntaxKind.ATTRPATH && Expr.isExpr(child.kind())) {
        value = child;
        break;
      }
    }
    AttrsModel attrs = model;
    for (int i = 0; i + 1 < parts.size(); i++) {
      SyntaxNode part = parts.get(i);
      String name = staticName(part);
      if (name == null) {
        AttrsModel nested = new AttrsModel(false);
        attrs.dynamic.add(new DynamicDef(part, null, nested));
        attrs = nested;
        continue;
      }
      AttrDef existing = attrs.attrs.get(name);
      if (existing == null) {
        AttrsModel nested = new AttrsModel(false);
        attrs.attrs.put(name, new AttrDef(part, null, nested, false, null));
        attrs = nested;
      } else if (!existing.inherited && existing.nested != null) {
        attrs = existing.nested;
      } else {
        duplicate(pathText(parts), attrpath, existing.site);
        return;
      }
    }
    SyntaxNode last = parts.get(parts.size() - 1);
    SyntaxNode literal = attrSetLiteral(value);
    AttrsModel valueModel = literal == null ? null
        : buildModel(literal, literal.firstToken(SyntaxKind.KW_REC) != null);
    String name = staticName(last);
    if (name == null) {
      attrs.dynamic.add(new DynamicDef(last, valueModel == null ? value : null, valueModel));
      return;
    }
    AttrDef existing = attrs.attrs.get(name);
    if (existing == null) {
      attrs.attrs.put(name, new AttrDef(last, valueModel == null ? value : null, valueModel, false, null));
    } else if (existing.nested != null && valueModel != null) {
      // Nix merges the attributes of both sets into the first one; the second set's dynamic
      // attributes and its "rec" are dropped.
      for (Map.Entry<String, AttrDef> entry : valueModel.attrs.entrySet()) {
        AttrDef clash = existing.nested.attrs.get(entry.getKey());
        if (clash != null) {
          duplicate(entry.getKey(), entry.getValue().site, clash.site);
        } else {
          existing.nested.attrs.put(entry.getKey(), entry.getValue());
        }
      }
    } else {
      duplicate(pathText(parts), attrpath, existing.site);
    }
  }

  /** The node of a {@code { }} or {@code rec { }} literal, parentheses looked through, or null. */
  private static SyntaxNode attrSetLiteral(SyntaxNode value) {
    Expr e = Expr.cast(value);
    if (e == null) {
      return null;
    }
    e = e.unparenthesized();
    return e instanceof AttrSet ? e.syntax() : null;
  }

  private static String staticName(SyntaxNode part) {
    return io.github.nixml.nix.ast.AttrNames.staticName(part);
  }

  private static String pathText(List<SyntaxNode> parts) {
    StringBuilder out = new StringBuilder();
    for (SyntaxNode part : parts) {
      if (out.length() > 0) {
        out.append('.');
      }
      String name = staticName(part);
      out.append(name != null ? name : "\"${...}\"");
    }
    return out.toString();
  }

  private void duplicate(String name, SyntaxNode at, SyntaxNode first) {
    problems.add(new BindProblem(BindProblem.Kind.DUPLICATE_ATTRIBUTE,
        "attribute '" + name + "' already defined at " + lines.line(first.offset()) + ":"
            + lines.column(first.offset()), at.offset(), at.length()));
  }

  private void problem(BindProblem.Kind kind, String message, SyntaxNode at) {
    problems.add(new BindProblem(kind, message, at.offset(), at.length()));
  }

  /**
   * Binds the values of a set as Nix's {@code ExprAttrs::bindVars} / {@code ExprLet::bindVars}: a
   * recursive set or let sees its own attributes, except in plain {@code inherit}s.
   */
  private void bindModel(AttrsModel model, Definition.Kind kind, SyntaxNode letBody) {
    boolean scoped = model.recursive || kind == Definition.Kind.LET;
    // plain inherits are looked up outside the new scope: resolve them before entering it
    for (AttrDef def : model.attrs.values()) {
      if (def.inherited && def.site.kind() == SyntaxKind.ATTR_NAME) {
        resolve(def.site.firstSignificantToken().text(), def.site.offset(), def.site.length());
      } else if (def.inherited) {
        String name = staticName(def.site);
        if (name != null) {
          resolve(name, def.site.offset(), def.site.length());
        }
      }
    }
    if (scoped) {
      List<Definition> names = new ArrayList<>(model.attrs.size());
      for (Map.Entry<String, AttrDef> entry : model.attrs.entrySet()) {
        names.add(new Definition(entry.getKey(), kind, entry.getValue().site));
      }
      enterScope(names);
    }
    if (letBody != null) {
      work.push(letBody);
    }
    List<Object> tasks = new ArrayList<>();
    Set<SyntaxNode> sources = new HashSet<>();
    for (AttrDef def : model.attrs.values()) {
      if (def.nested != null) {
        tasks.add(new ModelTask(def.nested, Definition.Kind.REC_ATTRIBUTE));
      } else if (def.inheritSource != null) {
        if (sources.add(def.inheritSource)) {
          tasks.add(def.inheritSource);
        }
      } else if (def.value != null) {
        tasks.add(def.value);
      }
    }
    for (DynamicDef dyn : model.dynamic) {
      if (dyn.name().kind() != SyntaxKind.ATTR_NAME) {
        tasks.add(dyn.name());
      }
      if (dyn.nested() != null) {
        tasks.add(new ModelTask(dyn.nested(), Definition.Kind.REC_ATTRIBUTE));
      } else if (dyn.value() != null) {
        tasks.add(dyn.value());
      }
    }
    for (int i = tasks.size() - 1; i >= 0; i--) {
      work.push(tasks.get(i));
    }
  }
}
