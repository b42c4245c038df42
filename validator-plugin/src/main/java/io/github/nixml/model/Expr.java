package io.github.nixml.model;

import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;

/**
 * The small expression language the model evaluates: the Nix syntax tree lowered to what matters for evaluation
 * (no trivia, no parentheses), each node with its {@link SourceSpan}. Built by {@link TreeLowering}.
 */
public sealed interface Expr {

  SourceSpan span();

  record Ident(String name, SourceSpan span) implements Expr {}

  /** Integers, floats, paths and URIs: evaluated as opaque values. */
  record Literal(String text, SourceSpan span) implements Expr {}

  /** A string; parts are {@link String} (cooked text) or {@link Expr} (interpolation). */
  record Str(List<Object> parts, SourceSpan span) implements Expr {}

  record ListOf(List<Expr> items, SourceSpan span) implements Expr {}

  record AttrSet(boolean recursive, List<Binding> bindings, SourceSpan span) implements Expr {}

  record Let(List<Binding> bindings, Expr body, SourceSpan span) implements Expr {}

  record With(Expr scope, Expr body, SourceSpan span) implements Expr {}

  record Assert(Expr condition, Expr body, SourceSpan span) implements Expr {}

  record If(Expr condition, Expr then, Expr otherwise, SourceSpan span) implements Expr {}

  /** {@code param: body}, {@code { formals }: body} or both with {@code @}; absent parts are null. */
  record Lambda(String param, List<Formal> formals, Expr body, SourceSpan span) implements Expr {}

  record Formal(String name, Expr fallback, SourceSpan span) {}

  record Apply(Expr function, Expr argument, SourceSpan span) implements Expr {}

  /** {@code target.a.b or fallback}; fallback may be null. */
  record Select(Expr target, List<AttrKey> path, Expr fallback, SourceSpan span) implements Expr {}

  record HasAttr(Expr target, List<AttrKey> path, SourceSpan span) implements Expr {}

  /** Binary operators by their Nix spelling: {@code ++ // + - * / == != < <= > >= && || ->}. */
  record BinOp(String op, Expr left, Expr right, SourceSpan span) implements Expr {}

  /** {@code !} or unary {@code -}. */
  record UnOp(String op, Expr operand, SourceSpan span) implements Expr {}

  /** A key in an attribute path: a static name, or a dynamic expression ({@code name} null). */
  record AttrKey(String name, Expr dynamic, SourceSpan span) {}

  /** A binding of an attribute set or {@code let}. */
  sealed interface Binding {}

  record Define(List<AttrKey> path, Expr value, SourceSpan span) implements Binding {}

  /** {@code inherit a b;} (from null) or {@code inherit (from) a b;}. */
  record Inherit(Expr from, List<AttrKey> names, SourceSpan span) implements Binding {}
}
