package io.github.nixml.nix.bind;

import io.github.nixml.nix.ast.AttrNames;
import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.syntax.GreenElement;
import io.github.nixml.nix.syntax.GreenNode;
import io.github.nixml.nix.syntax.GreenToken;
import io.github.nixml.nix.syntax.LineIndex;
import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Resolves every variable reference of a tree and reports what Nix 2.8 reports before evaluation:
 * duplicate attributes (following its {@code addAttr}, which merges {@code a.b = 1; a.c = 2;} and
 * {@code a = { }; a.b = 1;} but not {@code a = 1; a.b = 2;}), duplicate formals and undefined
 * variables (only outside every {@code with}).
 *
 * <p>Walks the green nodes directly, computing offsets on the way down: red nodes are made only for
 * the sites of definitions and {@code with}s, which the result hands out. An explicit work stack
 * (parallel arrays of green nodes or control items, and offsets) takes arbitrarily deep operator
 * and application chains. Visible names live in one map of stacks, so a lookup costs the same at
 * any depth.
 */
public final class Binder {
  private final SyntaxNode root;
  private final LineIndex lines;
  private long[] resolved = new long[256];
  private final List<Resolution> resolutions = new ArrayList<>();
  private int resolvedCount;
  private final Map<String, Resolution> builtins = new HashMap<>();
  private final List<BindProblem> problems = new ArrayList<>();
  /** Per name, the visible definitions (innermost on top), as their shared resolutions. */
  private final Map<String, ArrayDeque<Resolution.Local>> visible = new HashMap<>();
  private final ArrayDeque<Resolution.FromWith> withs = new ArrayDeque<>();

  // the work stack: a GreenNode (an expression to visit, at the offset alongside) or a control item
  private Object[] work = new Object[256];
  private int[] workOffsets = new int[256];
  private int workCount;

  private Binder(SyntaxNode root, LineIndex lines) {
    this.root = root;
    this.lines = lines;
  }

  public static Bindings bind(SyntaxNode root, LineIndex lines) {
    Binder binder = new Binder(root, lines);
    binder.push(root.green(), root.offset());
    binder.run();
    return binder.result();
  }

  private void push(Object item, int offset) {
    if (workCount == work.length) {
      work = Arrays.copyOf(work, workCount * 2);
      workOffsets = Arrays.copyOf(workOffsets, workCount * 2);
    }
    work[workCount] = item;
    workOffsets[workCount] = offset;
    workCount++;
  }

  private void push(Object item) {
    push(item, 0);
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
    List<BindProblem> unique = new ArrayList<>(new LinkedHashSet<>(problems));
    return new Bindings(Arrays.copyOf(offsets, n), Arrays.copyOf(values, n), unique);
  }

  private void record(int offset, Resolution resolution) {
    if (resolvedCount == resolved.length) {
      resolved = Arrays.copyOf(resolved, resolvedCount * 2);
    }
    resolved[resolvedCount++] = ((long) offset << 32) | resolutions.size();
    resolutions.add(resolution);
  }

  // ---------------------------------------------------------------- green helpers

  private static GreenToken firstToken(GreenNode node, SyntaxKind kind) {
    for (int i = 0, n = node.childCount(); i < n; i++) {
      if (node.child(i) instanceof GreenToken token && token.kind() == kind) {
        return token;
      }
    }
    return null;
  }

  /**
   * Whether a set starts with {@code rec}: only its first token is looked at, not the whole set (a big set's
   * children are spread over the heap).
   */
  private static boolean isRec(GreenNode set) {
    for (int i = 0, n = set.childCount(); i < n; i++) {
      GreenElement child = set.child(i);
      if (child instanceof GreenToken token && !token.kind().isTrivia()) {
        return token.kind() == SyntaxKind.KW_REC;
      }
    }
    return false;
  }

  /** Offset of the first direct token of the given kind, or -1. */
  private static int firstTokenOffset(GreenNode node, int offset, SyntaxKind kind) {
    int at = offset;
    for (int i = 0, n = node.childCount(); i < n; i++) {
      GreenElement child = node.child(i);
      if (child instanceof GreenToken token && token.kind() == kind) {
        return at;
      }
      at += child.width();
    }
    return -1;
  }

  private static GreenToken firstSignificantToken(GreenNode node) {
    for (int i = 0, n = node.childCount(); i < n; i++) {
      if (node.child(i) instanceof GreenToken token && !token.kind().isTrivia()) {
        return token;
      }
    }
    return null;
  }

  /** A green node and its offset: the few places that keep one around. */
  private record At(GreenNode green, int offset) {
    int length() {
      return green.width();
    }
  }

  /** The n-th child expression (0-based) of a node, or null. */
  private static At exprChild(GreenNode node, int offset, int index) {
    int at = offset;
    int seen = 0;
    for (int i = 0, n = node.childCount(); i < n; i++) {
      GreenElement child = node.child(i);
      if (child instanceof GreenNode inner && Expr.isExpr(inner.kind()) && seen++ == index) {
        return new At(inner, at);
      }
      at += child.width();
    }
    return null;
  }

  private SyntaxNode red(GreenNode green, int offset) {
    return SyntaxNode.placed(root, green, offset);
  }

  // ---------------------------------------------------------------- work items

  private record ModelTask(AttrsModel model, Definition.Kind kind) {}

  private record ExitScope(List<Definition> definitions) {}

  private record EnterWith(Resolution.FromWith with) {}

  /**
   * Code Nix parses (so checks for duplicates while parsing) but never attaches to its expression
   * tree (so never looks its variables up): the source of {@code inherit (e) ;} without names, and
   * dynamic attributes of a set merged into an earlier one.
   */
  private record Unattached(GreenNode node) {}

  private static final Object EXIT_WITH = new Object();

  private void run() {
    while (workCount > 0) {
      workCount--;
      Object item = work[workCount];
      int offset = workOffsets[workCount];
      work[workCount] = null;
      if (item instanceof GreenNode node) {
        visit(node, offset);
      } else if (item instanceof ModelTask task) {
        bindModel(task.model(), task.kind(), null, 0);
      } else if (item instanceof ExitScope exit) {
        for (Definition d : exit.definitions()) {
          ArrayDeque<Resolution.Local> stack = visible.get(d.name());
          stack.pop();
          if (stack.isEmpty()) {
            visible.remove(d.name());
          }
        }
      } else if (item instanceof Unattached unattached) {
        checkUnattached(unattached.node(), offset);
      } else if (item instanceof EnterWith enter) {
        withs.push(enter.with());
      } else if (item == EXIT_WITH) {
        withs.pop();
      }
    }
  }

  private void enterScope(List<Definition> definitions) {
    for (Definition d : definitions) {
      visible.computeIfAbsent(d.name(), k -> new ArrayDeque<>(2)).push(new Resolution.Local(d));
    }
    push(new ExitScope(definitions));
  }

  // ---------------------------------------------------------------- expressions

  private void visit(GreenNode node, int offset) {
    switch (node.kind()) {
      case IDENT_REF -> {
        GreenToken token = firstSignificantToken(node);
        if (token != null) {
          resolve(token.text(), offset, node.width());
        }
      }
      case LAMBDA -> visitLambda(node, offset);
      case LET_IN -> {
        AttrsModel model = buildModel(node, offset, true);
        checkLetHasNoDynamicAttributes(model);
        GreenNode body = null;
        int bodyOffset = 0;
        boolean afterIn = false;
        int at = offset;
        for (int i = 0, n = node.childCount(); i < n; i++) {
          GreenElement child = node.child(i);
          if (child.kind() == SyntaxKind.KW_IN) {
            afterIn = true;
          } else if (afterIn && child instanceof GreenNode inner && Expr.isExpr(inner.kind())) {
            body = inner;
            bodyOffset = at;
            break;
          }
          at += child.width();
        }
        bindModel(model, Definition.Kind.LET, body, bodyOffset);
      }
      case LEGACY_LET -> bindModel(buildModel(node, offset, true), Definition.Kind.REC_ATTRIBUTE, null, 0);
      case ATTR_SET -> {
        bindModel(buildModel(node, offset, isRec(node)), Definition.Kind.REC_ATTRIBUTE, null, 0);
      }
      case WITH -> {
        At scope = exprChild(node, offset, 0);
        At body = exprChild(node, offset, 1);
        push(EXIT_WITH);
        if (body != null) {
          push(body.green(), body.offset());
        }
        push(new EnterWith(new Resolution.FromWith(red(node, offset))));
        if (scope != null) {
          push(scope.green(), scope.offset());
        }
      }
      case ERROR -> {
        // Nix never gets past a syntax error; do not report names inside broken text.
      }
      default -> pushChildren(node, offset);
    }
  }

  private void pushChildren(GreenNode node, int offset) {
    int at = offset + node.width();
    for (int i = node.childCount() - 1; i >= 0; i--) {
      GreenElement child = node.child(i);
      at -= child.width();
      if (child instanceof GreenNode inner) {
        push(inner, at);
      }
    }
  }

  private void resolve(String name, int offset, int length) {
    ArrayDeque<Resolution.Local> stack = visible.get(name);
    Resolution resolution;
    if (stack != null && !stack.isEmpty()) {
      resolution = stack.peek();
    } else if (Builtins.contains(name)) {
      // the base environment is a static scope: it wins over any "with"
      resolution = builtins.computeIfAbsent(name, Resolution.Builtin::new);
    } else if (!withs.isEmpty()) {
      resolution = withs.peek();
    } else {
      resolution = new Resolution.Undefined(name);
      problems.add(new BindProblem(BindProblem.Kind.UNDEFINED_VARIABLE,
          "undefined variable '" + name + "'", offset, length));
    }
    record(offset, resolution);
  }

  private void visitLambda(GreenNode lambda, int offset) {
    List<Definition> names = new ArrayList<>(4);
    List<At> defaults = new ArrayList<>(0);
    GreenNode body = null;
    int bodyOffset = 0;
    int at = offset;
    for (int i = 0, n = lambda.childCount(); i < n; i++) {
      GreenElement element = lambda.child(i);
      if (element instanceof GreenNode child) {
        switch (child.kind()) {
          case IDENT_PARAM -> {
            GreenToken id = firstToken(child, SyntaxKind.IDENT);
            if (id != null) {
              names.add(new Definition(id.text(), Definition.Kind.LAMBDA_PARAMETER, red(child, at)));
            }
          }
          case PATTERN -> collectFormals(child, at, names, defaults);
          default -> {
            if (Expr.isExpr(child.kind())) {
              body = child;
              bodyOffset = at;
            }
          }
        }
      }
      at += element.width();
    }
    enterScope(names);
    if (body != null) {
      push(body, bodyOffset);
    }
    for (int i = defaults.size() - 1; i >= 0; i--) {
      push(defaults.get(i).green(), defaults.get(i).offset());
    }
  }

  private void collectFormals(GreenNode pattern, int offset, List<Definition> names, List<At> defaults) {
    Definition bind = null;
    Map<String, Definition> formals = new HashMap<>();
    int at = offset;
    for (int i = 0, n = pattern.childCount(); i < n; i++) {
      GreenElement element = pattern.child(i);
      int childOffset = at;
      at += element.width();
      if (!(element instanceof GreenNode child)) {
        continue;
      }
      if (child.kind() == SyntaxKind.PAT_BIND) {
        GreenToken id = firstToken(child, SyntaxKind.IDENT);
        if (id != null) {
          bind = new Definition(id.text(), Definition.Kind.PATTERN_BIND, red(child, childOffset));
        }
      } else if (child.kind() == SyntaxKind.PAT_ENTRY) {
        GreenToken id = firstToken(child, SyntaxKind.IDENT);
        if (id == null) {
          continue;
        }
        if (formals.containsKey(id.text())) {
          problems.add(new BindProblem(BindProblem.Kind.DUPLICATE_FORMAL,
              "duplicate formal function argument '" + id.text() + "'",
              firstTokenOffset(child, childOffset, SyntaxKind.IDENT), id.width()));
        } else {
          Definition d = new Definition(id.text(), Definition.Kind.FORMAL, red(child, childOffset));
          formals.put(id.text(), d);
          names.add(d);
        }
        int valueAt = childOffset;
        for (int j = 0, m = child.childCount(); j < m; j++) {
          GreenElement value = child.child(j);
          if (value instanceof GreenNode inner && Expr.isExpr(inner.kind())) {
            defaults.add(new At(inner, valueAt));
          }
          valueAt += value.width();
        }
      }
    }
    if (bind != null) {
      if (formals.containsKey(bind.name())) {
        problems.add(new BindProblem(BindProblem.Kind.DUPLICATE_FORMAL,
            "duplicate formal function argument '" + bind.name() + "'", offset, pattern.width()));
      } else {
        names.add(bind);
      }
    }
  }

  /** Only the parse-time checks (duplicates, dynamic attributes in let), no name lookups. */
  private void checkUnattached(GreenNode top, int topOffset) {
    ArrayDeque<At> stack = new ArrayDeque<>();
    stack.push(new At(top, topOffset));
    while (!stack.isEmpty()) {
      At here = stack.pop();
      GreenNode node = here.green();
      switch (node.kind()) {
        case ATTR_SET -> buildModel(node, here.offset(), false);
        case LEGACY_LET -> buildModel(node, here.offset(), true);
        case LET_IN -> checkLetHasNoDynamicAttributes(buildModel(node, here.offset(), true));
        case LAMBDA -> {
          int at = firstNodeOffset(node, here.offset(), SyntaxKind.PATTERN);
          if (at >= 0) {
            collectFormals(firstNode(node, SyntaxKind.PATTERN), at, new ArrayList<>(), new ArrayList<>());
          }
        }
        case ERROR -> {
          continue;
        }
        default -> {
        }
      }
      int at = here.offset();
      for (int i = 0, n = node.childCount(); i < n; i++) {
        GreenElement child = node.child(i);
        if (child instanceof GreenNode inner) {
          stack.push(new At(inner, at));
        }
        at += child.width();
      }
    }
  }

  private static GreenNode firstNode(GreenNode node, SyntaxKind kind) {
    for (int i = 0, n = node.childCount(); i < n; i++) {
      if (node.child(i) instanceof GreenNode inner && inner.kind() == kind) {
        return inner;
      }
    }
    return null;
  }

  private static int firstNodeOffset(GreenNode node, int offset, SyntaxKind kind) {
    int at = offset;
    for (int i = 0, n = node.childCount(); i < n; i++) {
      GreenElement child = node.child(i);
      if (child instanceof GreenNode inner && inner.kind() == kind) {
        return at;
      }
      at += child.width();
    }
    return -1;
  }

  /** Pushes everything below a model that Nix drops from its tree as unattached code. */
  private void dropModel(AttrsModel model) {
    for (int i = 0; i < model.size(); i++) {
      AttrDef def = model.def(i);
      if (def.nested != null) {
        dropModel(def.nested);
      } else if (def.value != null) {
        push(new Unattached(def.value), def.valueOffset);
      } else if (def.inheritSource != null) {
        push(new Unattached(def.inheritSource), def.inheritSourceOffset);
      }
    }
    for (DynamicDef dyn : model.dynamic) {
      push(new Unattached(dyn.name), dyn.nameOffset);
      if (dyn.nested != null) {
        dropModel(dyn.nested);
      } else if (dyn.value != null) {
        push(new Unattached(dyn.value), dyn.valueOffset);
      }
    }
  }

  private void checkLetHasNoDynamicAttributes(AttrsModel model) {
    if (!model.dynamic.isEmpty()) {
      DynamicDef first = model.dynamic.get(0);
      problems.add(new BindProblem(BindProblem.Kind.SYNTAX, "dynamic attributes not allowed in let",
          first.nameOffset, first.name.width()));
    }
  }

  // ---------------------------------------------------------------- attribute sets

  /**
   * Nix's {@code ExprAttrs} as built by {@code addAttr}: what a set really contains. Attributes in
   * insertion order in arrays, found by a scan while few (most sets have a handful), by a hash
   * index once many.
   */
  private static final class AttrsModel {
    private static final int SCAN_LIMIT = 8;
    private static final String[] NO_NAMES = new String[0];
    private static final AttrDef[] NO_DEFS = new AttrDef[0];

    final boolean recursive;
    private String[] names = NO_NAMES;
    private AttrDef[] defs = NO_DEFS;
    private int size;
    /** Once more than {@link #SCAN_LIMIT} attributes: open addressing, each slot an index into the arrays + 1. */
    private int[] index;
    List<DynamicDef> dynamic = List.of();

    AttrsModel(boolean recursive) {
      this.recursive = recursive;
    }

    int size() {
      return size;
    }

    String name(int i) {
      return names[i];
    }

    AttrDef def(int i) {
      return defs[i];
    }

    AttrDef get(String name) {
      if (index != null) {
        int mask = index.length - 1;
        for (int slot = slotOf(name, mask); index[slot] != 0; slot = (slot + 1) & mask) {
          int i = index[slot] - 1;
          if (names[i].equals(name)) {
            return defs[i];
          }
        }
        return null;
      }
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return defs[i];
        }
      }
      return null;
    }

    /** Adds an attribute not yet present. */
    void put(String name, AttrDef def) {
      if (size == names.length) {
        int capacity = Math.max(4, size * 2);
        names = Arrays.copyOf(names, capacity);
        defs = Arrays.copyOf(defs, capacity);
      }
      names[size] = name;
      defs[size] = def;
      size++;
      if (index != null && size * 2 <= index.length) {
        addToIndex(size - 1);
      } else if (size > SCAN_LIMIT) {
        index = new int[Integer.highestOneBit(size) * 4];
        for (int i = 0; i < size; i++) {
          addToIndex(i);
        }
      }
    }

    private void addToIndex(int i) {
      int mask = index.length - 1;
      int slot = slotOf(names[i], mask);
      while (index[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      index[slot] = i + 1;
    }

    private static int slotOf(String name, int mask) {
      int h = name.hashCode() * 0x9E3779B9;
      return (h ^ (h >>> 16)) & mask;
    }

    void addDynamic(DynamicDef def) {
      if (dynamic.isEmpty()) {
        dynamic = new ArrayList<>(2);
      }
      dynamic.add(def);
    }
  }

  /** One static attribute: a value expression, a nested set, or an inherit. */
  private static final class AttrDef {
    final GreenNode site;
    final int siteOffset;
    final GreenNode value;
    final int valueOffset;
    final AttrsModel nested;
    /** Plain {@code inherit x;}: x is looked up outside a rec set or let. */
    final boolean inherited;
    /** The source expression of {@code inherit (e) x;}. */
    final GreenNode inheritSource;
    final int inheritSourceOffset;

    AttrDef(GreenNode site, int siteOffset, GreenNode value, int valueOffset, AttrsModel nested,
        boolean inherited, GreenNode inheritSource, int inheritSourceOffset) {
      this.site = site;
      this.siteOffset = siteOffset;
      this.value = value;
      this.valueOffset = valueOffset;
      this.nested = nested;
      this.inherited = inherited;
      this.inheritSource = inheritSource;
      this.inheritSourceOffset = inheritSourceOffset;
    }
  }

  private static final class DynamicDef {
    final GreenNode name;
    final int nameOffset;
    final GreenNode value;
    final int valueOffset;
    final AttrsModel nested;

    DynamicDef(GreenNode name, int nameOffset, GreenNode value, int valueOffset, AttrsModel nested) {
      this.name = name;
      this.nameOffset = nameOffset;
      this.value = value;
      this.valueOffset = valueOffset;
      this.nested = nested;
    }
  }

  private AttrsModel buildModel(GreenNode node, int offset, boolean recursive) {
    AttrsModel model = new AttrsModel(recursive);
    int at = offset;
    for (int i = 0, n = node.childCount(); i < n; i++) {
      GreenElement child = node.child(i);
      if (child.kind() == SyntaxKind.BINDING) {
        addBinding(model, (GreenNode) child, at);
      } else if (child.kind() == SyntaxKind.INHERIT) {
        addInherit(model, (GreenNode) child, at);
      }
      at += child.width();
    }
    return model;
  }

  private static boolean isAttrName(SyntaxKind k) {
    return k == SyntaxKind.ATTR_NAME || k == SyntaxKind.STRING || k == SyntaxKind.DYNAMIC;
  }

  private void addInherit(AttrsModel model, GreenNode inherit, int offset) {
    GreenNode from = firstNode(inherit, SyntaxKind.INHERIT_FROM);
    At source = from == null ? null
        : exprChild(from, firstNodeOffset(inherit, offset, SyntaxKind.INHERIT_FROM), 0);
    boolean named = false;
    int at = offset;
    for (int i = 0, n = inherit.childCount(); i < n; i++) {
      GreenElement element = inherit.child(i);
      int childOffset = at;
      at += element.width();
      if (!(element instanceof GreenNode child) || !isAttrName(child.kind())) {
        continue;
      }
      named = true;
      String name = staticName(child, childOffset);
      if (name == null) {
        problems.add(new BindProblem(BindProblem.Kind.SYNTAX, "dynamic attributes not allowed in inherit",
            childOffset, child.width()));
        continue;
      }
      AttrDef existing = model.get(name);
      if (existing != null) {
        duplicate(name, childOffset, child.width(), existing.siteOffset);
        continue;
      }
      model.put(name, new AttrDef(child, childOffset, null, 0, null, from == null,
          source == null ? null : source.green(), source == null ? 0 : source.offset()));
    }
    if (!named && source != null) {
      push(new Unattached(source.green()), source.offset());
    }
  }

  private void addBinding(AttrsModel model, GreenNode binding, int offset) {
    GreenNode attrpath = null;
    int attrpathOffset = 0;
    GreenNode value = null;
    int valueOffset = 0;
    int at = offset;
    for (int i = 0, n = binding.childCount(); i < n; i++) {
      GreenElement element = binding.child(i);
      if (element instanceof GreenNode child) {
        if (child.kind() == SyntaxKind.ATTRPATH) {
          if (attrpath == null) {
            attrpath = child;
            attrpathOffset = at;
          }
        } else if (value == null && Expr.isExpr(child.kind())) {
          value = child;
          valueOffset = at;
        }
      }
      at += element.width();
    }
    if (attrpath == null) {
      return;
    }
    int partCount = 0;
    GreenNode firstPart = null;
    int firstPartOffset = 0;
    at = attrpathOffset;
    for (int i = 0, n = attrpath.childCount(); i < n; i++) {
      GreenElement element = attrpath.child(i);
      if (isAttrName(element.kind())) {
        if (partCount == 0) {
          firstPart = (GreenNode) element;
          firstPartOffset = at;
        }
        partCount++;
      }
      at += element.width();
    }
    if (partCount == 0) {
      return;
    }
    // most attribute paths have one part: arrays only for longer ones
    GreenNode[] parts = null;
    int[] partOffsets = null;
    if (partCount > 1) {
      parts = new GreenNode[partCount];
      partOffsets = new int[partCount];
      int p = 0;
      at = attrpathOffset;
      for (int i = 0, n = attrpath.childCount(); i < n; i++) {
        GreenElement element = attrpath.child(i);
        if (isAttrName(element.kind())) {
          parts[p] = (GreenNode) element;
          partOffsets[p] = at;
          p++;
        }
        at += element.width();
      }
    }
    AttrsModel attrs = model;
    for (int i = 0; i + 1 < partCount; i++) {
      GreenNode part = parts[i];
      String name = staticName(part, partOffsets[i]);
      if (name == null) {
        AttrsModel nested = new AttrsModel(false);
        attrs.addDynamic(new DynamicDef(part, partOffsets[i], null, 0, nested));
        attrs = nested;
        continue;
      }
      AttrDef existing = attrs.get(name);
      if (existing == null) {
        AttrsModel nested = new AttrsModel(false);
        attrs.put(name, new AttrDef(part, partOffsets[i], null, 0, nested, false, null, 0));
        attrs = nested;
      } else if (!existing.inherited && existing.nested != null) {
        attrs = existing.nested;
      } else {
        duplicate(pathText(parts, partOffsets), attrpathOffset, attrpath.width(), existing.siteOffset);
        return;
      }
    }
    GreenNode last = partCount == 1 ? firstPart : parts[partCount - 1];
    int lastOffset = partCount == 1 ? firstPartOffset : partOffsets[partCount - 1];
    At literal = attrSetLiteral(value, valueOffset);
    AttrsModel valueModel = literal == null ? null
        : buildModel(literal.green(), literal.offset(), isRec(literal.green()));
    GreenNode plainValue = valueModel == null ? value : null;
    String name = staticName(last, lastOffset);
    if (name == null) {
      attrs.addDynamic(new DynamicDef(last, lastOffset, plainValue, valueOffset, valueModel));
      return;
    }
    AttrDef existing = attrs.get(name);
    if (existing == null) {
      attrs.put(name, new AttrDef(last, lastOffset, plainValue, valueOffset, valueModel, false, null, 0));
    } else if (existing.nested != null && valueModel != null) {
      // Nix merges the attributes of both sets into the first one; the second set's dynamic
      // attributes and its "rec" are dropped.
      for (DynamicDef dyn : valueModel.dynamic) {
        AttrsModel dropped = new AttrsModel(false);
        dropped.addDynamic(dyn);
        dropModel(dropped);
      }
      for (int i = 0; i < valueModel.size(); i++) {
        AttrDef def = valueModel.def(i);
        AttrDef clash = existing.nested.get(valueModel.name(i));
        if (clash != null) {
          duplicate(valueModel.name(i), def.siteOffset, def.site.width(), clash.siteOffset);
        } else {
          existing.nested.put(valueModel.name(i), def);
        }
      }
    } else {
      String path = partCount == 1
          ? pathText(new GreenNode[] {last}, new int[] {lastOffset}) : pathText(parts, partOffsets);
      duplicate(path, attrpathOffset, attrpath.width(), existing.siteOffset);
    }
  }

  /** The node of a {@code { }} or {@code rec { }} literal, parentheses looked through, or null. */
  private static At attrSetLiteral(GreenNode value, int offset) {
    if (value == null) {
      return null;
    }
    GreenNode node = value;
    int at = offset;
    while (node.kind() == SyntaxKind.PAREN) {
      At inner = exprChild(node, at, 0);
      if (inner == null) {
        break;
      }
      node = inner.green();
      at = inner.offset();
    }
    return node.kind() == SyntaxKind.ATTR_SET ? new At(node, at) : null;
  }

  /** The name of an attrpath part when Nix knows it at parse time, else null. */
  private String staticName(GreenNode part, int offset) {
    if (part.kind() == SyntaxKind.ATTR_NAME) {
      GreenToken token = firstSignificantToken(part);
      return token == null ? null : token.text();
    }
    // strings and ${...}: rare in attribute names, so the typed views' cooking is reused
    return AttrNames.staticName(red(part, offset));
  }

  private String pathText(GreenNode[] parts, int[] offsets) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (out.length() > 0) {
        out.append('.');
      }
      String name = staticName(parts[i], offsets[i]);
      out.append(name != null ? name : "\"${...}\"");
    }
    return out.toString();
  }

  private void duplicate(String name, int offset, int length, int firstOffset) {
    problems.add(new BindProblem(BindProblem.Kind.DUPLICATE_ATTRIBUTE,
        "attribute '" + name + "' already defined at " + lines.line(firstOffset) + ":"
            + lines.column(firstOffset), offset, length));
  }

  /**
   * Binds the values of a set as Nix's {@code ExprAttrs::bindVars} / {@code ExprLet::bindVars}: a
   * recursive set or let sees its own attributes, except in plain {@code inherit}s.
   */
  private void bindModel(AttrsModel model, Definition.Kind kind, GreenNode letBody, int letBodyOffset) {
    boolean scoped = model.recursive || kind == Definition.Kind.LET;
    // plain inherits are looked up outside the new scope: resolve them before entering it
    for (int i = 0; i < model.size(); i++) {
      AttrDef def = model.def(i);
      if (def.inherited) {
        String name = staticName(def.site, def.siteOffset);
        if (name != null) {
          resolve(name, def.siteOffset, def.site.width());
        }
      }
    }
    if (scoped) {
      List<Definition> names = new ArrayList<>(model.size());
      for (int i = 0; i < model.size(); i++) {
        AttrDef def = model.def(i);
        names.add(new Definition(model.name(i), kind, red(def.site, def.siteOffset)));
      }
      enterScope(names);
    }
    if (letBody != null) {
      push(letBody, letBodyOffset);
    }
    // pushed in reverse so that values are visited in source order
    int mark = workCount;
    // each inherit source once; green nodes are never shared, so identity is the place
    GreenNode lastSource = null;
    IdentityHashMap<GreenNode, Boolean> sources = null;
    for (int i = 0; i < model.size(); i++) {
      AttrDef def = model.def(i);
      if (def.nested != null) {
        push(new ModelTask(def.nested, Definition.Kind.REC_ATTRIBUTE));
      } else if (def.inheritSource != null) {
        if (def.inheritSource == lastSource) {
          continue; // the names of one inherit come one after another
        }
        if (lastSource != null && sources == null) {
          sources = new IdentityHashMap<>();
          sources.put(lastSource, Boolean.TRUE);
        }
        lastSource = def.inheritSource;
        if (sources == null || sources.put(def.inheritSource, Boolean.TRUE) == null) {
          push(def.inheritSource, def.inheritSourceOffset);
        }
      } else if (def.value != null) {
        push(def.value, def.valueOffset);
      }
    }
    for (DynamicDef dyn : model.dynamic) {
      if (dyn.name.kind() != SyntaxKind.ATTR_NAME) {
        push(dyn.name, dyn.nameOffset);
      }
      if (dyn.nested != null) {
        push(new ModelTask(dyn.nested, Definition.Kind.REC_ATTRIBUTE));
      } else if (dyn.value != null) {
        push(dyn.value, dyn.valueOffset);
      }
    }
    reverse(mark, workCount);
  }

  private void reverse(int from, int to) {
    for (int i = from, j = to - 1; i < j; i++, j--) {
      Object item = work[i];
      work[i] = work[j];
      work[j] = item;
      int offset = workOffsets[i];
      workOffsets[i] = workOffsets[j];
      workOffsets[j] = offset;
    }
  }
}
