package io.github.nixml.model;

import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the symbolic evaluator computes for an expression. Anything it cannot tell is {@link Unknown}. */
sealed interface Value {

  enum Unknown implements Value { INSTANCE }

  record Bool(boolean value) implements Value {}

  record Null() implements Value {}

  /** A string: literal text and interpolations, kept apart so that hooks can be cooked. */
  record Str(List<Piece> pieces, SourceSpan span) implements Value {}

  sealed interface Piece {}

  record Text(String text) implements Piece {}

  record Interpolation(Value value, String source) implements Piece {}

  record ListV(List<Item> items) implements Value {}

  record Item(Value value, PlatformGuard guard) {}

  /** An attribute set; {@code open} when it may hold attributes the model does not know. */
  record Attrs(Map<String, Entry> entries, boolean open) implements Value {}

  record Entry(Thunk thunk, SourceSpan keySpan) {}

  record Closure(Expr.Lambda lambda, Env env) implements Value {}

  /** Something from a nixpkgs instance: the instance itself (empty path), a package, a package set. */
  record Pkg(NixpkgsInstance instance, List<String> path, SourceSpan span) implements Value {}

  /** A flake input ({@code nixpkgs}, {@code flake-utils}). */
  record Input(String name) implements Value {}

  /** A platform test such as {@code stdenv.isLinux}: true exactly on the guard's platforms. */
  record Platform(PlatformGuard guard) implements Value {}

  /** A value that depends on the platform ({@code if stdenv.isLinux then a else b}). */
  record Choice(List<Alternative> alternatives) implements Value {}

  record Alternative(PlatformGuard guard, Value value) {}

  /** A known function, possibly partially applied. */
  record Builtin(String name, NixpkgsInstance instance, List<Value> args, SourceSpan span) implements Value {}

  enum ShellKind { MK_SHELL, FHS_ENV, FHS_SHELL }

  record Shell(ShellKind kind, String builder, NixpkgsInstance instance, Attrs attributes, SourceSpan span)
      implements Value {}

  /** {@code lib.makeLibraryPath list}: a string whose entries the model keeps. */
  record LibPath(Value list, SourceSpan span) implements Value {}

  /** The outputs of {@code flake-utils.lib.eachSystem systems f}; {@code systems} null when unknown. */
  record PerSystem(Set<String> systems, Value outputs) implements Value {}
}
