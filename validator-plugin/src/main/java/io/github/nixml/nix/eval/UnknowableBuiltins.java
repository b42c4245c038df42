package io.github.nixml.nix.eval;

import java.util.List;

/**
 * Builtins whose result depends on where and when Nix runs, not on the expression: the environment, the clock,
 * the machine, the network, the store, files (but those {@link FileBuiltins} may read), the Nix in use. They are unknown here, always.
 */
final class UnknowableBuiltins {
  private UnknowableBuiltins() {}

  static List<Builtin> all() {
    return List.of(
        // the environment, the clock and the machine
        environment(), Builtin.unknowable("currentSystem", 0),
        Builtin.unknowable("currentTime", 0), Builtin.unknowable("nixPath", 0),
        Builtin.unknowable("storeDir", 0), Builtin.unknowable("nixVersion", 0),
        Builtin.unknowable("langVersion", 0), Builtin.unknowable("findFile", 2),
        // the network
        Builtin.unknowable("fetchurl", 1), fetcher("fetchTarball"),
        fetcher("fetchGit"), Builtin.unknowable("fetchMercurial", 1),
        Builtin.unknowable("fetchTree", 1),
        // the store: paths whose names hash their contents, derivation outputs
        Builtin.unknowable("path", 1), Builtin.unknowable("storePath", 1), Builtin.unknowable("filterSource", 2),
        Builtin.unknowable("toFile", 2), Builtin.unknowable("derivation", 1),
        Builtin.unknowable("derivationStrict", 1), Builtin.unknowable("appendContext", 2),
        // the file system
        // a file whose free names the scope binds: Nix's parser accepts it, our binder does not (yet)
        Builtin.unknowable("scopedImport", 2), Builtin.unknowable("hashFile", 2), Builtin.unknowable("unsafeGetAttrPos", 2));
  }

  /** {@code getEnv}: unknown, unless the host stands in a value for a variable named literally. */
  private static Builtin environment() {
    return new Builtin("getEnv", 1, call -> call.evaluator() != null
        && call.thunk(0).force() instanceof Value.Str name && name.literal() != null
        ? call.evaluator().host().environment(call.evaluator(), name.literal(), call.at()) : Value.UNKNOWN);
  }

  /** A fetcher: unknown, unless the host knows what its argument names ({@link Host#fetch}). */
  private static Builtin fetcher(String name) {
    return new Builtin(name, 1, call -> call.evaluator() == null ? Value.UNKNOWN
        : call.evaluator().host().fetch(call.evaluator(), name, call.thunk(0).force(), call.at()));
  }
}
