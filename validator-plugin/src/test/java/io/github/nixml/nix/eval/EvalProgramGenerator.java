package io.github.nixml.nix.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Random pure Nix programs, mostly well typed, that exercise the operators and every pure builtin: each program
 * is a tree of {@link Node}s built from templates whose holes take sub-expressions of a given type, so that a
 * disagreement can be shrunk by replacing a sub-tree with the smallest expression of its type.
 */
final class EvalProgramGenerator {

  /** The types the generator builds expressions of. */
  enum Type { INT, FLOAT, BOOL, STR, INTS, STRS, SET, ANY }

  /** One expression: a template whose {@code #} holes are filled, in order, by the children. */
  record Node(Type type, String template, List<Node> children) {
    String render() {
      StringBuilder out = new StringBuilder();
      int child = 0;
      for (char c : template.toCharArray()) {
        if (c == '#') {
          out.append('(').append(children.get(child++).render()).append(')');
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }

  /** A template for a type, its holes' types in order. */
  private record Form(String template, Type... holes) {}

  private static final Map<Type, String> SMALLEST = Map.of(Type.INT, "1", Type.FLOAT, "1.5", Type.BOOL, "true",
      Type.STR, "\"a\"", Type.INTS, "[ 1 2 ]", Type.STRS, "[ \"a\" ]", Type.SET, "{ a = 1; b = 2; }",
      Type.ANY, "null");

  private static final Map<Type, List<Form>> FORMS = Map.of(
      Type.INT, List.of(new Form("# + #", Type.INT, Type.INT), new Form("# - #", Type.INT, Type.INT),
          new Form("# * #", Type.INT, Type.INT), new Form("# / #", Type.INT, Type.INT), new Form("-#", Type.INT),
          new Form("builtins.length #", Type.INTS), new Form("builtins.stringLength #", Type.STR),
          new Form("builtins.add # #", Type.INT, Type.INT), new Form("builtins.sub # #", Type.INT, Type.INT),
          new Form("builtins.mul # #", Type.INT, Type.INT), new Form("builtins.div # #", Type.INT, Type.INT),
          new Form("builtins.bitAnd # #", Type.INT, Type.INT), new Form("builtins.bitOr # #", Type.INT, Type.INT),
          new Form("builtins.bitXor # #", Type.INT, Type.INT), new Form("builtins.ceil #", Type.FLOAT),
          new Form("builtins.floor #", Type.FLOAT), new Form("builtins.compareVersions # #", Type.STR, Type.STR),
          new Form("builtins.elemAt # 1", Type.INTS), new Form("builtins.head #", Type.INTS),
          new Form("builtins.foldl' (a: b: a + b) # #", Type.INT, Type.INTS),
          new Form("if # then # else #", Type.BOOL, Type.INT, Type.INT),
          new Form("let x = #; in x + #", Type.INT, Type.INT), new Form("(x: x * 2) #", Type.INT),
          new Form("({ a, b ? 3, ... }: a + b) { a = #; c = 1; }", Type.INT), new Form("#.a", Type.SET),
          new Form("#.z or #", Type.SET, Type.INT), new Form("#.${#} or #", Type.SET, Type.STR, Type.INT), new Form("builtins.getAttr \"b\" #", Type.SET),
          new Form("(builtins.fromJSON #).a or 7", Type.STR), new Form("builtins.length (builtins.attrNames #)",
              Type.SET), new Form("rec { x = #; y = x + 1; }.y", Type.INT),
          new Form("let f = n: if n <= 0 then 0 else n + f (n - 1); in f (builtins.bitAnd # 15)", Type.INT),
          new Form("builtins.length (builtins.genericClosure { startSet = [ { key = builtins.bitAnd # 7; } ];"
              + " operator = x: [ { key = builtins.bitAnd (x.key * 3 + 1) 7; } ]; })", Type.INT)),
      Type.FLOAT, List.of(new Form("# + #", Type.FLOAT, Type.FLOAT), new Form("# * #", Type.FLOAT, Type.INT),
          new Form("# / #", Type.FLOAT, Type.FLOAT), new Form("# - #", Type.INT, Type.FLOAT),
          new Form("builtins.div # #", Type.FLOAT, Type.INT), new Form("-#", Type.FLOAT),
          new Form("if # then # else #", Type.BOOL, Type.FLOAT, Type.FLOAT)),
      Type.BOOL, List.of(new Form("# < #", Type.INT, Type.INT), new Form("# <= #", Type.FLOAT, Type.INT),
          new Form("# > #", Type.STR, Type.STR), new Form("# >= #", Type.INTS, Type.INTS),
          new Form("# == #", Type.ANY, Type.ANY), new Form("# != #", Type.INT, Type.FLOAT),
          new Form("# == #", Type.SET, Type.SET), new Form("!#", Type.BOOL), new Form("# && #", Type.BOOL, Type.BOOL),
          new Form("# || #", Type.BOOL, Type.BOOL), new Form("# -> #", Type.BOOL, Type.BOOL),
          new Form("builtins.isInt #", Type.ANY), new Form("builtins.isFloat #", Type.ANY),
          new Form("builtins.isString #", Type.ANY), new Form("builtins.isList #", Type.ANY),
          new Form("builtins.isAttrs #", Type.ANY), new Form("builtins.isBool #", Type.ANY),
          new Form("isNull #", Type.ANY), new Form("builtins.isNull #", Type.ANY),
          new Form("builtins.isFunction (x: #)", Type.ANY), new Form("builtins.isFunction #", Type.ANY),
          new Form("builtins.isPath ./a/b", new Type[0]), new Form("builtins.isPath #", Type.ANY),
          new Form("builtins.elem # #", Type.INT, Type.INTS),
          new Form("builtins.all (x: x > 0) #", Type.INTS), new Form("builtins.any (x: x > 2) #", Type.INTS),
          new Form("builtins.hasAttr \"a\" #", Type.SET), new Form("# ? a", Type.SET), new Form("# ? a.b", Type.SET),
          new Form("# ? ${#}", Type.SET, Type.STR),
          new Form("builtins.lessThan # #", Type.INT, Type.FLOAT), new Form("(builtins.tryEval #).success",
              Type.ANY), new Form("builtins.seq # #", Type.ANY, Type.BOOL),
          new Form("builtins.deepSeq # #", Type.ANY, Type.BOOL),
          new Form("builtins.hasContext #", Type.STR), new Form("builtins.pathExists (./files + \"/\" + #)", Type.STR),
          new Form("builtins.pathExists ./files/sub", new Type[0]), new Form("(builtins.tryEval (assert #; 1)).success",
              Type.BOOL)),
      Type.STR, List.of(new Form("# + #", Type.STR, Type.STR), new Form("\"x${#}y\"", Type.STR),
          new Form("toString #", Type.INT), new Form("toString #", Type.FLOAT), new Form("toString #", Type.BOOL),
          new Form("toString #", Type.INTS), new Form("builtins.toString [ # [ ] null # ]", Type.STR, Type.INT),
          new Form("builtins.substring # # #", Type.INT, Type.INT, Type.STR),
          new Form("builtins.concatStringsSep # #", Type.STR, Type.STRS),
          new Form("builtins.replaceStrings # # #", Type.STRS, Type.STRS, Type.STR),
          new Form("builtins.replaceStrings [ \"\" \"a\" ] [ \"-\" # ] #", Type.STR, Type.STR),
          new Form("builtins.typeOf #", Type.ANY), new Form("builtins.toJSON #", Type.ANY),
          new Form("builtins.toJSON #", Type.SET), new Form("baseNameOf #", Type.STR),
          new Form("builtins.toXML #", Type.ANY), new Form("builtins.toXML { f = { a, b ? 1, ... }@s: a; g = x: x;"
              + " h = builtins.add; p = ./p; d = { type = \"derivation\"; drvPath = #; c = 1; }; }", Type.STR),
          new Form("builtins.trace \"t\" #", Type.STR), new Form("builtins.addErrorContext \"c\" #", Type.STR),
          new Form("builtins.dirOf #", Type.STR), new Form("dirOf #", Type.STR),
          new Form("builtins.baseNameOf #", Type.STR),
          new Form("builtins.readFile (./files + \"/\" + #)", Type.STR), new Form("builtins.readFile ./files/a.txt",
              new Type[0]), new Form("builtins.hashString \"sha256\" #", Type.STR), new Form("builtins.hashString \"md5\" #",
              Type.STR), new Form("builtins.hashString \"sha1\" #", Type.STR),
          new Form("builtins.hashString \"sha512\" #", Type.STR), new Form("builtins.placeholder #", Type.STR),
          new Form("placeholder \"out\"", new Type[0]),
          new Form("(builtins.parseDrvName #).name", Type.STR), new Form("(builtins.parseDrvName #).version",
              Type.STR), new Form("builtins.unsafeDiscardStringContext #", Type.STR),
          new Form("builtins.unsafeDiscardOutputDependency #", Type.STR),
          new Form("toString ./a/../b + #", Type.STR), new Form("toString (./a + \"/\" + #)", Type.STR),
          new Form("toString (/x + ./y)", new Type[0]), new Form("toString (dirOf ./a/b)", new Type[0]),
          new Form("builtins.toPath #", Type.STR), new Form("builtins.toPath \"/a/./b/../c\"", new Type[0]),
          new Form("if # then # else #", Type.BOOL, Type.STR, Type.STR),
          new Form("builtins.concatStringsSep \",\" (builtins.splitVersion #)", Type.STR),
          new Form("toString { __toString = self: #; }", Type.STR), new Form("\"${{ outPath = #; }}\"",
              Type.STR), new Form("throw #", Type.STR)),
      Type.INTS, List.of(new Form("[ # # ]", Type.INT, Type.INT), new Form("[ # ]", Type.INT), new Form("[ ]"),
          new Form("# ++ #", Type.INTS, Type.INTS), new Form("map (x: x + 1) #", Type.INTS),
          new Form("builtins.map (x: x * #) #", Type.INT, Type.INTS),
          new Form("builtins.filter (x: x > #) #", Type.INT, Type.INTS), new Form("builtins.tail #", Type.INTS),
          new Form("builtins.concatLists [ # # ]", Type.INTS, Type.INTS),
          new Form("builtins.concatMap (x: [ x (x + 1) ]) #", Type.INTS),
          new Form("builtins.genList (i: i * #) (builtins.bitAnd # 7)", Type.INT, Type.INT),
          new Form("builtins.sort builtins.lessThan #", Type.INTS), new Form("builtins.sort (a: b: a > b) #",
              Type.INTS), new Form("builtins.attrValues #", Type.SET),
          new Form("builtins.catAttrs \"a\" [ # { b = 1; } # ]", Type.SET, Type.SET),
          new Form("(builtins.partition (x: x > 1) #).right", Type.INTS),
          new Form("(builtins.partition (x: x > #) #).wrong", Type.INT, Type.INTS),
          new Form("builtins.fromJSON #", Type.STR), new Form("builtins.map (x: x.key) (builtins.genericClosure"
              + " { startSet = map (k: { key = k; }) #; operator = x: [ ]; })", Type.INTS),
          new Form("builtins.attrValues (builtins.mapAttrs (n: v: v + 1) #)", Type.SET)),
      Type.STRS, List.of(new Form("[ # # ]", Type.STR, Type.STR), new Form("[ # ]", Type.STR),
          new Form("builtins.attrNames #", Type.SET), new Form("builtins.splitVersion #", Type.STR),
          new Form("builtins.filter builtins.isString (builtins.split # #)", Type.STR, Type.STR),
          new Form("builtins.filter builtins.isString (builtins.split \"(a)|b\" #)", Type.STR),
          new Form("builtins.map toString (builtins.split \"[[:digit:]]+\" #)", Type.STR),
          new Form("let m = builtins.match \"([a-c]*)(x)?(.*)\" #; in if m == null then [ ] else"
              + " builtins.map toString m", Type.STR), new Form("builtins.map builtins.typeOf #", Type.INTS),
          new Form("builtins.attrNames (builtins.groupBy (x: if x > 1 then \"big\" else \"small\") #)",
              Type.INTS), new Form("builtins.attrNames (builtins.functionArgs ({ a, b ? 1 }: a))", new Type[0]),
          new Form("builtins.attrNames (builtins.getContext #)", Type.STR)),
      Type.SET, List.of(new Form("{ a = #; b = #; }", Type.INT, Type.INT), new Form("{ a = #; }", Type.ANY),
          new Form("# // #", Type.SET, Type.SET), new Form("builtins.intersectAttrs # #", Type.SET, Type.SET),
          new Form("builtins.removeAttrs # [ \"a\" ]", Type.SET),
          new Form("builtins.listToAttrs [ { name = #; value = #; } { name = \"a\"; value = 2; } ]", Type.STR,
              Type.INT), new Form("builtins.mapAttrs (n: v: n) #", Type.SET),
          new Form("builtins.zipAttrsWith (n: vs: builtins.length vs) [ # # ]", Type.SET, Type.SET),
          new Form("builtins.groupBy (x: toString (builtins.bitAnd x 1)) #", Type.INTS),
          new Form("builtins.partition (x: x > 1) #", Type.INTS), new Form("builtins.tryEval #", Type.INT),
          new Form("builtins.tryEval (throw #)", Type.STR), new Form("builtins.parseDrvName #", Type.STR),
          new Form("builtins.functionArgs ({ a, b ? #, ... }: a)", Type.INT),
          new Form("rec { a = #; b = a; }", Type.INT), new Form("let s = #; in { inherit (s) a; c = 1; }",
              Type.SET), new Form("{ a.b = #; a.c = 2; }", Type.INT), new Form("with #; { x = a; }", Type.SET),
          new Form("builtins.fromJSON \"{\\\"a\\\": [1, 2.5, true, null, \\\"s\\\"]}\"", new Type[0]),
          new Form("builtins.getContext #", Type.STR), new Form("builtins.readDir ./files", new Type[0]),
          new Form("builtins.fromTOML \"a = ${toString #}\\nb = [1, 2.5]\\n[t]\\nc = \\\"x\\\"\\n[[l]]\\nd = true\\n"
              + "[[l]]\\ne = { f = 1 }\\n\"", Type.INT),
          new Form("builtins.fromTOML (if # then \"a = \" else \"d = 1979-05-27\")", Type.BOOL),
          new Form("{ ${#} = #; z = 1; }", Type.STR, Type.INT), new Form("{ a.${#}.b = #; }", Type.STR, Type.ANY),
          new Form("{ ${if # then null else \"k\"} = 1; z = 2; }", Type.BOOL)),
      Type.ANY, List.of());

  private static final String[] WORDS = {"a", "b", "abc", "1.2.3", "foo-1.0pre2", "x-2.0", "", "a-b", "hello world",
      "1.10", "1.9", "2.0pre", "[1,2]", "{\\\"a\\\":3}", "12", "3.5", "a\\nb", "\\\"q\\\"", "path/to/file", "/abs/dir/",
      "bax", "xx1yy22", "cab"};

  private final SplittableRandom random;

  EvalProgramGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A program of a random type. */
  Node program() {
    Type[] types = {Type.INT, Type.FLOAT, Type.BOOL, Type.STR, Type.INTS, Type.STRS, Type.SET};
    return node(types[random.nextInt(types.length)], 4);
  }

  Node node(Type type, int depth) {
    if (type == Type.ANY) {
      Type[] types = {Type.INT, Type.FLOAT, Type.BOOL, Type.STR, Type.INTS, Type.STRS, Type.SET};
      return node(types[random.nextInt(types.length)], depth);
    }
    int roll = random.nextInt(100);
    if (roll < 2) {
      return new Node(type, random.nextInt(40) == 0 ? "abort \"stop\"" : "throw \"boom\"", List.of());
    }
    if (roll < 3) {
      return new Node(type, "assert # < 0; #", List.of(node(Type.INT, 0), leaf(type)));
    }
    if (depth <= 0 || roll < 25) {
      return leaf(type);
    }
    List<Form> forms = FORMS.get(type);
    Form form = forms.get(random.nextInt(forms.size()));
    List<Node> children = new ArrayList<>();
    for (Type hole : form.holes()) {
      children.add(node(hole, depth - 1));
    }
    return new Node(type, form.template(), children);
  }

  private Node leaf(Type type) {
    return new Node(type, switch (type) {
      case INT -> Integer.toString(random.nextInt(-3, 12));
      case FLOAT -> random.nextInt(4) + "." + random.nextInt(100);
      case BOOL -> random.nextBoolean() ? "true" : "false";
      case STR -> "\"" + WORDS[random.nextInt(WORDS.length)] + "\"";
      case INTS -> "[ " + random.nextInt(5) + " (" + random.nextInt(-2, 4) + ") 3 ]";
      case STRS -> "[ \"" + WORDS[random.nextInt(WORDS.length)] + "\" \"b\" ]";
      case SET -> "{ a = " + random.nextInt(5) + "; b = " + random.nextInt(5) + "; }";
      case ANY -> "null";
    }, List.of());
  }

  /** Smaller programs of the same shape: each sub-tree replaced by the smallest expression of its type. */
  static List<Node> shrinks(Node node) {
    List<Node> out = new ArrayList<>();
    String smallest = SMALLEST.get(node.type());
    if (!node.children().isEmpty() || !node.template().equals(smallest)) {
      out.add(new Node(node.type(), smallest, List.of()));
    }
    for (int i = 0; i < node.children().size(); i++) {
      int index = i;
      Function<Node, Node> replace = child -> {
        List<Node> children = new ArrayList<>(node.children());
        children.set(index, child);
        return new Node(node.type(), node.template(), children);
      };
      shrinks(node.children().get(i)).forEach(smaller -> out.add(replace.apply(smaller)));
    }
    return out;
  }
}
