package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.EvalProgramGenerator.Node;
import io.github.nixml.nix.eval.EvalProgramGenerator.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random programs that apply the functions of nixml's own Nix sources of nixpkgs' {@code lib}, flake-utils and
 * nix-systems ({@code nixml/nix/*.nix}) to generated arguments of the shapes they take. Each program is
 * {@link #PRELUDE} (the three files imported, as {@code nix-instantiate} reads them) around a body whose holes are
 * filled by {@link EvalProgramGenerator}'s expressions, so that a disagreement shrinks like any other program.
 */
final class LibProgramGenerator {

  /** The names every lib program may use: {@code lib}, {@code flake-utils}, {@code nix-systems}. */
  static final String PRELUDE = "let lib = import ./lib.nix { }; flake-utils = import ./flake-utils.nix { };"
      + " nix-systems = import ./nix-systems.nix; in ";

  /** A template, its holes' types in order. */
  private record Form(String template, Type... holes) {}

  private static final Type I = Type.INT;
  private static final Type F = Type.FLOAT;
  private static final Type B = Type.BOOL;
  private static final Type S = Type.STR;
  private static final Type IS = Type.INTS;
  private static final Type SS = Type.STRS;
  private static final Type A = Type.SET;
  private static final Type X = Type.ANY;

  private static final List<Form> FORMS = List.of(
      // modules: the module system's properties, as the values nixml's flake-parts and devenv read
      new Form("lib.mkIf # #", B, X), new Form("lib.modules.mkIf # #", B, A), new Form("lib.mkMerge [ # # ]", A, A),
      new Form("lib.modules.mkMerge #", IS), new Form("lib.mkOverride # #", I, X),
      new Form("lib.modules.mkOverride # #", I, S), new Form("lib.mkDefault #", X),
      new Form("lib.modules.mkDefault #", I), new Form("lib.mkForce #", X), new Form("lib.modules.mkForce #", S),
      new Form("lib.mkOptionDefault #", X), new Form("lib.modules.mkOptionDefault #", I),
      new Form("lib.mkVMOverride #", X), new Form("lib.modules.mkVMOverride #", A),
      new Form("lib.mkOrder # #", I, X), new Form("lib.modules.mkOrder # #", I, IS), new Form("lib.mkBefore #", X),
      new Form("lib.modules.mkBefore #", SS), new Form("lib.mkAfter #", X), new Form("lib.modules.mkAfter #", S),
      new Form("(lib.mkIf # (lib.mkForce #)).content.priority", B, I),
      // trivial
      new Form("lib.id #", X), new Form("lib.const # #", I, S), new Form("lib.flip builtins.sub # #", I, I),
      new Form("lib.pipe # [ (x: x + 1) (x: x * #) ]", I, I), new Form("lib.pipe # [ ]", S),
      new Form("lib.concat # #", IS, IS), new Form("lib.and # #", B, B), new Form("lib.trivial.or # #", B, B),
      new Form("lib.xor # #", B, B), new Form("lib.boolToString #", B), new Form("lib.mergeAttrs # #", A, A),
      new Form("lib.defaultTo # (if # then null else #)", I, B, I), new Form("lib.mod # #", I, I),
      new Form("lib.min # #", I, I), new Form("lib.max # #", F, I), new Form("lib.max # #", S, S),
      new Form("lib.compare # #", I, I), new Form("lib.compare # #", S, S),
      new Form("lib.fix (self: { a = #; b = self.a + 1; })", I), new Form("lib.isFunction #", X),
      new Form("lib.isFunction { __functor = self: x: x; }"), new Form("lib.isFunction (x: #)", I),
      new Form("lib.toFunction # 3", I), new Form("lib.toFunction (x: x + #) 3", I),
      new Form("lib.functionArgs ({ a, b ? # }: a)", I), new Form("lib.functionArgs (x: #)", I),
      new Form("lib.functionArgs (lib.setFunctionArgs (x: x) { a = #; })", B),
      new Form("lib.functionArgs (lib.mirrorFunctionArgs ({ a ? 1, b }: a) (x: x))"),
      new Form("lib.mirrorFunctionArgs ({ a ? 1, b }: a) (x: x.b) { b = #; }", I),
      new Form("lib.functionArgs { __functor = self: { c ? # }: c; }", I),
      new Form("lib.add # #", I, I), new Form("lib.sub # #", F, I), new Form("lib.seq # #", X, B),
      new Form("lib.deepSeq # #", X, B), new Form("lib.lessThan # #", I, I), new Form("lib.bitAnd # #", I, I),
      new Form("lib.bitOr # #", I, I), new Form("lib.bitXor # #", I, I), new Form("lib.bitNot #", I),
      new Form("lib.warn # #", S, I), new Form("lib.warnIf # # #", B, S, I), new Form("lib.warnIfNot # # #", B, S, S),
      new Form("lib.throwIf # # #", B, S, I), new Form("lib.throwIfNot # # #", B, S, IS),
      new Form("lib.toBaseDigits (builtins.bitAnd # 15) (builtins.bitAnd # 1023)", I, I),
      new Form("lib.importJSON ./files/a.json"), new Form("lib.importTOML ./files/a.toml"),
      new Form("lib.importJSON (./files + \"/\" + #)", S), new Form("lib.trivial.boolToString #", B),
      new Form("lib.typeOf #", X), new Form("lib.isInt #", X), new Form("lib.isBool #", X),
      new Form("lib.isFloat #", X), new Form("lib.isList #", X),
      // fixed points
      new Form("builtins.removeAttrs (lib.fix' (self: { a = #; b = self.a; })) [ \"__unfix__\" ]", I),
      new Form("(lib.fix' (self: { a = #; b = self.a; })).__unfix__ { a = #; }", S, I),
      new Form("lib.converge (x: builtins.div x 2) #", I), new Form("lib.converge (x: x) #", X),
      new Form("lib.fix (lib.extends (final: prev: { a = prev.a + #; c = final.b; }) (final: { a = #;"
          + " b = final.a * 2; }))", I, I),
      new Form("lib.fix (lib.extends (lib.composeExtensions (final: prev: { a = prev.a + #; })"
          + " (final: prev: { b = prev.a + final.a; })) (final: { a = #; b = 0; }))", I, I),
      new Form("lib.fix (lib.extends (lib.composeManyExtensions [ (final: prev: { a = prev.a * #; })"
          + " (final: prev: { c = prev.a; }) ]) (final: { a = #; }))", I, I),
      new Form("lib.fix (lib.extends (lib.composeManyExtensions [ ]) (final: #))", A),
      new Form("builtins.removeAttrs ((lib.makeExtensible (self: { a = #; b = self.a + 1; })).extend"
          + " (final: prev: { a = prev.a * #; })) [ \"extend\" \"__unfix__\" ]", I, I),
      new Form("builtins.removeAttrs ((lib.makeExtensibleWithCustomName \"over\" (self: #)).over"
          + " (final: prev: { z = #; })) [ \"over\" \"__unfix__\" ]", A, S),
      new Form("lib.fix (lib.extends (lib.toExtension #) (final: { a = 1; b = 2; }))", A),
      new Form("lib.fix (lib.extends (lib.toExtension (prev: { a = prev.a + #; })) (final: { a = 1; }))", I),
      new Form("lib.fix (lib.extends (lib.toExtension (final: prev: { c = final.a + #; })) (final: { a = 1; }))",
          I),
      // asserts
      new Form("lib.assertMsg # #", B, S), new Form("lib.assertOneOf \"x\" # [ \"a\" \"b\" ]", S),
      new Form("lib.assertEachOneOf \"x\" # [ \"a\" \"b\" ]", SS),
      // lists
      new Form("lib.lists.head #", IS), new Form("lib.lists.tail #", IS), new Form("lib.lists.length #", SS),
      new Form("lib.lists.elemAt # #", IS, I), new Form("lib.lists.filter (x: x > #) #", I, IS),
      new Form("lib.lists.map (x: x + #) #", S, SS), new Form("lib.lists.foldl' (a: b: a - b) # #", I, IS),
      new Form("lib.lists.genList (x: x * #) (builtins.bitAnd # 7)", I, I),
      new Form("lib.lists.concatLists [ # # ]", IS, IS), new Form("lib.lists.concatMap (x: [ x # ]) #", I, IS),
      new Form("lib.lists.elem # #", S, SS), new Form("lib.lists.sort (a: b: a > b) #", IS),
      new Form("lib.lists.partition (x: x > #) #", I, IS),
      new Form("lib.lists.groupBy (x: if x > # then \"big\" else \"small\") #", I, IS),
      new Form("lib.lists.any (x: x == #) #", S, SS), new Form("lib.lists.all (x: x > #) #", I, IS),
      new Form("lib.singleton #", X), new Form("lib.forEach # (x: x * 2)", IS),
      new Form("lib.foldr (a: b: a - b) # #", I, IS), new Form("lib.fold (a: b: [ a ] ++ b) # #", IS, IS),
      new Form("lib.foldl (a: b: a - b) # #", I, IS), new Form("lib.foldl' (a: b: a + b) # #", S, SS),
      new Form("lib.imap0 (i: x: toString (i * x)) #", IS), new Form("lib.imap1 (i: x: x + toString i) #", SS),
      new Form("lib.ifilter0 (i: x: i < x) #", IS), new Form("lib.flatten [ # [ # [ # ] ] ]", I, IS, SS),
      new Form("lib.flatten #", X), new Form("lib.remove # #", I, IS),
      new Form("lib.findSingle (x: x > #) 100 200 #", I, IS),
      new Form("lib.findFirstIndex (x: x > #) null #", I, IS), new Form("lib.findFirst (x: x > #) 100 #", I, IS),
      new Form("lib.count (x: x > #) #", I, IS), new Form("lib.optional # #", B, X),
      new Form("lib.optionals # #", B, SS), new Form("lib.toList #", X), new Form("lib.range # #", I, I),
      new Form("lib.replicate (builtins.bitAnd # 7) #", I, X), new Form("lib.zipListsWith (a: b: a * b) # #", IS, IS),
      new Form("lib.zipLists # #", IS, SS), new Form("lib.reverseList #", SS), new Form("lib.sublist # # #", I, I, IS),
      new Form("lib.take # #", I, SS), new Form("lib.drop # #", I, IS), new Form("lib.last #", IS),
      new Form("lib.init #", SS), new Form("lib.unique #", IS), new Form("lib.unique (# ++ #)", SS, SS),
      new Form("lib.allUnique #", IS), new Form("lib.intersectLists # #", IS, IS),
      new Form("lib.subtractLists # #", SS, SS), new Form("lib.mutuallyExclusive # #", IS, IS),
      new Form("lib.groupBy' builtins.add 0 (x: if x > # then \"big\" else \"small\") #", I, IS),
      new Form("lib.sortOn (x: 0 - x) #", IS), new Form("lib.sortOn builtins.stringLength #", SS),
      new Form("lib.compareLists lib.compare # #", IS, IS), new Form("lib.compareLists lib.compare # #", SS, SS),
      new Form("lib.dropEnd # #", I, IS), new Form("lib.takeEnd # #", I, SS),
      // strings
      new Form("lib.strings.stringLength #", S), new Form("lib.strings.substring # # #", I, I, S),
      new Form("lib.strings.concatStringsSep # #", S, SS), new Form("lib.concatStringsSep # #", S, SS),
      new Form("lib.strings.replaceStrings # # #", SS, SS, S), new Form("lib.strings.match \"(a)(.*)\" #", S),
      new Form("lib.strings.split \"b\" #", S), new Form("lib.strings.isString #", X),
      new Form("lib.strings.toString #", IS), new Form("lib.concatStrings #", SS),
      new Form("lib.concatMapStrings (s: s + #) #", S, SS), new Form("lib.concatImapStrings (i: s: toString i + s) #",
          SS), new Form("lib.intersperse # #", S, SS), new Form("lib.concatMapStringsSep # (s: s + s) #", S, SS),
      new Form("lib.strings.concatMapStringsSep # toString #", S, IS),
      new Form("lib.concatImapStringsSep # (i: s: s + toString i) #", S, SS), new Form("lib.concatLines #", SS),
      new Form("lib.optionalString # #", B, S), new Form("lib.hasPrefix # #", S, S),
      new Form("lib.hasSuffix # #", S, S),
      new Form("lib.hasInfix # #", S, S), new Form("lib.stringToCharacters #", S),
      new Form("lib.stringAsChars (c: if c == \"a\" then \"A\" + # else c) #", S, S),
      new Form("lib.escape [ # \"a\" ] #", S, S), new Form("lib.escapeRegex #", S),
      new Form("lib.escapeShellArg #", S), new Form("lib.escapeShellArg #", I), new Form("lib.escapeShellArgs #", SS),
      new Form("lib.lowerChars"), new Form("lib.strings.upperChars"), new Form("lib.toLower #", S),
      new Form("lib.cmakeBool # #", S, B), new Form("lib.cmakeFeature # #", S, S),
      new Form("lib.strings.cmakeOptionType # # #", S, S, S), new Form("lib.cmakeOptionType \"filepath\" # #", S, S),
      new Form("lib.mesonOption # #", S, S), new Form("lib.mesonBool # #", S, B), new Form("lib.mesonEnable # #", S, B),
      new Form("lib.toUpper #", S), new Form("lib.splitString # #", S, S), new Form("lib.splitString \"-\" #", S),
      new Form("lib.removePrefix # #", S, S), new Form("lib.removeSuffix # #", S, S),
      new Form("lib.versionOlder # #", S, S), new Form("lib.versionAtLeast # #", S, S),
      new Form("lib.getName #", S), new Form("lib.getName { pname = #; }", S), new Form("lib.getName { name = #; }", S),
      new Form("lib.getVersion #", S), new Form("lib.getVersion { name = #; }", S),
      new Form("lib.getVersion { version = #; }", S), new Form("lib.enableFeature # #", B, S),
      new Form("lib.enableFeatureAs # # #", B, S, S), new Form("lib.withFeature # #", B, S),
      new Form("lib.withFeatureAs # # #", B, S, S),
      new Form("lib.fixedWidthString (builtins.bitAnd # 15) \"0\" #", I, S),
      new Form("lib.fixedWidthNumber (builtins.bitAnd # 7) #", I, I),
      new Form("lib.makeSearchPath # #", S, SS), new Form("lib.makeSearchPath # [ # null ]", S, S),
      new Form("lib.makeSearchPathOutput # \"lib\" [ { out = #; lib = \"/l\"; } # ]", S, S, S),
      new Form("lib.makeLibraryPath [ # { lib = #; } { out = \"/o\"; } ]", S, S),
      new Form("lib.makeBinPath [ # { bin = #; outputSpecified = #; } ]", S, S, B),
      new Form("lib.trim #", S), new Form("lib.trim (\" \\t\" + # + \"\\n \")", S), new Form("lib.toInt #", S),
      new Form("lib.toInt (\" \" + toString #)", I), new Form("lib.toIntBase10 #", S),
      new Form("lib.toIntBase10 (\"00\" + toString #)", I), new Form("lib.escapeNixString #", S),
      new Form("lib.escapeNixIdentifier #", S), new Form("lib.fileContents ./files/a.txt"),
      new Form("lib.fileContents (./files + \"/\" + #)", S), new Form("lib.isStringLike #", X),
      new Form("lib.isStringLike ./a"), new Form("lib.isStringLike { outPath = #; }", S),
      new Form("lib.normalizePath (# + \"//\" + #)", S, S),
      // attrsets
      new Form("lib.attrsets.attrNames #", A), new Form("lib.attrsets.attrValues #", A),
      new Form("lib.attrsets.listToAttrs [ { name = #; value = #; } ]", S, X),
      new Form("lib.attrsets.hasAttr # #", S, A), new Form("lib.attrsets.getAttr \"a\" #", A),
      new Form("lib.attrsets.removeAttrs # #", A, SS), new Form("lib.attrsets.intersectAttrs # #", A, A),
      new Form("lib.attrsets.catAttrs \"a\" [ # # ]", A, A),
      new Form("lib.attrsets.zipAttrsWith (n: vs: vs) [ # # ]", A, A),
      new Form("lib.attrsets.mapAttrs (n: v: n + #) #", S, A), new Form("lib.attrsets.isAttrs #", X),
      new Form("lib.attrByPath [ \"a\" ] # #", I, A), new Form("lib.attrByPath [ \"a\" \"b\" ] # { a = #; }", I, X),
      new Form("lib.attrByPath [ ] 0 #", A), new Form("lib.hasAttrByPath [ \"a\" \"b\" ] { a = #; }", X),
      new Form("lib.hasAttrByPath # #", SS, A), new Form("lib.setAttrByPath # #", SS, I),
      new Form("lib.getAttrFromPath [ \"a\" ] #", A), new Form("lib.getAttrFromPath [ \"a\" \"b\" ] { a = #; }", X),
      new Form("lib.attrVals [ \"a\" \"b\" ] #", A), new Form("lib.nameValuePair # #", S, X),
      new Form("lib.filterAttrs (n: v: v > #) #", I, A),
      new Form("lib.filterAttrsRecursive (n: v: n != \"b\") { a = #; c = { b = 1; d = #; }; }", X, A),
      new Form("lib.foldAttrs (n: a: [ n ] ++ a) [ ] [ # # ]", A, A),
      new Form("lib.collect builtins.isInt { a = #; b = { c = #; }; }", X, A),
      new Form("lib.collect (x: x ? a) #", A),
      new Form("lib.mapAttrs' (n: v: lib.nameValuePair (n + #) (v * 2)) #", S, A),
      new Form("lib.mapAttrsToList (n: v: n + toString v) #", A), new Form("lib.attrsToList #", A),
      new Form("lib.mapAttrsRecursiveCond (as: !(as ? b)) (path: v: lib.concatStringsSep \".\" path)"
          + " { x = #; y = { a = 1; }; z = #; }", X, A),
      new Form("lib.mapAttrsRecursive (path: v: builtins.length path) { a = #; b = { c = #; }; }", X, A),
      new Form("lib.genAttrs # (n: n + \"!\")", SS), new Form("lib.isDerivation #", X),
      new Form("lib.isDerivation { type = #; }", S), new Form("lib.optionalAttrs # #", B, A),
      new Form("lib.zipAttrsWithNames [ \"a\" \"c\" ] (n: vs: vs) [ # # ]", A, A),
      new Form("lib.zipAttrs [ # # ]", A, A),
      new Form("lib.recursiveUpdateUntil (path: l: r: builtins.length path > 1) { a = { b = #; c = { d = 1; }; }; }"
          + " { a = { c = { e = #; }; }; }", X, X),
      new Form("lib.recursiveUpdate # #", A, A), new Form("lib.recursiveUpdate { a = { b = #; }; } { a = #; }", X, A),
      new Form("lib.overrideExisting # #", A, A),
      new Form("lib.concatMapAttrs (n: v: { ${n + \"x\"} = v; ${#} = n; }) #", S, A),
      new Form("lib.foldlAttrs (acc: n: v: acc + v) # #", I, A),
      new Form("lib.cartesianProductOfSets { a = #; b = #; }", IS, SS), new Form("lib.cartesianProduct { a = #; }", SS),
      new Form("lib.recurseIntoAttrs #", A), new Form("lib.dontRecurseIntoAttrs #", A),
      new Form("lib.getOutput # { out = #; dev = \"/d\"; }", S, S), new Form("lib.getBin { out = #; bin = #; }", S, S),
      new Form("lib.getLib { out = #; lib = #; outputSpecified = #; }", S, S, B), new Form("lib.getDev #", S),
      new Form("lib.getExe { out = #; meta.mainProgram = #; }", S, S),
      new Form("lib.getExe { out = \"/o\"; bin = #; pname = #; }", S, S),
      new Form("lib.meta.getExe { name = \"tool-1.2\"; out = #; }", S),
      new Form("lib.getExe' { out = #; bin = #; } #", S, S, S), new Form("lib.meta.getExe' # #", S, S),
      new Form("lib.meta.availableOn { system = #; } { meta.platforms = [ # \"x86_64-linux\" ]; }", S, S),
      new Form("lib.meta.availableOn { system = #; } { meta.badPlatforms = #; }", S, SS),
      new Form("lib.meta.availableOn { system = \"x\"; parsed.kernel.name = #; } "
          + "{ meta.platforms = [ { kernel.name = \"linux\"; } ]; }", S),
      new Form("lib.meta.platformMatch { parsed.cpu.bits = #; } { parsed.cpu.bits = 64; }", I),
      new Form("lib.getInclude { out = #; dev = #; }", S, S), new Form("lib.getInclude #", A),
      new Form("lib.getFirstOutput [ \"lib\" # ] { out = #; outputSpecified = #; }", S, S, B),
      new Form("lib.getMan #", A), new Form("lib.getStatic { static = #; }", S), new Form("lib.getAttrs # #", SS, A),
      new Form("lib.mergeAttrsList [ # # ]", A, A), new Form("lib.matchAttrs # #", A, A),
      new Form("lib.matchAttrs { a = { b = #; }; } { a = { b = #; c = 1; }; }", I, I),
      new Form("lib.showAttrPath #", SS), new Form("lib.unionOfDisjoint # #", A, A),
      // versions
      new Form("lib.versions.splitVersion #", S), new Form("lib.versions.major #", S),
      new Form("lib.versions.minor #", S), new Form("lib.versions.patch #", S),
      new Form("lib.versions.majorMinor #", S),
      new Form("lib.versions.pad (builtins.bitAnd # 3) #", I, S),
      // systems, platforms, customisation
      new Form("lib.systems"), new Form("lib.platforms"),
      new Form("lib.callPackageWith # ({ a, c ? 3 }: a + c) { }", A),
      new Form("lib.callPackageWith { a = #; } ({ a, b ? 2 }: a * b) { b = #; }", I, I),
      // filesystem: the folder EvaluatorDifferentialTest writes (files/pkgs)
      new Form("lib.packagesFromDirectoryRecursive { callPackage = lib.callPackageWith { a = #; };"
          + " directory = ./files/pkgs; }", I),
      new Form("lib.filesystem.packagesFromDirectoryRecursive { callPackage = lib.callPackageWith { a = #; };"
          + " directory = ./files/pkgs/tool; }", I),
      // flake-utils, nix-systems
      new Form("flake-utils.eachSystem # (system: { packages = system + #; })", SS, S),
      new Form("flake-utils.eachDefaultSystem (system: { x = { inherit system; }; y = #; })", X),
      new Form("flake-utils.eachSystemPassThrough # (s: { ${s} = #; })", SS, I),
      new Form("flake-utils.eachDefaultSystemPassThrough (s: { a = s; })"),
      new Form("flake-utils.mkApp { drv = { name = #; outPath = \"/nix/store/x\"; }; }", S),
      new Form("flake-utils.mkApp { drv = { pname = \"p\"; outPath = #; }; exePath = #; }", S, S),
      new Form("flake-utils.mkApp { drv = { name = \"n\"; outPath = \"/o\"; passthru.exePath = #; }; }", S),
      new Form("flake-utils.eachSystemMap # (system: system + #)", SS, S),
      new Form("flake-utils.eachDefaultSystemMap (system: #)", I),
      new Form("flake-utils.meld { a = #; } [ ./files/part1.nix ./files/part2.nix ]", I),
      new Form("flake-utils.meld { a = #; b = #; } [ ./files/part2.nix ./files/part1.nix ]", S, I),
      new Form("flake-utils.defaultSystems"), new Form("flake-utils.allSystems"), new Form("flake-utils.system"),
      new Form("nix-systems"));

  private final SplittableRandom random;
  private final EvalProgramGenerator arguments;

  LibProgramGenerator(long seed) {
    this.random = new SplittableRandom(seed);
    this.arguments = new EvalProgramGenerator(random.nextLong());
  }

  /** A program that applies one lib function; every form in turn, then at random. */
  Node program(int index) {
    Form form = FORMS.get(index < FORMS.size() ? index : random.nextInt(FORMS.size()));
    List<Node> children = new ArrayList<>();
    for (Type hole : form.holes()) {
      children.add(arguments.node(hole, 2));
    }
    return new Node(Type.ANY, PRELUDE + "#", List.of(new Node(Type.ANY, form.template(), children)));
  }
}
