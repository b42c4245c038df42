package io.github.nixml.nix.eval;

import io.github.nixml.nix.syntax.SourceSpan;
import java.util.Map;

/**
 * What the evaluator asks about values it does not know ({@link Value.Foreign}): the domain knowledge (nixpkgs,
 * flake inputs) lives behind this interface, never in the evaluator.
 */
public interface Host {

  /** A host that knows nothing: every foreign operation is unknown. */
  Host NONE = new Host() {};

  /** Names in scope at the top besides {@code true}, {@code false} and {@code null} (e.g. {@code import}). */
  default Map<String, Value> globals() {
    return Map.of();
  }

  /** {@code target.name}; null when the target certainly has no such attribute (so that {@code or} applies). */
  default Value select(Evaluator evaluator, Value.Foreign target, String name, SourceSpan span) {
    return Value.UNKNOWN;
  }

  /**
   * {@code target ? name}: a {@link Value.Bool}, or unknown when the host cannot tell whether the foreign value has
   * the attribute ({@code pkg ? outputSpecified}, which nixpkgs' {@code lib.getOutput} asks).
   */
  default Value hasAttr(Evaluator evaluator, Value.Foreign target, String name) {
    return Value.UNKNOWN;
  }

  /**
   * {@code builtins.readFile "${target}/sub/path"}: the text of a file inside a package the host knows by its facts
   * (null or unknown where it does not).
   */
  default Value packageFile(Evaluator evaluator, Value.Foreign target, String subPath, SourceSpan span) {
    return Value.UNKNOWN;
  }

  /** {@code function.name} where the function is native ({@code pkgs.mkShell.override}). */
  default Value selectFromNative(Evaluator evaluator, Value.Native target, String name, SourceSpan span) {
    return Value.UNKNOWN;
  }

  /** {@code target.${…}} with a name the evaluator cannot compute. */
  default Value selectDynamic(Evaluator evaluator, Value.Foreign target) {
    return Value.UNKNOWN;
  }

  /**
   * A name looked up through {@code with target;}, written at {@code span}; null when the set is known to lack it,
   * so that an outer {@code with} is asked ({@code with pkgs; with cudaPackages; [ cmake ]}).
   */
  default Value scopeMember(Evaluator evaluator, Value.Foreign target, String name, SourceSpan span) {
    return select(evaluator, target, name, span);
  }

  /** {@code function argument} where the function is foreign. */
  default Value apply(Evaluator evaluator, Value.Foreign function, Thunk argument, SourceSpan span) {
    return Value.UNKNOWN;
  }

  /**
   * A builtin ({@code import}, {@code elem}…) applied to arguments among which a foreign value it cannot read: the
   * host may know what it means in its domain ({@code import nixpkgs}).
   */
  default Value builtin(Evaluator evaluator, String name, java.util.List<Value> args, SourceSpan span) {
    return Value.UNKNOWN;
  }

  /**
   * The directory whose files {@code readFile}, {@code readDir} and {@code pathExists} may read (the project's
   * root, absolute); null: none, they stay unknown. Nothing outside it is read, a link leading out included.
   */
  default java.nio.file.Path readableRoot() {
    return null;
  }

  /**
   * Whether the files being evaluated are a copy in the Nix store (a flake's source is): then a path's own text
   * ({@code toString ./.}) is that store path, unknown here, though its files may still be read.
   */
  default boolean sourceInStore() {
    return false;
  }

  /**
   * The text {@code import} reads for a file under {@link #readableRoot()}, named by its path relative to the root:
   * by default the file on disk; a host may stand in texts not yet written (edits being checked). Empty: unreadable.
   */
  default java.util.Optional<String> importText(String name, java.nio.file.Path file) {
    try {
      return java.util.Optional.of(java.nio.file.Files.readString(file));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * A search path ({@code <nixpkgs>}), named without its brackets: what {@code NIX_PATH} would find there. Unknown by
   * default: it depends on the machine; a host may stand in a symbolic value for it.
   */
  default Value searchPath(Evaluator evaluator, String name, SourceSpan span) {
    return Value.UNKNOWN;
  }

  /**
   * A fetcher ({@code fetchTarball}) applied to its argument: the network decides, so it is unknown by default; a
   * host may know what a URL holds in its domain (a nixpkgs archive).
   */
  default Value fetch(Evaluator evaluator, String fetcher, Value argument, SourceSpan span) {
    return Value.UNKNOWN;
  }

  /**
   * {@code builtins.getEnv "NAME"}: the machine decides (and pure evaluation gives ""), so it is unknown by default;
   * a host may stand in a symbolic value for the variable's text.
   */
  default Value environment(Evaluator evaluator, String variable, SourceSpan span) {
    return Value.UNKNOWN;
  }

  /** {@code left // right} where either side is foreign; null to treat the foreign side as an unknown set. */
  default Value update(Evaluator evaluator, Value left, Value right) {
    return null;
  }
}
