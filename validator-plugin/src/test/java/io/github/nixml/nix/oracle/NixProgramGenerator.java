package io.github.nixml.nix.oracle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded grammar-based generator of Nix programs covering the whole expression language: every
 * literal kind, both string kinds with interpolation and escapes, attribute sets (rec, nested,
 * quoted, dynamic, inherit), lists, let (both forms), with, assert, if, lambdas (formals, defaults,
 * ellipsis, @ on either side), application, select with {@code or}, {@code ?}, every operator at
 * mixed precedence, comments and odd whitespace.
 *
 * <p>It tracks lexical scopes and attribute names, so a "clean" program is valid by construction.
 * One program in four is "sloppy": it sometimes references an undefined variable or repeats an
 * attribute or formal, which Nix rejects at parse time. The same seed always gives the same program.
 */
public final class NixProgramGenerator {
  // Binding strength of an expression's outermost construct; higher binds tighter (Nix's parser.y).
  static final int LOW = 0; // lambda, let, with, assert, if: extend as far right as possible
  static final int IMPL = 10;
  static final int OR = 15;
  static final int AND = 20;
  static final int EQ = 25;
  static final int REL = 30;
  static final int UPDATE = 35;
  static final int NOT = 40;
  static final int ADD = 45;
  static final int MUL = 50;
  static final int CONCAT = 55;
  static final int HAS = 60;
  static final int NEG = 70;
  static final int APP = 80;
  static final int SELECT = 90;
  static final int ATOM = 100;

  private record Op(String symbol, int level, Assoc assoc) {}

  private enum Assoc { LEFT, RIGHT, NONE }

  private static final List<Op> BINARY = List.of(
      new Op("->", IMPL, Assoc.RIGHT), new Op("||", OR, Assoc.LEFT), new Op("&&", AND, Assoc.LEFT),
      new Op("==", EQ, Assoc.NONE), new Op("!=", EQ, Assoc.NONE),
      new Op("<", REL, Assoc.NONE), new Op(">", REL, Assoc.NONE), new Op("<=", REL, Assoc.NONE),
      new Op(">=", REL, Assoc.NONE), new Op("//", UPDATE, Assoc.RIGHT),
      new Op("+", ADD, Assoc.LEFT), new Op("-", ADD, Assoc.LEFT),
      new Op("*", MUL, Assoc.LEFT), new Op("/", MUL, Assoc.LEFT), new Op("++", CONCAT, Assoc.RIGHT));

  /** Names Nix binds in every file. */
  static final List<String> BUILTINS = List.of("true", "false", "null", "builtins", "import", "map",
      "toString", "throw", "abort", "baseNameOf", "dirOf", "isNull", "removeAttrs", "derivation",
      "fetchTarball", "placeholder", "__add", "__length", "__curPos", "scopedImport");

  static final List<String> NAMES = List.of("a", "b", "c", "x", "y", "z", "foo", "bar", "foo-bar",
      "x'", "_tmp", "pkgs", "lib", "self", "super", "src", "version", "name", "python3", "cuda_11",
      "mkShell", "buildInputs", "a-b'c", "__x", "callPackage", "stdenv", "fetchurl", "meta");

  private static final String[] TEXT = {"hello", " ", "world", "é", "λ", "→", "\t", "a b", "{", "}",
      "'", "$", "~", "#", "/*", "*/", "://", "🐍", "\\u", "abc"};

  private final Random random;
  private final boolean sloppy;
  private final int maxDepth;

  public NixProgramGenerator(long seed) {
    this.random = new Random(seed);
    this.sloppy = random.nextInt(4) == 0;
    this.maxDepth = 2 + random.nextInt(5);
  }

  /** The random source, so a mutator can continue the same seeded sequence. */
  Random random() {
    return random;
  }

  /** A whole program: one expression with leading and trailing trivia. */
  public String program() {
    StringBuilder out = new StringBuilder();
    if (chance(0.2)) {
      out.append(random.nextBoolean() ? "# generated\n" : "/* generated */\n");
    }
    out.append(expr(0, new Scope(List.of(), false)).text);
    if (chance(0.3)) {
      out.append(pick(" ", "\n", "\n\n", " # end", "\n/* end */\n", "\t\r\n"));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Expressions

  private record Expr(String text, int prec) {}

  /** Names in scope, and whether some {@code with} encloses us (then any name is accepted). */
  private record Scope(List<String> names, boolean inWith) {
    Scope plus(List<String> more) {
      List<String> all = new ArrayList<>(names);
      all.addAll(more);
      return new Scope(all, inWith);
    }

    Scope withWith() {
      return new Scope(names, true);
    }
  }

  private Expr expr(int depth, Scope scope) {
    if (depth >= maxDepth) {
      return atom(depth, scope);
    }
    int choice = random.nextInt(100);
    if (choice < 14) {
      return atom(depth, scope);
    } else if (choice < 26) {
      return binary(depth, scope);
    } else if (choice < 30) {
      return unary(depth, scope);
    } else if (choice < 40) {
      return attrSet(depth, scope);
    } else if (choice < 46) {
      return list(depth, scope);
    } else if (choice < 53) {
      return let(depth, scope);
    } else if (choice < 55) {
      return legacyLet(depth, scope);
    } else if (choice < 59) {
      return with(depth, scope);
    } else if (choice < 61) {
      return assertion(depth, scope);
    } else if (choice < 65) {
      return conditional(depth, scope);
    } else if (choice < 74) {
      return lambda(depth, scope);
    } else if (choice < 82) {
      return application(depth, scope);
    } else if (choice < 90) {
      return select(depth, scope);
    } else if (choice < 93) {
      return hasAttr(depth, scope);
    } else if (choice < 97) {
      return string(depth, scope);
    } else {
      return indentedString(depth, scope);
    }
  }

  /** An expression printed so that it binds at least as tightly as {@code minPrec}. */
  private String operand(int depth, Scope scope, int minPrec) {
    return wrap(expr(depth + 1, scope), minPrec);
  }

  private String wrap(Expr e, int minPrec) {
    if (e.prec >= minPrec && !chance(0.04)) {
      return e.text;
    }
    return "(" + maybeWs() + e.text + maybeWs() + ")";
  }

  private Expr atom(int depth, Scope scope) {
    int choice = random.nextInt(100);
    if (choice < 35) {
      return new Expr(variable(scope), ATOM);
    } else if (choice < 50) {
      return new Expr(integer(), ATOM);
    } else if (choice < 56) {
      return new Expr(floating(), ATOM);
    } else if (choice < 66) {
      return new Expr(path(depth, scope), ATOM);
    } else if (choice < 70) {
      return new Expr(pick("<nixpkgs>", "<nixpkgs/lib>", "<nixos-config>", "<a.b/c-d_e+f>"), ATOM);
    } else if (choice < 74) {
      return new Expr(pick("https://example.org/a?b=c&d=%20", "github:NixOS/nixpkgs/nixos-23.11",
          "http://x.y/z.tar.gz", "git+ssh://git@host:repo.git", "mailto:me@example.org",
          "file:///etc/nix"), ATOM);
    } else if (choice < 86) {
      return depth + 1 < maxDepth ? string(depth, scope) : new Expr("\"" + plainText() + "\"", ATOM);
    } else if (choice < 90) {
      return new Expr("{" + maybeWs() + "}", ATOM);
    } else if (choice < 94) {
      return new Expr("[" + maybeWs() + "]", ATOM);
    } else {
      return new Expr("''" + plainText() + "''", ATOM);
    }
  }

  private String variable(Scope scope) {
    if (sloppy && chance(0.08)) {
      return pick("undefinedThing", "pkgs'", "notBound", "foo_bar_baz");
    }
    if (scope.inWith && chance(0.3)) {
      return pick(NAMES) + (chance(0.5) ? "" : "W");
    }
    if (!scope.names.isEmpty() && chance(0.75)) {
      return scope.names.get(random.nextInt(scope.names.size()));
    }
    return pick(BUILTINS);
  }

  private String integer() {
    if (sloppy && chance(0.03)) {
      return "99999999999999999999"; // Nix: invalid integer
    }
    return pick("0", "1", "42", "007", "1000000", "9223372036854775807",
        Integer.toString(random.nextInt(100000)));
  }

  private String floating() {
    return pick("1.5", "0.5", ".5", "1.", "3.14159", "1.e5", "2.5E-3", "0.0", "10.25e+2", ".5e1");
  }

  private String path(int depth, Scope scope) {
    String base = pick("./a/b.nix", "../x", "/abs/path", "~/dotfiles", "a/b", "./a-b_c+d.e",
        "./.", "../..", "/nix/store/abc-def", "./default.nix", "pkgs/top-level/all-packages.nix");
    if (depth + 1 < maxDepth && chance(0.15)) {
      // path interpolation (Nix 2.4+): ./foo/${x}
      return pick("./foo/", "/etc/", "a/") + "${" + maybeWs() + expr(depth + 1, scope).text + maybeWs() + "}";
    }
    if (sloppy && chance(0.05)) {
      return "./trailing/"; // Nix: path has a trailing slash
    }
    return base;
  }

  private Expr binary(int depth, Scope scope) {
    Op op = pick(BINARY);
    int leftMin = op.assoc == Assoc.LEFT ? op.level : op.level + 1;
    int rightMin = op.assoc == Assoc.RIGHT ? op.level : op.level + 1;
    String left = operand(depth, scope, leftMin);
    String right = operand(depth, scope, rightMin);
    return new Expr(left + ws() + op.symbol + ws() + right, op.level);
  }

  private Expr unary(int depth, Scope scope) {
    if (random.nextBoolean()) {
      return new Expr("-" + maybeWs() + operand(depth, scope, NEG), NEG);
    }
    return new Expr("!" + maybeWs() + operand(depth, scope, NOT), NOT);
  }

  private Expr application(int depth, Scope scope) {
    StringBuilder out = new StringBuilder(wrap(expr(depth + 1, scope), APP));
    int args = 1 + random.nextInt(3);
    for (int i = 0; i < args; i++) {
      out.append(ws()).append(operand(depth, scope, SELECT));
    }
    return new Expr(out.toString(), APP);
  }

  private Expr select(int depth, Scope scope) {
    String base;
    int kind = random.nextInt(10);
    if (kind < 6) {
      base = variable(scope);
    } else if (kind < 8) {
      base = attrSet(depth, scope).text;
    } else {
      base = "(" + expr(depth + 1, scope).text + ")";
    }
    StringBuilder out = new StringBuilder(base);
    out.append(maybeWs()).append('.').append(maybeWs()).append(attrPath(depth, scope));
    if (chance(0.3)) {
      out.append(ws()).append("or").append(ws()).append(operand(depth, scope, SELECT));
    }
    return new Expr(out.toString(), SELECT);
  }

  private Expr hasAttr(int depth, Scope scope) {
    String left = operand(depth, scope, HAS + 1);
    return new Expr(left + ws() + "?" + ws() + attrPath(depth, scope), HAS);
  }

  /** {@code a.b."c d".${e}} as after a select or {@code ?}. */
  private String attrPath(int depth, Scope scope) {
    int parts = 1 + random.nextInt(3);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      names.add(attrName(depth, scope, true));
    }
    return String.join(".", names);
  }

  /** One attribute name; static unless {@code dynamicAllowed}, then sometimes {@code ${e}}. */
  private String attrName(int depth, Scope scope, boolean dynamicAllowed) {
    int choice = random.nextInt(100);
    if (dynamicAllowed && choice < 8 && depth + 1 < maxDepth) {
      return "${" + maybeWs() + expr(depth + 1, scope).text + maybeWs() + "}";
    } else if (dynamicAllowed && choice < 12 && depth + 1 < maxDepth) {
      return "\"pre${" + expr(depth + 1, scope).text + "}\"";
    } else if (choice < 20) {
      return "\"" + pick("a b", "", "x.y", "1st", "with", "é", "a\\\"q") + "\"";
    } else if (choice < 23) {
      return "or";
    }
    return pick(NAMES);
  }

  // ---------------------------------------------------------------------------------------------
  // Attribute sets and let

  /** Static first names bound so far in one set, with the children of names made by nested paths. */
  private final class Bindings {
    final List<String> bound = new ArrayList<>();
    final Set<String> plain = new HashSet<>();
    final Map<String, Set<String>> nested = new HashMap<>();

    /** A fresh static name, or sometimes (sloppy) a duplicate. */
    String fresh() {
      if (sloppy && !bound.isEmpty() && chance(0.15)) {
        return bound.get(random.nextInt(bound.size()));
      }
      for (int tries = 0; tries < 20; tries++) {
        String name = chance(0.9) ? pick(NAMES) : "n" + random.nextInt(1000);
        if (!plain.contains(name) && !nested.containsKey(name)) {
          return name;
        }
      }
      return "unique" + bound.size() + "_" + random.nextInt(1_000_000);
    }
  }

  private Expr attrSet(int depth, Scope scope) {
    boolean rec = chance(0.25);
    StringBuilder body = new StringBuilder();
    Bindings bindings = new Bindings();
    int count = depth + 1 >= maxDepth ? random.nextInt(2) : random.nextInt(5);
    List<String[]> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      parts.add(bindingHead(depth, scope, bindings, true));
    }
    Scope inner = rec ? scope.plus(bindings.bound) : scope;
    for (String[] part : parts) {
      body.append(ws()).append(bindingText(part, depth, inner, scope));
    }
    String text = (rec ? "rec" + ws() : "") + "{" + body + ws() + "}";
    return new Expr(text, ATOM);
  }

  /**
   * Chooses what one binding defines: {@code {"=", path}}, {@code {"inherit", names}} or {@code
   * {"inherit-from", names}}; values are generated later, once the scope of the set is known.
   */
  private String[] bindingHead(int depth, Scope outer, Bindings bindings, boolean dynamicAllowed) {
    int choice = random.nextInt(100);
    if (choice < 10 && !outer.names.isEmpty()) {
      List<String> names = new ArrayList<>();
      int n = 1 + random.nextInt(2);
      for (int i = 0; i < n; i++) {
        String name = outer.names.get(random.nextInt(outer.names.size()));
        if ((bindings.plain.contains(name) || bindings.nested.containsKey(name)) && !sloppy) {
          continue;
        }
        bindings.plain.add(name);
        bindings.bound.add(name);
        names.add(name);
      }
      if (names.isEmpty()) {
        return new String[] {"inherit", ""};
      }
      return new String[] {"inherit", String.join(" ", names)};
    } else if (choice < 18) {
      List<String> names = new ArrayList<>();
      int n = random.nextInt(3);
      for (int i = 0; i < n; i++) {
        String name = bindings.fresh();
        bindings.plain.add(name);
        bindings.bound.add(name);
        names.add(chance(0.1) ? "\"" + name + "\"" : name);
      }
      return new String[] {"inherit-from", String.join(" ", names)};
    } else if (choice < 28) {
      // nested path a.b.c = v; may extend an earlier nested path with a fresh child
      String first = null;
      if (!bindings.nested.isEmpty() && chance(0.5)) {
        first = bindings.nested.keySet().iterator().next();
      }
      if (first == null) {
        first = bindings.fresh();
        bindings.bound.add(first);
      }
      Set<String> children = bindings.nested.computeIfAbsent(first, k -> new HashSet<>());
      String child = pick(NAMES);
      if (children.contains(child) && !sloppy) {
        child = child + "_" + children.size();
      }
      children.add(child);
      StringBuilder path = new StringBuilder(first).append('.').append(child);
      if (chance(0.3)) {
        path.append('.').append(attrName(depth, outer, dynamicAllowed));
      }
      return new String[] {"=", path.toString()};
    } else if (choice < 33 && dynamicAllowed && depth + 1 < maxDepth) {
      String name = chance(0.5)
          ? "${" + maybeWs() + expr(depth + 1, outer).text + maybeWs() + "}"
          : "\"${" + expr(depth + 1, outer).text + "}-x\"";
      return new String[] {"=", name};
    } else {
      String name = bindings.fresh();
      bindings.plain.add(name);
      bindings.bound.add(name);
      if (chance(0.1)) {
        name = "\"" + name + "\""; // quoted static name: the same attribute as the bare one
      }
      return new String[] {"=", name};
    }
  }

  private String bindingText(String[] head, int depth, Scope valueScope, Scope outer) {
    switch (head[0]) {
      case "inherit":
        return "inherit" + (head[1].isEmpty() ? "" : ws() + head[1]) + maybeWs() + ";";
      case "inherit-from":
        return "inherit" + ws() + "(" + maybeWs() + expr(depth + 1, valueScope).text + maybeWs() + ")"
            + (head[1].isEmpty() ? "" : ws() + head[1]) + maybeWs() + ";";
      default:
        return head[1] + ws() + "=" + ws() + expr(depth + 1, valueScope).text + maybeWs() + ";";
    }
  }

  private Expr let(int depth, Scope scope) {
    Bindings bindings = new Bindings();
    int count = 1 + random.nextInt(3);
    List<String[]> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      parts.add(bindingHead(depth, scope, bindings, false));
    }
    Scope inner = scope.plus(bindings.bound);
    StringBuilder out = new StringBuilder("let");
    for (String[] part : parts) {
      out.append(ws()).append(bindingText(part, depth, inner, scope));
    }
    out.append(ws()).append("in").append(ws()).append(expr(depth + 1, inner).text);
    return new Expr(out.toString(), LOW);
  }

  /** {@code let { a = 1; body = a; }}: a recursive set whose {@code body} is the value. */
  private Expr legacyLet(int depth, Scope scope) {
    Bindings bindings = new Bindings();
    bindings.plain.add("body");
    bindings.bound.add("body");
    List<String[]> parts = new ArrayList<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      parts.add(bindingHead(depth, scope, bindings, false));
    }
    Scope inner = scope.plus(bindings.bound);
    StringBuilder out = new StringBuilder("let").append(ws()).append("{");
    for (String[] part : parts) {
      out.append(ws()).append(bindingText(part, depth, inner, scope));
    }
    out.append(ws()).append("body").append(ws()).append("=").append(ws())
        .append(expr(depth + 1, inner).text).append(";").append(ws()).append("}");
    return new Expr(out.toString(), ATOM);
  }

  private Expr with(int depth, Scope scope) {
    return new Expr("with" + ws() + expr(depth + 1, scope).text + maybeWs() + ";" + ws()
        + expr(depth + 1, scope.withWith()).text, LOW);
  }

  private Expr assertion(int depth, Scope scope) {
    return new Expr("assert" + ws() + expr(depth + 1, scope).text + maybeWs() + ";" + ws()
        + expr(depth + 1, scope).text, LOW);
  }

  private Expr conditional(int depth, Scope scope) {
    return new Expr("if" + ws() + expr(depth + 1, scope).text + ws() + "then" + ws()
        + expr(depth + 1, scope).text + ws() + "else" + ws() + expr(depth + 1, scope).text, LOW);
  }

  private Expr lambda(int depth, Scope scope) {
    int kind = random.nextInt(10);
    if (kind < 4) {
      String name = pick(NAMES);
      return new Expr(name + ":" + ws() + expr(depth + 1, scope.plus(List.of(name))).text, LOW);
    }
    // formals, with an optional @ name on either side
    List<String> formals = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      String name = pick(NAMES);
      if (formals.contains(name) && !(sloppy && chance(0.3))) {
        continue;
      }
      formals.add(name);
    }
    String at = null;
    if (kind >= 7) {
      at = pick("args", "attrs", "self", "inputs");
      if (formals.contains(at) && !(sloppy && chance(0.5))) {
        at = at + "'";
      }
    }
    List<String> bound = new ArrayList<>(formals);
    if (at != null) {
      bound.add(at);
    }
    Scope inner = scope.plus(bound);
    boolean ellipsis = chance(0.35);
    StringBuilder set = new StringBuilder("{");
    for (int i = 0; i < formals.size(); i++) {
      set.append(maybeWs()).append(formals.get(i));
      if (chance(0.3)) {
        set.append(ws()).append("?").append(ws()).append(expr(depth + 1, inner).text);
      }
      if (i + 1 < formals.size() || ellipsis || chance(0.2)) {
        set.append(maybeWs()).append(",");
      }
    }
    if (ellipsis) {
      set.append(ws()).append("...");
    }
    set.append(maybeWs()).append("}");
    String pattern = set.toString();
    if (at != null) {
      pattern = random.nextBoolean()
          ? at + maybeWs() + "@" + maybeWs() + pattern
          : pattern + maybeWs() + "@" + maybeWs() + at;
    }
    return new Expr(pattern + maybeWs() + ":" + ws() + expr(depth + 1, inner).text, LOW);
  }

  private Expr list(int depth, Scope scope) {
    StringBuilder out = new StringBuilder("[");
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      out.append(ws()).append(operand(depth, scope, SELECT));
    }
    return new Expr(out.append(ws()).append("]").toString(), ATOM);
  }

  // ---------------------------------------------------------------------------------------------
  // Strings

  private Expr string(int depth, Scope scope) {
    StringBuilder out = new StringBuilder("\"");
    int parts = random.nextInt(5);
    for (int i = 0; i < parts; i++) {
      int choice = random.nextInt(10);
      if (choice < 4) {
        out.append(plainText());
      } else if (choice < 6) {
        out.append(pick("\\n", "\\t", "\\r", "\\\\", "\\\"", "\\$", "\\${x}", "\\q", "\\'", "\\\n"));
      } else if (choice < 7) {
        out.append(pick("$", "$$", "$${notInterpolated}", "$x", "\n", "''", "#"));
      } else if (depth + 1 < maxDepth) {
        out.append("${").append(maybeWs()).append(expr(depth + 1, scope).text).append(maybeWs()).append("}");
      }
    }
    // a lone '$' right before the closing quote is literal
    if (chance(0.05)) {
      out.append('$');
    }
    return new Expr(out.append('"').toString(), ATOM);
  }

  private Expr indentedString(int depth, Scope scope) {
    StringBuilder out = new StringBuilder("''");
    String indent = pick("", "  ", "    ", "\t", " ");
    if (chance(0.7)) {
      out.append('\n');
    }
    int lines = 1 + random.nextInt(4);
    for (int line = 0; line < lines; line++) {
      out.append(indent).append(chance(0.3) ? "  " : "");
      int parts = random.nextInt(4);
      for (int i = 0; i < parts; i++) {
        int choice = random.nextInt(10);
        if (choice < 4) {
          out.append(plainText());
        } else if (choice < 6) {
          out.append(pick("'''", "''$", "''\\n", "''\\t", "''\\", "''${x}", "'", "\"", "\\n", "$'"));
        } else if (choice < 7) {
          out.append(pick("$", "$$", "$${notInterpolated}", "$x", "''\\''"));
        } else if (depth + 1 < maxDepth) {
          out.append("${").append(maybeWs()).append(expr(depth + 1, scope).text).append(maybeWs()).append("}");
        }
      }
      out.append('\n');
    }
    if (chance(0.5)) {
      out.append(indent);
    }
    return new Expr(out.append("''").toString(), ATOM);
  }

  /** Text without string delimiters, backslashes, or {@code $}. */
  private String plainText() {
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      String piece = pick(TEXT);
      if (piece.equals("$") || piece.equals("'") || piece.equals("\\u")) {
        piece = "x";
      }
      out.append(piece);
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Trivia

  /** At least one whitespace character; sometimes newlines, tabs, comments. Never starts with a comment. */
  private String ws() {
    int choice = random.nextInt(100);
    if (choice < 75) {
      return " ";
    } else if (choice < 87) {
      return "\n" + "  ".repeat(random.nextInt(4));
    } else if (choice < 91) {
      return " /* " + pick("note", "", "*", "a /* b", "é") + " */ ";
    } else if (choice < 94) {
      return " # " + pick("comment", "", "# again", "/* not a block") + "\n";
    } else if (choice < 97) {
      return "\t";
    } else {
      return pick("\r\n", "  \n\n  ", " \t ");
    }
  }

  /** Optional whitespace, where none is needed to separate tokens. */
  private String maybeWs() {
    return chance(0.6) ? "" : ws();
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
