package io.github.nixml.model;

import io.github.nixml.model.Expr.AttrKey;
import io.github.nixml.model.Expr.Binding;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.ast.AttrName;
import io.github.nixml.nix.ast.HasBindings;
import io.github.nixml.nix.ast.Pattern;
import io.github.nixml.nix.ast.StringPart;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.nix.syntax.SyntaxToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers the front-end's typed syntax tree ({@link NixFile#expression()}) into the model's {@link Expr}: trivia
 * and parentheses dropped, strings cooked, every node keeping its offset, line and column. Only files without
 * diagnostics are lowered; anything broken in the tree makes the whole file unknown.
 */
public final class TreeLowering {
  private final NixFile file;

  private TreeLowering(NixFile file) {
    this.file = file;
  }

  /** The lowered expression, or empty when the file has errors or holds no expression. */
  public static Optional<Expr> lower(NixFile file) {
    if (file.hasErrors() || file.expression() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TreeLowering(file).expr(file.expression()));
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
    return new SourceSpan(offset, end - offset, file.line(offset), file.column(offset));
  }

  private SourceSpan span(io.github.nixml.nix.ast.Expr node) {
    return span(node.offset(), node.end());
  }

  private SourceSpan span(SyntaxToken token) {
    return span(token.offset(), token.end());
  }

  private Expr expr(io.github.nixml.nix.ast.Expr node) {
    if (node == null) {
      throw new Broken();
    }
    SourceSpan span = span(node);
    if (node instanceof io.github.nixml.nix.ast.Paren paren) {
      return expr(paren.inner());
    }
    if (node instanceof io.github.nixml.nix.ast.Ident ident) {
      return new Expr.Ident(ident.name(), span);
    }
    if (node instanceof io.github.nixml.nix.ast.Literal literal) {
      return new Expr.Literal(literal.text(), span);
    }
    if (node instanceof io.github.nixml.nix.ast.PathLit || node instanceof io.github.nixml.nix.ast.SearchPath) {
      return new Expr.Literal(node.toString(), span);
    }
    if (node instanceof io.github.nixml.nix.ast.StringLit string) {
      return string(string.parts(), span);
    }
    if (node instanceof io.github.nixml.nix.ast.NixList list) {
      List<Expr> items = new ArrayList<>();
      for (io.github.nixml.nix.ast.Expr element : list.elements()) {
        items.add(expr(element));
      }
      return new Expr.ListOf(items, span);
    }
    if (node instanceof io.github.nixml.nix.ast.AttrSet set) {
      return new Expr.AttrSet(set.isRecursive(), bindings(set), span);
    }
    if (node instanceof io.github.nixml.nix.ast.LetIn let) {
      return new Expr.Let(bindings(let), expr(let.body()), span);
    }
    if (node instanceof io.github.nixml.nix.ast.LegacyLet let) {
      return new Expr.Let(bindings(let), new Expr.Ident("body", span), span);
    }
    if (node instanceof io.github.nixml.nix.ast.With with) {
      return new Expr.With(expr(with.namespace()), expr(with.body()), span);
    }
    if (node instanceof io.github.nixml.nix.ast.Assert assertion) {
      return new Expr.Assert(expr(assertion.condition()), expr(assertion.body()), span);
    }
    if (node instanceof io.github.nixml.nix.ast.IfElse conditional) {
      return new Expr.If(expr(conditional.condition()), expr(conditional.thenBranch()),
          expr(conditional.elseBranch()), span);
    }
    if (node instanceof io.github.nixml.nix.ast.Lambda lambda) {
      return lambda(lambda, span);
    }
    if (node instanceof io.github.nixml.nix.ast.Apply apply) {
      return new Expr.Apply(expr(apply.function()), expr(apply.argument()), span);
    }
    if (node instanceof io.github.nixml.nix.ast.Select select) {
      io.github.nixml.nix.ast.Expr fallback = select.orDefault();
      return new Expr.Select(expr(select.expr()), path(select.attrpath()), fallback == null ? null : expr(fallback),
          span);
    }
    if (node instanceof io.github.nixml.nix.ast.HasAttr hasAttr) {
      return new Expr.HasAttr(expr(hasAttr.expr()), path(hasAttr.attrpath()), span);
    }
    if (node instanceof io.github.nixml.nix.ast.BinOp op) {
      if (op.operator() == null) {
        throw new Broken();
      }
      return new Expr.BinOp(op.operator().symbol(), expr(op.lhs()), expr(op.rhs()), span);
    }
    if (node instanceof io.github.nixml.nix.ast.UnaryOp op) {
      return new Expr.UnOp(op.isNot() ? "!" : "-", expr(op.operand()), span);
    }
    throw new Broken();
  }

  private Expr.Str string(List<StringPart> parts, SourceSpan span) {
    List<Object> lowered = new ArrayList<>();
    for (StringPart part : parts) {
      if (part instanceof StringPart.Text text) {
        lowered.add(text.text());
      } else if (part instanceof StringPart.Interpolation interpolation) {
        lowered.add(expr(interpolation.expr()));
      }
    }
    return new Expr.Str(lowered, span);
  }

  private Expr lambda(io.github.nixml.nix.ast.Lambda lambda, SourceSpan span) {
    String param = lambda.param() == null ? null : lambda.param().text();
    List<Expr.Formal> formals = null;
    Pattern pattern = lambda.pattern();
    if (pattern != null) {
      formals = new ArrayList<>();
      for (Pattern.Formal formal : pattern.formals()) {
        SyntaxToken name = formal.name();
        if (name == null) {
          throw new Broken();
        }
        io.github.nixml.nix.ast.Expr fallback = formal.defaultValue();
        formals.add(new Expr.Formal(name.text(), fallback == null ? null : expr(fallback), span(name)));
      }
      if (param == null && pattern.bindName() != null) {
        param = pattern.bindName().text();
      }
    }
    return new Expr.Lambda(param, formals, expr(lambda.body()), span);
  }

  private List<Binding> bindings(HasBindings owner) {
    List<Binding> out = new ArrayList<>();
    for (io.github.nixml.nix.ast.Binding binding : owner.bindings()) {
      List<AttrKey> path = path(binding.attrpath());
      if (path.isEmpty()) {
        throw new Broken();
      }
      SourceSpan start = path.get(0).span();
      out.add(new Expr.Define(path, expr(binding.value()), start));
    }
    for (io.github.nixml.nix.ast.Inherit inherit : owner.inherits()) {
      io.github.nixml.nix.ast.Expr source = inherit.hasSource() ? inherit.source() : null;
      List<AttrKey> names = path(inherit.names());
      SourceSpan start = names.isEmpty() ? span(0, 0) : names.get(0).span();
      out.add(new Expr.Inherit(source == null ? null : expr(source), names, start));
    }
    return out;
  }

  private List<AttrKey> path(List<AttrName> names) {
    List<AttrKey> keys = new ArrayList<>();
    for (AttrName name : names) {
      int offset = name.offset();
      int end = name.syntax() == null ? offset : name.syntax().end();
      SourceSpan span = span(offset, end);
      if (name.isDynamic()) {
        // ${expr}, or a "string with ${interpolation}" (a STRING node, typed through Expr.cast)
        io.github.nixml.nix.ast.Expr dynamic = name.dynamicExpr() != null ? name.dynamicExpr()
            : name.syntax() == null ? null : io.github.nixml.nix.ast.Expr.cast(name.syntax());
        Expr lowered = expr(dynamic);
        if (lowered instanceof Expr.Str str && str.parts().stream().allMatch(p -> p instanceof String)) {
          keys.add(new AttrKey(String.join("", str.parts().stream().map(Object::toString).toList()), null, span));
        } else {
          keys.add(new AttrKey(null, lowered, span));
        }
      } else {
        String text = name.staticName();
        if (text == null) {
          throw new Broken();
        }
        keys.add(new AttrKey(text, null, span));
      }
    }
    return keys;
  }
}
