package io.github.nixml.nix.eval;

import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.ast.Apply;
import io.github.nixml.nix.ast.Assert;
import io.github.nixml.nix.ast.AttrName;
import io.github.nixml.nix.ast.AttrSet;
import io.github.nixml.nix.ast.BinOp;
import io.github.nixml.nix.ast.Binding;
import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.ast.HasAttr;
import io.github.nixml.nix.ast.HasBindings;
import io.github.nixml.nix.ast.Ident;
import io.github.nixml.nix.ast.IfElse;
import io.github.nixml.nix.ast.Inherit;
import io.github.nixml.nix.ast.Lambda;
import io.github.nixml.nix.ast.LegacyLet;
import io.github.nixml.nix.ast.LetIn;
import io.github.nixml.nix.ast.Literal;
import io.github.nixml.nix.ast.NixList;
import io.github.nixml.nix.ast.Paren;
import io.github.nixml.nix.ast.PathLit;
import io.github.nixml.nix.ast.Pattern;
import io.github.nixml.nix.ast.SearchPath;
import io.github.nixml.nix.ast.Select;
import io.github.nixml.nix.ast.StringLit;
import io.github.nixml.nix.ast.StringPart;
import io.github.nixml.nix.ast.UnaryOp;
import io.github.nixml.nix.ast.With;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers the front-end's typed syntax tree ({@link NixFile#expression()}) into the evaluator's {@link Term}: trivia
 * and parentheses dropped, strings cooked, every node keeping its offset, line and column. Only files without
 * diagnostics are lowered; anything broken in the tree makes the whole file unknown.
 */
public final class TreeLowering {
  private final NixFile file;
  private final String name;

  private TreeLowering(NixFile file, String name) {
    this.file = file;
    this.name = name;
  }

  /** The lowered expression, or empty when the file has errors or holds no expression. */
  public static Optional<Term> lower(NixFile file) {
    return lower(file, null);
  }

  /**
   * The lowered expression of a file imported by the one being analysed, every span naming it ({@link
   * SourceSpan#file()}: its path relative to the analysed file's directory; null for the analysed file itself).
   */
  public static Optional<Term> lower(NixFile file, String name) {
    if (file.hasErrors() || file.expression() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TreeLowering(file, name).expr(file.expression()));
    } catch (Broken | StackOverflowError e) {
      return Optional.empty();
    }
  }

  private static final class Broken extends RuntimeException {
    Broken() {
      super(null, null, false, false);
    }
  }

  private SourceSpan span(int offset, int end) {
    return file.lines().span(offset, end - offset, name);
  }

  private SourceSpan span(Expr node) {
    return span(node.offset(), node.end());
  }

  private SourceSpan span(SyntaxToken token) {
    return span(token.offset(), token.end());
  }

  private Term expr(Expr node) {
    if (node == null) {
      throw new Broken();
    }
    SourceSpan span = span(node);
    if (node instanceof Paren paren) {
      return expr(paren.inner());
    }
    if (node instanceof Ident ident) {
      return new Term.Ident(ident.name(), span);
    }
    if (node instanceof Literal literal) {
      Term.LiteralKind kind = literal.literalKind() == SyntaxKind.FLOAT ? Term.LiteralKind.FLOAT
          : literal.literalKind() == SyntaxKind.URI ? Term.LiteralKind.URI : Term.LiteralKind.INTEGER;
      return new Term.Literal(kind, literal.text(), span);
    }
    if (node instanceof PathLit path) {
      String text = path.staticText();
      Term.LiteralKind kind = text == null ? Term.LiteralKind.INTERPOLATED_PATH
          : path.isHomePath() ? Term.LiteralKind.HOME_PATH : Term.LiteralKind.PATH;
      return new Term.Literal(kind, text == null ? node.toString() : text, span);
    }
    if (node instanceof SearchPath searchPath) {
      return new Term.Literal(Term.LiteralKind.SEARCH_PATH, searchPath.name(), span);
    }
    if (node instanceof StringLit string) {
      return string(string.parts(), span);
    }
    if (node instanceof NixList list) {
      List<Term> items = new ArrayList<>();
      for (Expr element : list.elements()) {
        items.add(expr(element));
      }
      return new Term.ListOf(items, span);
    }
    if (node instanceof AttrSet set) {
      return new Term.AttrSet(set.isRecursive(), bindings(set), span);
    }
    if (node instanceof LetIn let) {
      return new Term.Let(bindings(let), expr(let.body()), span);
    }
    if (node instanceof LegacyLet let) {
      return new Term.Let(bindings(let), new Term.Ident("body", span), span);
    }
    if (node instanceof With with) {
      return new Term.With(expr(with.namespace()), expr(with.body()), span);
    }
    if (node instanceof Assert assertion) {
      return new Term.Assert(expr(assertion.condition()), expr(assertion.body()), span);
    }
    if (node instanceof IfElse conditional) {
      return new Term.If(expr(conditional.condition()), expr(conditional.thenBranch()),
          expr(conditional.elseBranch()), span);
    }
    if (node instanceof Lambda lambda) {
      return lambda(lambda, span);
    }
    if (node instanceof Apply apply) {
      return new Term.Apply(expr(apply.function()), expr(apply.argument()), span);
    }
    if (node instanceof Select select) {
      Expr fallback = select.orDefault();
      return new Term.Select(expr(select.expr()), path(select.attrpath()), fallback == null ? null : expr(fallback),
          span);
    }
    if (node instanceof HasAttr hasAttr) {
      return new Term.HasAttr(expr(hasAttr.expr()), path(hasAttr.attrpath()), span);
    }
    if (node instanceof BinOp op) {
      if (op.operator() == null) {
        throw new Broken();
      }
      return new Term.BinOp(op.operator().symbol(), expr(op.lhs()), expr(op.rhs()), span);
    }
    if (node instanceof UnaryOp op) {
      return new Term.UnOp(op.isNot() ? "!" : "-", expr(op.operand()), span);
    }
    throw new Broken();
  }

  private Term.Str string(List<StringPart> parts, SourceSpan span) {
    List<Object> lowered = new ArrayList<>();
    for (StringPart part : parts) {
      if (part instanceof StringPart.Text text) {
        lowered.add(text.text());
      } else if (part instanceof StringPart.Interpolation interpolation) {
        lowered.add(expr(interpolation.expr()));
      }
    }
    return new Term.Str(lowered, span);
  }

  private Term lambda(Lambda lambda, SourceSpan span) {
    String param = lambda.param() == null ? null : lambda.param().text();
    List<Term.Formal> formals = null;
    Pattern pattern = lambda.pattern();
    boolean ellipsis = pattern != null && pattern.hasEllipsis();
    if (pattern != null) {
      formals = new ArrayList<>();
      for (Pattern.Formal formal : pattern.formals()) {
        SyntaxToken name = formal.name();
        if (name == null) {
          throw new Broken();
        }
        Expr fallback = formal.defaultValue();
        formals.add(new Term.Formal(name.text(), fallback == null ? null : expr(fallback), span(name)));
      }
      if (param == null && pattern.bindName() != null) {
        param = pattern.bindName().text();
      }
    }
    return new Term.Lambda(param, formals, ellipsis, expr(lambda.body()), span);
  }

  private List<Term.Binding> bindings(HasBindings owner) {
    List<Term.Binding> out = new ArrayList<>();
    for (Binding binding : owner.bindings()) {
      List<Term.AttrKey> path = path(binding.attrpath());
      if (path.isEmpty()) {
        throw new Broken();
      }
      SourceSpan start = path.get(0).span();
      out.add(new Term.Define(path, expr(binding.value()), start));
    }
    for (Inherit inherit : owner.inherits()) {
      Expr source = inherit.hasSource() ? inherit.source() : null;
      List<Term.AttrKey> names = path(inherit.names());
      SourceSpan start = names.isEmpty() ? span(0, 0) : names.get(0).span();
      out.add(new Term.Inherit(source == null ? null : expr(source), names, start));
    }
    return out;
  }

  private List<Term.AttrKey> path(List<AttrName> names) {
    List<Term.AttrKey> keys = new ArrayList<>();
    for (AttrName name : names) {
      int offset = name.offset();
      int end = name.syntax() == null ? offset : name.syntax().end();
      SourceSpan span = span(offset, end);
      if (name.isDynamic()) {
        // ${expr}, or a "string with ${interpolation}" (a STRING node, typed through Term.cast)
        Expr dynamic = name.dynamicExpr() != null ? name.dynamicExpr()
            : name.syntax() == null ? null : Expr.cast(name.syntax());
        Term lowered = expr(dynamic);
        if (lowered instanceof Term.Str str && str.parts().stream().allMatch(p -> p instanceof String)) {
          keys.add(new Term.AttrKey(String.join("", str.parts().stream().map(Object::toString).toList()), null, span));
        } else {
          keys.add(new Term.AttrKey(null, lowered, span));
        }
      } else {
        String text = name.staticName();
        if (text == null) {
          throw new Broken();
        }
        keys.add(new Term.AttrKey(text, null, span));
      }
    }
    return keys;
  }
}
