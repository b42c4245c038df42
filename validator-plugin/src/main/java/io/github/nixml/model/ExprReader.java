package io.github.nixml.model;

import io.github.nixml.model.Expr.AttrKey;
import io.github.nixml.model.Expr.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Nix source into {@link Expr} for the model. It accepts what Nix accepts for the constructs flakes use and
 * gives up (empty result) on anything it cannot read: the model then knows nothing about the file, which makes
 * every model rule silent. Syntax errors themselves are reported by the front-end ({@code nix-syntax}).
 */
public final class ExprReader {
  private static final int MAX_DEPTH = 400;
  private static final Pattern PATH = Pattern.compile("[a-zA-Z0-9._\\-+~]*(/[a-zA-Z0-9._\\-+]+)+/?");
  private static final Pattern SEARCH_PATH = Pattern.compile("<[a-zA-Z0-9._\\-+]+(/[a-zA-Z0-9._\\-+]+)*>");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?|\\.[0-9]+([eE][+-]?[0-9]+)?");
  private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+\\-.]*:[a-zA-Z0-9%/?:@&=+$,\\-_.!~*']+");
  private static final List<String> KEYWORDS =
      List.of("let", "in", "rec", "with", "inherit", "if", "then", "else", "assert", "or");
  /** Operators, longest first so that {@code ++} wins over {@code +}. */
  private static final List<String> OPERATORS = List.of("...", "${", "++", "//", "==", "!=", "<=", ">=", "&&", "||",
      "->", "{", "}", "[", "]", "(", ")", ";", ":", ",", ".", "@", "=", "?", "<", ">", "+", "-", "*", "/", "!");

  private final String text;
  private final int[] lineStarts;
  private int pos;
  private int depth;

  private ExprReader(String text) {
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The expression, or empty when the text is not something this reader understands. */
  public static Optional<Expr> read(String text) {
    ExprReader reader = new ExprReader(text);
    try {
      Expr expr = reader.expr();
      reader.skipTrivia();
      return reader.pos == text.length() ? Optional.of(expr) : Optional.empty();
    } catch (Unreadable | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** Signals input this reader does not accept; never escapes {@link #read}. */
  private static final class Unreadable extends RuntimeException {
    Unreadable() {
      super(null, null, false, false);
    }
  }

  // ---------------------------------------------------------------- tokens

  private enum Kind { IDENT, KEYWORD, OP, NUMBER, PATH, URI, STRING_START, INDENTED_START, EOF }

  private record Token(Kind kind, String text, int start, int end) {}

  private Token peek() {
    int saved = pos;
    Token token = next();
    pos = saved;
    return token;
  }

  private Token peek(int n) {
    int saved = pos;
    Token token = null;
    for (int i = 0; i <= n; i++) {
      token = next();
    }
    pos = saved;
    return token;
  }

  private Token next() {
    skipTrivia();
    int start = pos;
    if (pos >= text.length()) {
      return new Token(Kind.EOF, "", start, start);
    }
    char c = text.charAt(pos);
    if (c == '"') {
      pos++;
      return new Token(Kind.STRING_START, "\"", start, pos);
    }
    if (text.startsWith("''", pos)) {
      pos += 2;
      return new Token(Kind.INDENTED_START, "''", start, pos);
    }
    Matcher path = PATH.matcher(text).region(pos, text.length());
    if ((c == '.' || c == '/' || c == '~' || Character.isLetterOrDigit(c) || c == '_') && path.lookingAt()
        && path.group().contains("/") && !path.group().startsWith("//")) {
      pos = path.end();
      return new Token(Kind.PATH, path.group(), start, pos);
    }
    if (c == '<') {
      Matcher search = SEARCH_PATH.matcher(text).region(pos, text.length());
      if (search.lookingAt()) {
        pos = search.end();
        return new Token(Kind.PATH, search.group(), start, pos);
      }
    }
    if (Character.isLetter(c) || c == '_') {
      Matcher uri = URI.matcher(text).region(pos, text.length());
      if (uri.lookingAt() && looksLikeUri(uri.group())) {
        pos = uri.end();
        return new Token(Kind.URI, uri.group(), start, pos);
      }
      int end = pos + 1;
      while (end < text.length() && isIdentPart(text.charAt(end))) {
        end++;
      }
      String word = text.substring(pos, end);
      pos = end;
      return new Token(KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.IDENT, word, start, pos);
    }
    if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
      Matcher number = NUMBER.matcher(text).region(pos, text.length());
      if (number.lookingAt()) {
        pos = number.end();
        return new Token(Kind.NUMBER, number.group(), start, pos);
      }
    }
    for (String op : OPERATORS) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return new Token(Kind.OP, op, start, pos);
      }
    }
    throw new Unreadable();
  }

  /** Only scheme-like URIs ({@code github:owner/repo}, {@code https://…}); {@code x:y} is a lambda. */
  private static boolean looksLikeUri(String candidate) {
    String scheme = candidate.substring(0, candidate.indexOf(':'));
    return scheme.equals("http") || scheme.equals("https") || scheme.equals("github") || scheme.equals("git")
        || scheme.equals("path") || scheme.equals("file") || scheme.startsWith("git+") || scheme.equals("ssh");
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '\'' || c == '-';
  }

  private void skipTrivia() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw new Unreadable();
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private Token expect(String op) {
    Token token = next();
    if (!token.text.equals(op) || (token.kind != Kind.OP && token.kind != Kind.KEYWORD)) {
      throw new Unreadable();
    }
    return token;
  }

  private boolean isOp(Token token, String op) {
    return token.kind == Kind.OP && token.text.equals(op);
  }

  private boolean isKeyword(Token token, String keyword) {
    return token.kind == Kind.KEYWORD && token.text.equals(keyword);
  }

  private SourceSpan span(int start, int end) {
    int line = lineOf(start);
    return new SourceSpan(start, end - start, line + 1, start - lineStarts[line] + 1);
  }

  private int lineOf(int offset) {
    int low = 0;
    int high = lineStarts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  // ---------------------------------------------------------------- expressions

  private Expr expr() {
    if (++depth > MAX_DEPTH) {
      throw new Unreadable();
    }
    try {
      return exprUnchecked();
    } finally {
      depth--;
    }
  }

  private Expr exprUnchecked() {
    Token token = peek();
    int start = token.start;
    if (isLambdaStart()) {
      return lambda();
    }
    if (isKeyword(token, "let") && !isOp(peek(1), "{")) {
      next();
      List<Binding> bindings = bindings("in");
      expect("in");
      Expr body = expr();
      return new Expr.Let(bindings, body, span(start, pos));
    }
    if (isKeyword(token, "with")) {
      next();
      Expr scope = expr();
      expect(";");
      Expr body = expr();
      return new Expr.With(scope, body, span(start, pos));
    }
    if (isKeyword(token, "assert")) {
      next();
      Expr condition = expr();
      expect(";");
      Expr body = expr();
      return new Expr.Assert(condition, body, span(start, pos));
    }
    if (isKeyword(token, "if")) {
      next();
      Expr condition = expr();
      expect("then");
      Expr then = expr();
      expect("else");
      Expr otherwise = expr();
      return new Expr.If(condition, then, otherwise, span(start, pos));
    }
    return binary(0);
  }

  private boolean isLambdaStart() {
    Token first = peek();
    if (first.kind == Kind.IDENT) {
      Token second = peek(1);
      return isOp(second, ":") || isOp(second, "@");
    }
    if (!isOp(first, "{")) {
      return false;
    }
    Token second = peek(1);
    if (isOp(second, "}")) {
      Token third = peek(2);
      return isOp(third, ":") || isOp(third, "@");
    }
    if (isOp(second, "...")) {
      return true;
    }
    if (second.kind == Kind.IDENT) {
      Token third = peek(2);
      return isOp(third, ",") || isOp(third, "?") || isOp(third, "}");
    }
    return false;
  }

  private Expr lambda() {
    int start = peek().start;
    String param = null;
    List<Expr.Formal> formals = null;
    if (peek().kind == Kind.IDENT) {
      param = next().text;
      if (isOp(next(), "@")) {
        formals = formals();
        expect(":");
      }
    } else {
      formals = formals();
      if (isOp(peek(), "@")) {
        next();
        Token name = next();
        if (name.kind != Kind.IDENT) {
          throw new Unreadable();
        }
        param = name.text;
      }
      expect(":");
    }
    Expr body = expr();
    return new Expr.Lambda(param, formals, body, span(start, pos));
  }

  private List<Expr.Formal> formals() {
    expect("{");
    List<Expr.Formal> formals = new ArrayList<>();
    while (true) {
      Token token = next();
      if (isOp(token, "}")) {
        return formals;
      }
      if (isOp(token, "...")) {
        expect("}");
        return formals;
      }
      if (token.kind != Kind.IDENT) {
        throw new Unreadable();
      }
      Expr fallback = null;
      if (isOp(peek(), "?")) {
        next();
        fallback = expr();
      }
      formals.add(new Expr.Formal(token.text, fallback, span(token.start, token.end)));
      Token separator = next();
      if (isOp(separator, "}")) {
        return formals;
      }
      if (!isOp(separator, ",")) {
        throw new Unreadable();
      }
    }
  }

  /** Binary operator levels, loosest first; each entry: operators, right-associative?. */
  private static final String[][] LEVELS = {
    {"->"}, {"||"}, {"&&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"//"}, {"!"}, {"+", "-"}, {"*", "/"}, {"++"},
    {"?"}, {"neg"}
  };

  private Expr binary(int level) {
    if (level >= LEVELS.length) {
      return application();
    }
    String[] ops = LEVELS[level];
    int start = peek().start;
    if (ops[0].equals("!")) {
      if (isOp(peek(), "!")) {
        next();
        Expr operand = binary(level);
        return new Expr.UnOp("!", operand, span(start, pos));
      }
      return binary(level + 1);
    }
    if (ops[0].equals("neg")) {
      if (isOp(peek(), "-")) {
        next();
        Expr operand = binary(level);
        return new Expr.UnOp("-", operand, span(start, pos));
      }
      return binary(level + 1);
    }
    if (ops[0].equals("?")) {
      Expr target = binary(level + 1);
      while (isOp(peek(), "?")) {
        next();
        List<AttrKey> path = attrPath();
        target = new Expr.HasAttr(target, path, span(start, pos));
      }
      return target;
    }
    boolean rightAssociative = ops[0].equals("->") || ops[0].equals("//") || ops[0].equals("++");
    Expr left = binary(level + 1);
    while (true) {
      Token token = peek();
      String op = null;
      if (token.kind == Kind.OP) {
        for (String candidate : ops) {
          if (candidate.equals(token.text)) {
            op = candidate;
          }
        }
      }
      if (op == null) {
        return left;
      }
      next();
      Expr right = rightAssociative ? binary(level) : binary(level + 1);
      left = new Expr.BinOp(op, left, right, span(start, pos));
      if (rightAssociative) {
        return left;
      }
    }
  }

  private Expr application() {
    int start = peek().start;
    Expr function = select();
    while (startsOperand(peek())) {
      Expr argument = select();
      function = new Expr.Apply(function, argument, span(start, pos));
    }
    return function;
  }

  private boolean startsOperand(Token token) {
    return switch (token.kind) {
      case IDENT, NUMBER, PATH, URI, STRING_START, INDENTED_START -> true;
      case KEYWORD -> token.text.equals("rec") || (token.text.equals("let") && isOp(peek(1), "{"));
      case OP -> token.text.equals("(") || token.text.equals("[") || token.text.equals("{");
      case EOF -> false;
    };
  }

  private Expr select() {
    int start = peek().start;
    Expr target = primary();
    if (isOp(peek(), ".")) {
      next();
      List<AttrKey> path = attrPath();
      Expr fallback = null;
      if (isKeyword(peek(), "or")) {
        next();
        fallback = select();
      }
      return new Expr.Select(target, path, fallback, span(start, pos));
    }
    return target;
  }

  private Expr primary() {
    Token token = next();
    int start = token.start;
    switch (token.kind) {
      case IDENT:
        return new Expr.Ident(token.text, span(start, token.end));
      case NUMBER:
      case PATH:
      case URI:
        return new Expr.Literal(token.text, span(start, token.end));
      case STRING_START:
        return string(start);
      case INDENTED_START:
        return indentedString(start);
      case KEYWORD:
        if (token.text.equals("rec")) {
          expect("{");
          List<Binding> bindings = bindings("}");
          expect("}");
          return new Expr.AttrSet(true, bindings, span(start, pos));
        }
        if (token.text.equals("let")) {
          // legacy `let { body = …; }`
          expect("{");
          List<Binding> bindings = bindings("}");
          expect("}");
          return new Expr.Let(bindings, new Expr.Ident("body", span(start, pos)), span(start, pos));
        }
        throw new Unreadable();
      case OP:
        if (token.text.equals("(")) {
          Expr inner = expr();
          expect(")");
          return inner;
        }
        if (token.text.equals("[")) {
          List<Expr> items = new ArrayList<>();
          while (!isOp(peek(), "]")) {
            if (peek().kind == Kind.EOF) {
              throw new Unreadable();
            }
            items.add(select());
          }
          next();
          return new Expr.ListOf(items, span(start, pos));
        }
        if (token.text.equals("{")) {
          List<Binding> bindings = bindings("}");
          expect("}");
          return new Expr.AttrSet(false, bindings, span(start, pos));
        }
        throw new Unreadable();
      default:
        throw new Unreadable();
    }
  }

  private List<Binding> bindings(String terminator) {
    List<Binding> bindings = new ArrayList<>();
    while (true) {
      Token token = peek();
      if (token.kind == Kind.EOF) {
        throw new Unreadable();
      }
      if ((token.kind == Kind.OP || token.kind == Kind.KEYWORD) && token.text.equals(terminator)) {
        return bindings;
      }
      int start = token.start;
      if (isKeyword(token, "inherit")) {
        next();
        Expr from = null;
        if (isOp(peek(), "(")) {
          next();
          from = expr();
          expect(")");
        }
        List<AttrKey> names = new ArrayList<>();
        while (!isOp(peek(), ";")) {
          names.add(attrKey());
        }
        next();
        bindings.add(new Expr.Inherit(from, names, span(start, pos)));
      } else {
        List<AttrKey> path = attrPath();
        expect("=");
        Expr value = expr();
        expect(";");
        bindings.add(new Expr.Define(path, value, span(start, pos)));
      }
    }
  }

  private List<AttrKey> attrPath() {
    List<AttrKey> path = new ArrayList<>();
    path.add(attrKey());
    while (isOp(peek(), ".")) {
      next();
      path.add(attrKey());
    }
    return path;
  }

  private AttrKey attrKey() {
    Token token = next();
    int start = token.start;
    if (token.kind == Kind.IDENT || token.kind == Kind.KEYWORD) {
      if (token.kind == Kind.KEYWORD && !token.text.equals("or")) {
        throw new Unreadable();
      }
      return new AttrKey(token.text, null, span(start, token.end));
    }
    if (token.kind == Kind.STRING_START) {
      Expr.Str str = string(start);
      if (str.parts().stream().allMatch(p -> p instanceof String)) {
        return new AttrKey(String.join("", str.parts().stream().map(Object::toString).toList()), null, str.span());
      }
      return new AttrKey(null, str, str.span());
    }
    if (isOp(token, "${")) {
      Expr inner = expr();
      expect("}");
      return new AttrKey(null, inner, span(start, pos));
    }
    throw new Unreadable();
  }

  // ---------------------------------------------------------------- strings

  private Expr.Str string(int start) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new Unreadable();
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        flush(literal, parts);
        return new Expr.Str(parts, span(start, pos));
      }
      if (c == '\\' && pos + 1 < text.length()) {
        char escaped = text.charAt(pos + 1);
        literal.append(switch (escaped) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> escaped;
        });
        pos += 2;
      } else if (text.startsWith("$${", pos)) {
        literal.append("$${");
        pos += 3;
      } else if (text.startsWith("${", pos)) {
        flush(literal, parts);
        pos += 2;
        parts.add(expr());
        skipTrivia();
        if (pos >= text.length() || text.charAt(pos) != '}') {
          throw new Unreadable();
        }
        pos++;
      } else {
        literal.append(c);
        pos++;
      }
    }
  }

  private Expr.Str indentedString(int start) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new Unreadable();
      }
      if (text.startsWith("'''", pos)) {
        literal.append("''");
        pos += 3;
      } else if (text.startsWith("''$", pos)) {
        literal.append('$');
        pos += 3;
      } else if (text.startsWith("''\\", pos) && pos + 3 < text.length()) {
        char escaped = text.charAt(pos + 3);
        literal.append(switch (escaped) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> escaped;
        });
        pos += 4;
      } else if (text.startsWith("''", pos)) {
        pos += 2;
        flush(literal, parts);
        return new Expr.Str(parts, span(start, pos));
      } else if (text.startsWith("$${", pos)) {
        literal.append("$${");
        pos += 3;
      } else if (text.startsWith("${", pos)) {
        flush(literal, parts);
        pos += 2;
        parts.add(expr());
        skipTrivia();
        if (pos >= text.length() || text.charAt(pos) != '}') {
          throw new Unreadable();
        }
        pos++;
      } else {
        literal.append(text.charAt(pos));
        pos++;
      }
    }
  }

  private static void flush(StringBuilder literal, List<Object> parts) {
    if (literal.length() > 0) {
      parts.add(literal.toString());
      literal.setLength(0);
    }
  }
}
