package io.github.nixml.nix.eval;

import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;
import java.util.Map;

/**
 * What the evaluator computes for a term. Anything it cannot tell is {@link Unknown}. Values that only a
 * {@link Host} understands (a package set, a flake input, a dev shell) are {@link Foreign}: the evaluator passes
 * them around and asks the host when one is selected from or applied.
 */
public sealed interface Value {

  Value UNKNOWN = Unknown.INSTANCE;

  enum Unknown implements Value { INSTANCE }

  record Bool(boolean value) implements Value {}

  record Null() implements Value {}

  /** A 64-bit integer; arithmetic wraps on overflow, as Nix 2.8's does. */
  record Int(long value) implements Value {}

  record Float(double value) implements Value {}

  /** An absolute, canonical path ({@code ./a} resolved against the file's directory). */
  record Path(String path) implements Value {}

  /**
   * What Nix would stop with: {@code throw}, {@code abort}, a failed {@code assert}, a type error, a missing
   * attribute. A value, not an exception, so that callers can say "Nix fails here" and {@code tryEval} can catch
   * what Nix catches.
   */
  record Failure(FailureKind kind, String message, SourceSpan span) implements Value {

    /** True for what {@code builtins.tryEval} catches: {@code throw} and failed assertions. */
    public boolean catchable() {
      return kind == FailureKind.THROW || kind == FailureKind.ASSERTION;
    }
  }

  /**
   * Why an evaluation fails. {@code SYSTEM_LEVEL} is a missing attribute where a set whose names are all systems is
   * selected by another name ({@code self.devShells.rust}), or a set with no system among its names by a system
   * ({@code self'.packages.${system}}): the per-system level missed or repeated.
   */
  enum FailureKind { THROW, ABORT, ASSERTION, TYPE, MISSING_ATTRIBUTE, SYSTEM_LEVEL, ARITHMETIC, OTHER }

  /** A string: literal text and interpolations, kept apart so that hooks can be read piece by piece. */
  record Str(List<Piece> pieces, SourceSpan span) implements Value {

    /** A string of literal text only. */
    public static Str of(String text, SourceSpan span) {
      return new Str(List.of(new Text(text)), span);
    }

    /** The text when every piece is literal (interpolated known strings included); null otherwise. */
    public String literal() {
      StringBuilder out = new StringBuilder();
      for (Piece piece : pieces) {
        if (piece instanceof Text text) {
          out.append(text.text());
        } else if (piece instanceof Interpolation interpolation && interpolation.value() instanceof Str inner
            && inner.literal() != null) {
          out.append(inner.literal());
        } else {
          return null;
        }
      }
      return out.toString();
    }
  }

  sealed interface Piece {}

  record Text(String text) implements Piece {}

  /** {@code ${…}}: the value and the source text it was written as. */
  record Interpolation(Value value, String source) implements Piece {}

  record ListV(List<Item> items) implements Value {}

  /** A list item and the platforms it is present on. */
  record Item(Value value, PlatformGuard guard) {}

  /** An attribute set; {@code open} when it may hold attributes the evaluator does not know. */
  record Attrs(Map<String, Entry> entries, boolean open) implements Value {

    /** The value of an attribute, or unknown when absent. */
    public Value get(String name) {
      Entry entry = entries.get(name);
      return entry == null ? UNKNOWN : entry.thunk().force();
    }
  }

  /**
   * One attribute: its value, where its binding starts ({@code env} in {@code env.X = …}) and where its own name
   * is written ({@code X}).
   */
  record Entry(Thunk thunk, SourceSpan keySpan, SourceSpan nameSpan) {
    public Entry(Thunk thunk, SourceSpan keySpan) {
      this(thunk, keySpan, keySpan);
    }
  }

  record Closure(Term.Lambda lambda, Env env) implements Value {}

  /** A platform test such as {@code stdenv.isLinux}: true exactly on the guard's platforms. */
  record Platform(PlatformGuard guard) implements Value {}

  /** A value that depends on the platform ({@code if stdenv.isLinux then a else b}). */
  record Choice(List<Alternative> alternatives) implements Value {}

  record Alternative(PlatformGuard guard, Value value) {}

  /**
   * A function implemented in Java (a builtin, or an entry of a host's table of known functions), with the
   * arguments it has received so far, unforced: it runs once it has {@code arity} of them, and forces only those
   * it needs, as Nix does.
   */
  record Native(String name, int arity, Body body, List<Thunk> thunks, SourceSpan span) implements Value {

    public Native {
      thunks = List.copyOf(thunks);
    }

    /** The arguments, forced. */
    public List<Value> args() {
      return thunks.stream().map(Thunk::force).toList();
    }

    /** What a native function does with all its arguments. */
    @FunctionalInterface
    public interface Body {
      /** {@code self} holds all the arguments; {@code at} is the application. */
      Value call(Evaluator evaluator, Native self, SourceSpan at);
    }
  }

  /** A value of the host's domain; the evaluator never looks inside. */
  non-sealed interface Foreign extends Value {
    /** What {@code this == other} gives (a {@link Bool}); unknown unless the domain can tell. */
    default Value equalTo(Foreign other) {
      return UNKNOWN;
    }
  }
}
