package io.github.nixml.nix.bind;

import java.util.Set;

/**
 * The names in Nix 2.8's base environment, i.e. what {@code nix-instantiate --parse} resolves
 * without a binding (checked one by one against Nix 2.8.0). Primops whose name starts with
 * {@code __} are only visible with that prefix; {@code __curPos} is handled by the parser.
 */
public final class Builtins {
  private Builtins() {}

  public static final Set<String> NAMES = Set.of(
      "abort", "baseNameOf", "builtins", "derivation", "derivationStrict", "dirOf", "false", "fetchGit",
      "fetchMercurial", "fetchTarball", "fetchTree", "fromTOML", "import", "isNull", "map", "null",
      "placeholder", "removeAttrs", "scopedImport", "throw", "toString", "true",
      "__add", "__addErrorContext", "__all", "__any", "__appendContext", "__attrNames", "__attrValues",
      "__bitAnd", "__bitOr", "__bitXor", "__catAttrs", "__ceil", "__compareVersions", "__concatLists",
      "__concatMap", "__concatStringsSep", "__currentSystem", "__currentTime", "__deepSeq", "__div",
      "__elem", "__elemAt", "__fetchurl", "__filter", "__filterSource", "__findFile", "__floor",
      "__foldl'", "__fromJSON", "__functionArgs", "__genList", "__genericClosure", "__getAttr",
      "__getContext", "__getEnv", "__groupBy", "__hasAttr", "__hasContext", "__hashFile", "__hashString",
      "__head", "__intersectAttrs", "__isAttrs", "__isBool", "__isFloat", "__isFunction", "__isInt",
      "__isList", "__isPath", "__isString", "__langVersion", "__length", "__lessThan", "__listToAttrs",
      "__mapAttrs", "__match", "__mul", "__nixPath", "__nixVersion", "__parseDrvName", "__partition",
      "__path", "__pathExists", "__readDir", "__readFile", "__replaceStrings", "__seq", "__sort",
      "__split", "__splitVersion", "__storeDir", "__storePath", "__stringLength", "__sub", "__substring",
      "__tail", "__toFile", "__toJSON", "__toPath", "__toXML", "__trace", "__tryEval", "__typeOf",
      "__unsafeDiscardOutputDependency", "__unsafeDiscardStringContext", "__unsafeGetAttrPos",
      "__zipAttrsWith");

  /** {@code __curPos} is turned into a position literal by Nix's parser, never looked up. */
  public static final String CUR_POS = "__curPos";

  public static boolean contains(String name) {
    return NAMES.contains(name) || CUR_POS.equals(name);
  }
}
