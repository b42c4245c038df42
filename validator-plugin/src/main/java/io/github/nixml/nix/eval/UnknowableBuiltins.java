package io.github.nixml.nix.eval;

import java.util.List;

/**
 * Builtins whose result depends on where and when Nix runs, not on the expression: the environment, the clock,
 * the machine, the network, the store, files (but those {@link FileBuiltins} may read), the Nix in use. They are unknown here, always; a host may
 * still give {@code import} of its own values a meaning ({@link Host#builtin}).
 */
final class UnknowableBuiltins {
  private UnknowableBuiltins() {}

  static List<Builtin> all() {
    return List.of(
        // the environment, the clock and the machine
        Builtin.unknowable("getEnv", 1), Builtin.unknowable("currentSystem", 0),
        Builtin.unknowable("currentTime", 0), Builtin.unknowable("nixPath", 0),
        Builtin.unknowable("storeDir", 0), Builtin.unknowable("nixVersion", 0),
        Builtin.unknowable("langVersion", 0), Builtin.unknowable("findFile", 2),
        // the network
        Builtin.unknowable("fetchurl", 1), Builtin.unknowable("fetchTarball", 1),
        Builtin.unknowable("fetchGit", 1), Builtin.unknowable("fetchMercurial", 1),
        Builtin.unknowable("fetchTree", 1),
        // the store: paths whose names hash their contents, derivation outputs
        Builtin.unknowable("path", 1), Builtin.unknowable("storePath", 1), Builtin.unknowable("filterSource", 2),
        Builtin.unknowable("toFile", 2), Builtin.unknowable("derivation", 1),
        Builtin.unknowable("derivationStrict", 1), Builtin.unknowable("appendContext", 2),
        // the file system
        foreignAware("import", 1), foreignAware("scopedImport", 2), Builtin.unknowable("hashFile", 2), Builtin.unknowable("unsafeGetAttrPos", 2));
  }

  /** Unknown, except that a foreign argument goes to the host ({@code import nixpkgs}). */
  private static Builtin foreignAware(String name, int arity) {
    return new Builtin(name, arity, call -> {
      for (int i = 0; i < arity; i++) {
        call.value(i);
      }
      return Value.UNKNOWN;
    });
  }
}
