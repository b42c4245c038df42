package io.github.nixml.model;

import io.github.nixml.model.Expr.AttrKey;
import io.github.nixml.model.Expr.Binding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Nix source into {@link Expr} for the model. It accepts what Nix accepts for the constructs flakes use and
 * gives up (empty result) on anything it cannot read: the model then knows nothing about the file, which makes
 * every model rule silent. Syntax errors themselves are reported by the front-end ({@code nix-syntax}).
 */
public final class ExprReader {
  private static final int MAX_DEPTH = 400;
  private static final List<String> KEYWORDS =
      List.of("let", "in", "rec", "with", "inherit", "if", "then", "else", "assert", "or");
  /** Operators, longest first so that {@code ++} wins over {@code +}. */
  private static final List<String> OPERATORS = List.of("...", "${", "++", "//", "==", "!=", "<=", ">=", "&&", "||",
      "->", "{", "}", "[", "]", "(", ")", ";", ":", ",", ".", "@", "=", "?", "<", ">", "+", "-", "*", "/", "!");

  private final String text;
  private final int[] lineStarts;
  private List<Token> tokens;
  private int index;
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
      reader.tokens = reader.tokenize();
      Expr expr = reader.expr();
      return reader.peek().kind == Kind.EOF ? Optional.of(expr) : Optional.empty();
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

  private enum Kind {
    IDENT, KEYWORD, OP, NUMBER, PATH, URI, STRING_OPEN, STRING_CLOSE, STRING_TEXT, INTERPOLATION_OPEN,
    INTERPOLATION_CLOSE, EOF
  }

  private record Token(Kind kind, String text, int start, int end) {}

  private Token peek() {
    return tokens.get(index);
  }

  private Token peek(int n) {
    return tokens.get(Math.min(index + n, tokens.size() - 1));
  }

  private Token next() {
    Token token = tokens.get(index);
    if (index < tokens.size() - 1) {
      index++;
    }
    return token;
  }

  /** A lexer frame: code (with its brace depth), a "…" string or a ''…'' string. */
  private static final class Frame {
    final int mode;
    final boolean interpolation;
    int braces;

    Frame(int mode, boolean interpolation) {
      this.mode = mode;
      this.interpolation = interpolation;
    }
  }

  private static final int CODE = 0;
  private static final int QUOTED = 1;
  private static final int INDENTED = 2;

  private List<Token> tokenize() {
    List<Token> out = new ArrayList<>();
    ArrayDeque<Frame> frames = new ArrayDeque<>();
    frames.push(new Frame(CODE, false));
    int p = 0;
    int n = text.length();
    while (true) {
      Frame frame = frames.peek();
      if (frame.mode != CODE) {
        p = stringPart(frame, frames, out, p);
        continue;
      }
      p = skipTrivia(p);
      if (p >= n) {
        if (frames.size() != 1) {
          throw new Unreadable();
        }
        out.add(new Token(Kind.EOF, "", n, n));
        return out;
      }
      int start = p;
      char c = text.charAt(p);
      if (c == '"') {
        out.add(new Token(Kind.STRING_OPEN, "\"", start, p + 1));
        frames.push(new Frame(QUOTED, false));
        p++;
        continue;
      }
      if (c == '\'' && p + 1 < n && text.charAt(p + 1) == '\'') {
        out.add(new Token(Kind.STRING_OPEN, "''", start, p + 2));
        frames.push(new Frame(INDENTED, false));
        p += 2;
        continue;
      }
      int pathEnd = pathEnd(p);
      if (pathEnd > 0) {
        out.add(new Token(Kind.PATH, text.substring(p, pathEnd), start, pathEnd));
        p = pathEnd;
        continue;
      }
      if (c == '<') {
        int end = p + 1;
        while (end < n && (isPathChar(text.charAt(end)) || text.charAt(end) == '/')) {
          end++;
        }
        if (end > p + 1 && end < n && text.charAt(end) == '>') {
          out.add(new Token(Kind.PATH, text.substring(p, end + 1), start, end + 1));
          p = end + 1;
          continue;
        }
      }
      if (Character.isLetter(c) || c == '_') {
        int end = p + 1;
        while (end < n && isIdentPart(text.charAt(end))) {
          end++;
        }
        String word = text.substring(p, end);
        if (end + 1 < n && text.charAt(end) == ':' && isUriChar(text.charAt(end + 1)) && looksLikeUri(word)) {
          int uriEnd = end + 1;
          while (uriEnd < n && isUriChar(text.charAt(uriEnd))) {
            uriEnd++;
          }
          out.add(new Token(Kind.URI, text.substring(p, uriEnd), start, uriEnd));
          p = uriEnd;
          continue;
        }
        out.add(new Token(KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.IDENT, word, start, end));
        p = end;
        continue;
      }
      if (Character.isDigit(c) || (c == '.' && p + 1 < n && Character.isDigit(text.charAt(p + 1)))) {
        int end = p;
        while (end < n && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.'
            || text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
          end++;
        }
        out.add(new Token(Kind.NUMBER, text.substring(p, end), start, end));
        p = end;
        continue;
      }
      String op = operatorAt(p);
      if (op == null) {
        throw new Unreadable();
      }
      p += op.length();
      if (op.equals("{")) {
        frame.braces++;
      } else if (op.equals("${")) {
        frames.push(new Frame(CODE, false));
      } else if (op.equals("}")) {
        if (frame.braces > 0) {
          frame.braces--;
        } else if (frames.size() > 1) {
          frames.pop();
          if (frame.interpolation) {
            out.add(new Token(Kind.INTERPOLATION_CLOSE, "}", start, p));
            continue;
          }
        } else {
          throw new Unreadable();
        }
      }
      out.add(new Token(Kind.OP, op, start, p));
    }
  }

  /** Lexes string content up to an interpolation or the closing quote; returns the new position. */
  private int stringPart(Frame frame, ArrayDeque<Frame> frames, List<Token> out, int p) {
    boolean indented = frame.mode == INDENTED;
    int n = text.length();
    int start = p;
    StringBuilder literal = new StringBuilder();
    while (true) {
      if (p >= n) {
        throw new Unreadable();
      }
      char c = text.charAt(p);
      if (!indented && c == '"') {
        flushText(literal, out, start, p);
        out.add(new Token(Kind.STRING_CLOSE, "\"", p, p + 1));
        frames.pop();
        return p + 1;
      }
      if (!indented && c == '\\' && p + 1 < n) {
        literal.append(unescape(text.charAt(p + 1)));
        p += 2;
      } else if (indented && text.startsWith("'''", p)) {
        literal.append("''");
        p += 3;
      } else if (indented && text.startsWith("''$", p)) {
        literal.append('$');
        p += 3;
      } else if (indented && text.startsWith("''\\", p) && p + 3 < n) {
        literal.append(unescape(text.charAt(p + 3)));
        p += 4;
      } else if (indented && text.startsWith("''", p)) {
        flushText(literal, out, start, p);
        out.add(new Token(Kind.STRING_CLOSE, "''", p, p + 2));
        frames.pop();
        return p + 2;
      } else if (text.startsWith("$${", p)) {
        literal.append("$${");
        p += 3;
      } else if (text.startsWith("${", p)) {
        flushText(literal, out, start, p);
        out.add(new Token(Kind.INTERPOLATION_OPEN, "${", p, p + 2));
        frames.push(new Frame(CODE, true));
        return p + 2;
      } else {
        literal.append(c);
        p++;
      }
    }
  }

  private static char unescape(char escaped) {
    return switch (escaped) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      default -> escaped;
    };
  }

  private static void flushText(StringBuilder literal, List<Token> out, int start, int end) {
    if (literal.length() > 0) {
      out.add(new Token(Kind.STRING_TEXT, literal.toString(), start, end));
      literal.setLength(0);
    }
  }

  private String operatorAt(int p) {
    for (String op : OPERATORS) {
      if (text.startsWith(op, p)) {
        return op;
      }
    }
    return null;
  }

  /** The end of a path literal at {@code p} ({@code ./x}, {@code ../x}, {@code /x}, {@code a/b}), or -1. */
  private int pathEnd(int p) {
    int n = text.length();
    int end = p;
    while (end < n && isPathChar(text.charAt(end))) {
      end++;
    }
    if (end + 1 >= n || text.charAt(end) != '/' || !isPathChar(text.charAt(end + 1))) {
      return -1;
    }
    while (end + 1 < n && text.charAt(end) == '/' && isPathChar(text.charAt(end + 1))) {
      end++;
      while (end < n && isPathChar(text.charAt(end))) {
        end++;
      }
    }
    return end;
  }

  private static boolean isPathChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
        || c == '-' || c == '+' || c == '~';
  }

  private static boolean isUriChar(char c) {
    return isPathChar(c) || "%/?:@&=$,!*'".indexOf(c) >= 0;
  }

  /** Only scheme-like URIs ({@code github:owner/repo}, {@code https://…}); {@code x:y} is a lambda. */
  private static boolean looksLikeUri(String scheme) {
    return scheme.equals("http") || scheme.equals("https") || scheme.equals("github") || scheme.equals("git")
        || scheme.equals("path") || scheme.equals("file") || scheme.startsWith("git+") || scheme.equals("ssh");
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '\'' || c == '-';
  }

  private int skipTrivia(int p) {
    int n = text.length();
    while (p < n) {
      char c = text.charAt(p);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        p++;
      } else if (c == '#') {
        while (p < n && text.charAt(p) != '\n') {
          p++;
        }
      } else if (c == '/' && p + 1 < n && text.charAt(p + 1) == '*') {
        int end = text.indexOf("*/", p + 2);
        if (end < 0) {
          throw new Unreadable();
        }
        p = end + 2;
      } else {
        return p;
      }
    }
    return p;
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

  /** The end offset of the last consumed token. */
  private int end() {
    return index == 0 ? 0 : tokens.get(index - 1).end;
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
      return new Expr.Let(bindings, body, span(start, end()));
    }
    if (isKeyword(token, "with")) {
      next();
      Expr scope = expr();
      expect(";");
      Expr body = expr();
      return new Expr.With(scope, body, span(start, end()));
    }
    if (isKeyword(token, "assert")) {
      next();
      Expr condition = expr();
      expect(";");
      Expr body = expr();
      return new Expr.Assert(condition, body, span(start, end()));
    }
    if (isKeyword(token, "if")) {
      next();
      Expr condition = expr();
      expect("then");
      Expr then = expr();
      expect("else");
      Expr otherwise = expr();
      return new Expr.If(condition, then, otherwise, span(start, end()));
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
    return new Expr.Lambda(param, formals, body, span(start, end()));
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
        return new Expr.UnOp("!", operand, span(start, end()));
      }
      return binary(level + 1);
    }
    if (ops[0].equals("neg")) {
      if (isOp(peek(), "-")) {
        next();
        Expr operand = binary(level);
        return new Expr.UnOp("-", operand, span(start, end()));
      }
      return binary(level + 1);
    }
    if (ops[0].equals("?")) {
      Expr target = binary(level + 1);
      while (isOp(peek(), "?")) {
        next();
        List<AttrKey> path = attrPath();
        target = new Expr.HasAttr(target, path, span(start, end()));
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
      left = new Expr.BinOp(op, left, right, span(start, end()));
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
      function = new Expr.Apply(function, argument, span(start, end()));
    }
    return function;
  }

  private boolean startsOperand(Token token) {
    return switch (token.kind) {
      case IDENT, NUMBER, PATH, URI, STRING_OPEN -> true;
      case KEYWORD -> token.text.equals("rec") || (token.text.equals("let") && isOp(peek(1), "{"));
      case OP -> token.text.equals("(") || token.text.equals("[") || token.text.equals("{");
      default -> false;
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
      return new Expr.Select(target, path, fallback, span(start, end()));
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
      case STRING_OPEN:
        return string(start);
            case KEYWORD:
        if (token.text.equals("rec")) {
          expect("{");
          List<Binding> bindings = bindings("}");
          expect("}");
          return new Expr.AttrSet(true, bindings, span(start, end()));
        }
        if (token.text.equals("let")) {
          // legacy `let { body = …; }`
          expect("{");
          List<Binding> bindings = bindings("}");
          expect("}");
          return new Expr.Let(bindings, new Expr.Ident("body", span(start, end())), span(start, end()));
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
          return new Expr.ListOf(items, span(start, end()));
        }
        if (token.text.equals("{")) {
          List<Binding> bindings = bindings("}");
          expect("}");
          return new Expr.AttrSet(false, bindings, span(start, end()));
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
        bindings.add(new Expr.Inherit(from, names, span(start, end())));
      } else {
        List<AttrKey> path = attrPath();
        expect("=");
        Expr value = expr();
        expect(";");
        bindings.add(new Expr.Define(path, value, span(start, end())));
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
    if (token.kind == Kind.STRING_OPEN) {
      Expr.Str str = string(start);
      if (str.parts().stream().allMatch(p -> p instanceof String)) {
        return new AttrKey(String.join("", str.parts().stream().map(Object::toString).toList()), null, str.span());
      }
      return new AttrKey(null, str, str.span());
    }
    if (isOp(token, "${")) {
      Expr inner = expr();
      expect("}");
      return new AttrKey(null, inner, span(start, end()));
    }
    throw new Unreadable();
  }

  // ---------------------------------------------------------------- strings

  /** After a STRING_OPEN token: text and interpolations up to STRING_CLOSE. */
  private Expr.Str string(int start) {
    List<Object> parts = new ArrayList<>();
    while (true) {
      Token token = next();
      switch (token.kind) {
        case STRING_TEXT -> parts.add(token.text);
        case INTERPOLATION_OPEN -> {
          parts.add(expr());
          if (next().kind != Kind.INTERPOLATION_CLOSE) {
            throw new Unreadable();
          }
        }
        case STRING_CLOSE -> {
          return new Expr.Str(parts, span(start, token.end));
        }
        default -> throw new Unreadable();
      }
    }
  }
}
