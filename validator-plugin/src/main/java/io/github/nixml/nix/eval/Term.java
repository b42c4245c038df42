package io.github.nixml.nix.eval;

import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;

/**
 * The lowered form the evaluator reads: the Nix syntax tree reduced to what matters for evaluation (no trivia, no
 * parentheses, strings cooked), each term with its {@link SourceSpan}. Built by {@link TreeLowering}; named apart
 * from the typed syntax views of {@code nix.ast} so both can be used side by side.
 */
public sealed interface Term {

  SourceSpan span();

  record Ident(String name, SourceSpan span) implements Term {}

  /** An integer, float, URI or path as written; a path with interpolations has kind {@code INTERPOLATED_PATH}. */
  record Literal(LiteralKind kind, String text, SourceSpan span) implements Term {}

  enum LiteralKind { INTEGER, FLOAT, URI, PATH, HOME_PATH, SEARCH_PATH, INTERPOLATED_PATH }

  /** A string; parts are {@link String} (cooked text) or {@link Term} (interpolation). */
  record Str(List<Object> parts, SourceSpan span) implements Term {}

  record ListOf(List<Term> items, SourceSpan span) implements Term {}

  record AttrSet(boolean recursive, List<Binding> bindings, SourceSpan span) implements Term {}

  record Let(List<Binding> bindings, Term body, SourceSpan span) implements Term {}

  record With(Term scope, Term body, SourceSpan span) implements Term {}

  record Assert(Term condition, Term body, SourceSpan span) implements Term {}

  record If(Term condition, Term then, Term otherwise, SourceSpan span) implements Term {}

  /**
   * {@code param: body}, {@code { formals }: body} or both with {@code @}; absent parts are null; {@code ellipsis}
   * when the formals end with {@code ...}.
   */
  record Lambda(String param, List<Formal> formals, boolean ellipsis, Term body, SourceSpan span) implements Term {}

  record Formal(String name, Term fallback, SourceSpan span) {}

  record Apply(Term function, Term argument, SourceSpan span) implements Term {}

  /** {@code target.a.b or fallback}; fallback may be null. */
  record Select(Term target, List<AttrKey> path, Term fallback, SourceSpan span) implements Term {}

  record HasAttr(Term target, List<AttrKey> path, SourceSpan span) implements Term {}

  /** Binary operators by their Nix spelling: {@code ++ // + - * / == != < <= > >= && || ->}. */
  record BinOp(String op, Term left, Term right, SourceSpan span) implements Term {}

  /** {@code !} or unary {@code -}. */
  record UnOp(String op, Term operand, SourceSpan span) implements Term {}

  /** A key in an attribute path: a static name, or a dynamic expression ({@code name} null). */
  record AttrKey(String name, Term dynamic, SourceSpan span) {}

  /** A binding of an attribute set or {@code let}. */
  sealed interface Binding {}

  record Define(List<AttrKey> path, Term value, SourceSpan span) implements Binding {}

  /** {@code inherit a b;} (from null) or {@code inherit (from) a b;}. */
  record Inherit(Term from, List<AttrKey> names, SourceSpan span) implements Binding {}
}
