package io.github.nixml.nix.syntax;

import static io.github.nixml.nix.syntax.SyntaxKind.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for Nix 2.8's grammar ({@code parser.y}), with operator precedence
 * climbing for {@code expr_op}. It accepts exactly what Nix's LALR parser accepts, builds a lossless
 * green tree, collects errors instead of throwing and always makes progress.
 *
 * <p>Nesting is bounded like Nix's own parser: bison gives up ("memory exhausted") when its stack
 * holds 10,000 states. We count the symbols bison would hold on its stack at each nested
 * expression and stop with a {@link ParseResult#tooDeep()} error at the same limit, so neither
 * parser recurses further than that.
 */
public final class Parser {
  /** Bison's YYMAXDEPTH (10,000 states) minus the initial state, as counted by {@link #depth}. */
  static final int MAX_STACK = 9997;

  private static final int PREC_IMPL = 1;
  private static final int PREC_OR = 2;
  private static final int PREC_AND = 3;
  private static final int PREC_EQ = 4;
  private static final int PREC_CMP = 5;
  private static final int PREC_UPDATE = 6;
  private static final int PREC_NOT = 7;
  private static final int PREC_ADD = 8;
  private static final int PREC_MUL = 9;
  private static final int PREC_CONCAT = 10;
  private static final int PREC_HAS_ATTR = 11;
  private static final int PREC_NEGATE = 12;

  private final Tokens tokens;
  private final GreenBuilder builder;
  private final List<SyntaxError> errors = new ArrayList<>();
  /** Index of the next token to add to the tree (may be trivia). */
  private int pos;
  /** Index of the next significant (non-trivia) token. */
  private int cur;
  /** The kind of token {@link #cur} ({@code EOF} past the end), read once per token instead of per test. */
  private SyntaxKind curKind;
  /** Symbols on bison's stack at this point, approximately. */
  private int depth;
  private boolean tooDeep;
  private int lastErrorOffset = -1;
  private int lastTokenEnd;

  private Parser(Tokens tokens) {
    this.tokens = tokens;
    this.builder = new GreenBuilder(tokens.text());
    advanceTo(skipTrivia(0));
  }

  private void advanceTo(int next) {
    cur = next;
    curKind = tokens.kind(next);
  }

  /** Parses a whole file. Never throws. */
  public static ParseResult parse(String text) {
    Tokens tokens = Lexer.tokenize(text);
    Parser parser = new Parser(tokens);
    return parser.parseRoot();
  }

  private ParseResult parseRoot() {
    builder.startNode(ROOT);
    parseExpr(0);
    if (peek() != EOF) {
      error("syntax error, unexpected " + describe(cur) + ", expecting end of file");
      builder.startNode(ERROR);
      while (peek() != EOF) {
        bump();
      }
      builder.finishNode();
    }
    flushTrivia();
    GreenNode root = builder.finish();
    List<SyntaxError> all = new ArrayList<>(tokens.errors());
    all.addAll(errors);
    all.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    return new ParseResult(root, all, tooDeep);
  }

  // ------------------------------------------------------------------ token cursor

  private int skipTrivia(int i) {
    while (tokens.isTrivia(i)) {
      i++;
    }
    return i;
  }

  private SyntaxKind peek() {
    return curKind;
  }

  /** The kind of the n-th significant token after the current one (0 = current). */
  private SyntaxKind peekAt(int n) {
    int i = cur;
    for (int k = 0; k < n; k++) {
      i = skipTrivia(i + 1);
    }
    return tokens.kind(i);
  }

  private void flushTrivia() {
    while (pos < cur) {
      builder.token(tokens.kind(pos), tokens.start(pos), tokens.end(pos));
      pos++;
    }
  }

  private void bump() {
    flushTrivia();
    if (cur < tokens.count()) {
      int end = tokens.end(cur);
      builder.token(curKind, tokens.start(cur), end);
      lastTokenEnd = end;
      pos = cur + 1;
      advanceTo(skipTrivia(pos));
    }
  }

  private void startNode(SyntaxKind kind) {
    flushTrivia();
    builder.startNode(kind);
  }

  private int checkpoint() {
    flushTrivia();
    return builder.checkpoint();
  }

  private boolean at(SyntaxKind kind) {
    return peek() == kind;
  }

  private boolean eat(SyntaxKind kind) {
    if (peek() == kind) {
      bump();
      return true;
    }
    return false;
  }

  private boolean expect(SyntaxKind kind) {
    if (eat(kind)) {
      return true;
    }
    error("syntax error, unexpected " + describe(cur) + ", expecting " + kind.nixName());
    return false;
  }

  private String describe(int tokenIndex) {
    SyntaxKind kind = tokens.kind(tokenIndex);
    return kind.nixName();
  }

  private void error(String message) {
    // like Nix, place "unexpected end of file" right after the last token, not after trailing trivia; a NUL
    // between tokens is Nix's end of input, so there
    int offset = cur < tokens.count() ? tokens.start(cur) : endOfInput();
    if (offset == lastErrorOffset || tooDeep) {
      return;
    }
    lastErrorOffset = offset;
    int length = cur < tokens.count() ? tokens.end(cur) - offset : 0;
    errors.add(new SyntaxError(offset, length, message));
  }

  private int endOfInput() {
    int last = tokens.count() - 1;
    return last >= 0 && tokens.kind(last) == SyntaxKind.NUL_TAIL ? tokens.start(last) : lastTokenEnd;
  }

  private void unexpected() {
    error("syntax error, unexpected " + describe(cur));
  }

  // ------------------------------------------------------------------ depth

  private boolean enter(int entries) {
    return enter(entries, 0);
  }

  /**
   * Enters a nested expression that sits {@code entries} symbols above the current ones and is
   * followed by {@code trailing} symbols of the same rule (a closing bracket, a ';'); false (after
   * reporting) when bison's stack would overflow there.
   */
  private boolean enter(int entries, int trailing) {
    if (depth + entries + 1 + trailing > MAX_STACK) {
      tooDeepHere();
      return false;
    }
    depth += entries;
    return true;
  }

  /** Whether a construct of {@code symbols} symbols fits on bison's stack here; reports if not. */
  private boolean fits(int symbols) {
    if (depth + symbols > MAX_STACK) {
      tooDeepHere();
      return false;
    }
    return true;
  }

  private void leave(int entries) {
    depth -= entries;
  }

  /** Reports the nesting limit once, then swallows the rest of the enclosing bracket. */
  private void tooDeepHere() {
    if (!tooDeep) {
      int offset = tokens.start(cur);
      errors.add(new SyntaxError(SyntaxError.Kind.TOO_DEEP, offset, 0,
          "expression nested too deeply (Nix's parser stops here too: memory exhausted)"));
      tooDeep = true;
    }
    startNode(ERROR);
    int level = 0;
    while (true) {
      SyntaxKind k = peek();
      if (k == EOF) {
        break;
      }
      if (k == L_PAREN || k == L_BRACK || k == L_BRACE || k == DOLLAR_CURLY) {
        level++;
      } else if (k == R_PAREN || k == R_BRACK || k == R_BRACE) {
        if (level == 0) {
          break;
        }
        level--;
      }
      bump();
    }
    builder.finishNode();
  }

  // ------------------------------------------------------------------ expressions

  /** {@code expr} (= {@code expr_function}) nested under {@code entries} more bison stack symbols. */
  private void parseExpr(int entries) {
    parseExpr(entries, 0);
  }

  private void parseExpr(int entries, int trailing) {
    if (!enter(entries, trailing)) {
      return;
    }
    parseExprFunction();
    leave(entries);
  }

  private void parseExprFunction() {
    switch (peek()) {
      case IDENT -> {
        SyntaxKind next = peekAt(1);
        if (next == COLON) {
          startNode(LAMBDA);
          startNode(IDENT_PARAM);
          bump();
          builder.finishNode();
          bump();
          parseExpr(2);
          builder.finishNode();
          return;
        }
        if (next == AT) {
          startNode(LAMBDA);
          startNode(PATTERN);
          startNode(PAT_BIND);
          bump();
          bump();
          builder.finishNode();
          if (at(L_BRACE)) {
            parseFormals(2);
          } else {
            unexpected();
          }
          builder.finishNode();
          if (expect(COLON)) {
            parseExpr(6);
          }
          builder.finishNode();
          return;
        }
        parseExprIf();
      }
      case L_BRACE -> {
        if (!looksLikeFormals()) {
          parseExprIf();
          return;
        }
        startNode(LAMBDA);
        startNode(PATTERN);
        parseFormals(0);
        int bodyEntries = 4;
        if (at(AT)) {
          startNode(PAT_BIND);
          bump();
          if (!eat(IDENT)) {
            unexpected();
          }
          builder.finishNode();
          bodyEntries = 6;
        }
        builder.finishNode();
        if (at(COLON)) {
          bump();
          parseExpr(bodyEntries);
        } else {
          error("syntax error, unexpected " + describe(cur)
              + (bodyEntries == 4 ? ", expecting ':' or '@'" : ", expecting ':'"));
        }
        builder.finishNode();
      }
      case KW_ASSERT -> parseKeywordSemicolonBody(ASSERT);
      case KW_WITH -> parseKeywordSemicolonBody(WITH);
      case KW_LET -> {
        if (peekAt(1) == L_BRACE) {
          parseExprIf();
          return;
        }
        startNode(LET_IN);
        bump();
        parseBinds(KW_IN, 2);
        if (expect(KW_IN)) {
          parseExpr(3);
        }
        builder.finishNode();
      }
      default -> parseExprIf();
    }
  }

  private void parseKeywordSemicolonBody(SyntaxKind kind) {
    startNode(kind);
    bump();
    parseExpr(1, 1);
    if (expect(SEMICOLON)) {
      parseExpr(3);
    }
    builder.finishNode();
  }

  /** After '{': decides between formals and an attribute set, as bison's one-token lookahead does. */
  private boolean looksLikeFormals() {
    SyntaxKind first = peekAt(1);
    return switch (first) {
      case R_BRACE -> {
        SyntaxKind after = peekAt(2);
        yield after == COLON || after == AT;
      }
      case IDENT -> {
        SyntaxKind after = peekAt(2);
        yield after == COMMA || after == QUESTION || after == R_BRACE;
      }
      case ELLIPSIS -> true;
      default -> false;
    };
  }

  /** {@code '{' formals '}'}; formals are right-recursive in Nix, so each one costs stack. */
  private void parseFormals(int entries) {
    bump(); // {
    int stack = entries + 1;
    while (true) {
      SyntaxKind k = peek();
      if (k == R_BRACE) {
        break;
      }
      if (k == ELLIPSIS) {
        bump();
        break;
      }
      if (k != IDENT) {
        unexpected();
        break;
      }
      if (depth + stack + 1 > MAX_STACK) {
        tooDeepHere();
        break;
      }
      startNode(PAT_ENTRY);
      bump();
      if (at(QUESTION)) {
        bump();
        parseExpr(stack + 2);
      }
      builder.finishNode();
      if (!eat(COMMA)) {
        break;
      }
      stack += 2;
    }
    if (!eat(R_BRACE)) {
      unexpected();
      recoverTo(R_BRACE, null);
      eat(R_BRACE);
    }
  }

  private void parseExprIf() {
    if (!at(KW_IF)) {
      parseExprOp(0);
      return;
    }
    startNode(IF_ELSE);
    bump();
    parseExpr(1, 1);
    if (expect(KW_THEN)) {
      parseExpr(3, 1);
      if (expect(KW_ELSE)) {
        parseExpr(5);
      }
    }
    builder.finishNode();
  }

  private static int binaryPrecedence(SyntaxKind kind) {
    return switch (kind) {
      case IMPL -> PREC_IMPL;
      case OR -> PREC_OR;
      case AND -> PREC_AND;
      case EQ, NEQ -> PREC_EQ;
      case LESS, GREATER, LEQ, GEQ -> PREC_CMP;
      case UPDATE -> PREC_UPDATE;
      case PLUS, MINUS -> PREC_ADD;
      case STAR, SLASH -> PREC_MUL;
      case CONCAT -> PREC_CONCAT;
      case QUESTION -> PREC_HAS_ATTR;
      default -> -1;
    };
  }

  /** {@code expr_op} with bison's precedences: operators binding tighter than {@code minPrec} only. */
  private void parseExprOp(int minPrec) {
    int start = checkpoint();
    SyntaxKind first = peek();
    if (first == BANG || first == MINUS) {
      builder.startNode(UNARY_OP);
      bump();
      if (enter(1)) {
        parseExprOp(first == BANG ? PREC_ADD : PREC_NEGATE + 1);
        leave(1);
      }
      builder.finishNode();
    } else {
      parseExprApp();
    }
    int lastPrec = -1;
    while (true) {
      SyntaxKind op = peek();
      int prec = binaryPrecedence(op);
      if (prec < 0 || prec < minPrec) {
        return;
      }
      if (prec == lastPrec && (prec == PREC_EQ || prec == PREC_CMP)) {
        unexpected(); // non-associative: a == b == c
      }
      if (op == QUESTION) {
        builder.startNodeAt(start, HAS_ATTR);
        bump();
        parseAttrpath(2);
      } else {
        builder.startNodeAt(start, BIN_OP);
        bump();
        boolean right = prec == PREC_IMPL || prec == PREC_UPDATE || prec == PREC_CONCAT;
        if (enter(2)) {
          parseExprOp(right ? prec : prec + 1);
          leave(2);
        }
      }
      builder.finishNode();
      lastPrec = prec;
    }
  }

  private static boolean startsSelect(SyntaxKind kind) {
    return switch (kind) {
      case IDENT, INT, FLOAT, QUOTE, IND_STRING_OPEN, PATH, HPATH, SPATH, URI, L_PAREN, KW_LET,
          KW_REC, L_BRACE, L_BRACK -> true;
      default -> false;
    };
  }

  private void parseExprApp() {
    int start = checkpoint();
    parseExprSelect();
    while (startsSelect(peek())) {
      builder.startNodeAt(start, APPLY);
      if (enter(1)) {
        parseExprSelect();
        leave(1);
      }
      builder.finishNode();
    }
  }

  private void parseExprSelect() {
    int start = checkpoint();
    if (!parseExprSimple()) {
      return;
    }
    if (at(DOT)) {
      builder.startNodeAt(start, SELECT);
      bump();
      parseAttrpath(2);
      if (at(KW_OR)) {
        bump();
        if (enter(4)) {
          if (startsSelect(peek())) {
            parseExprSelect();
          } else {
            unexpected();
          }
          leave(4);
        }
      }
      builder.finishNode();
    } else if (at(KW_OR)) {
      // Nix's backwards compatibility rule "expr_simple OR_KW": a call of the expression with a
      // variable named "or" (nixpkgs once had a function of that name).
      builder.startNodeAt(start, APPLY);
      startNode(IDENT_REF);
      bump();
      builder.finishNode();
      builder.finishNode();
    }
  }

  /** Returns false (without consuming) when the current token cannot start an expression. */
  private boolean parseExprSimple() {
    switch (peek()) {
      case IDENT -> leaf(IDENT_REF);
      case INT -> {
        checkInt();
        leaf(LITERAL);
      }
      case FLOAT -> {
        checkFloat();
        leaf(LITERAL);
      }
      case URI -> leaf(LITERAL);
      case SPATH -> leaf(SEARCH_PATH);
      case QUOTE -> {
        if (fits(3)) {
          parseString(0);
        }
      }
      case IND_STRING_OPEN -> {
        if (fits(3)) {
          parseIndString();
        }
      }
      case PATH, HPATH -> parsePath();
      case L_PAREN -> {
        startNode(PAREN);
        bump();
        parseExpr(1, 1);
        expect(R_PAREN);
        builder.finishNode();
      }
      case KW_LET -> {
        if (!fits(4)) {
          return true;
        }
        parseKeywordBraces(LEGACY_LET);
      }
      case KW_REC -> {
        if (!fits(4)) {
          return true;
        }
        parseKeywordBraces(ATTR_SET);
      }
      case L_BRACE -> {
        if (!fits(3)) {
          return true;
        }
        startNode(ATTR_SET);
        bump();
        parseBinds(R_BRACE, 2);
        expect(R_BRACE);
        builder.finishNode();
      }
      case L_BRACK -> {
        if (!fits(3)) {
          return true;
        }
        startNode(LIST);
        bump();
        while (startsSelect(peek())) {
          if (!enter(2, 1)) {
            break;
          }
          parseExprSelect();
          leave(2);
        }
        if (!eat(R_BRACK)) {
          unexpected();
          recoverTo(R_BRACK, null);
          eat(R_BRACK);
        }
        builder.finishNode();
      }
      default -> {
        unexpected();
        return false;
      }
    }
    return true;
  }

  /** A node of one token, the current one (the commonest nodes: names, literals). */
  private void leaf(SyntaxKind kind) {
    flushTrivia();
    if (cur < tokens.count()) {
      int end = tokens.end(cur);
      builder.leaf(kind, curKind, tokens.start(cur), end);
      lastTokenEnd = end;
      pos = cur + 1;
      advanceTo(skipTrivia(pos));
    } else {
      builder.startNode(kind);
      builder.finishNode();
    }
  }

  private void checkInt() {
    int from = tokens.start(cur);
    int to = tokens.end(cur);
    String digits = tokens.text().substring(from, to);
    boolean ok = digits.length() < 19;
    if (!ok) {
      try {
        Long.parseLong(digits);
        ok = true;
      } catch (NumberFormatException e) {
        ok = false;
      }
    }
    if (!ok) {
      errors.add(new SyntaxError(from, to - from, "invalid integer '" + digits + "'"));
    }
  }

  /** Nix rejects floats that strtod reports as out of range: overflow, underflow, subnormals. */
  private void checkFloat() {
    int from = tokens.start(cur);
    int to = tokens.end(cur);
    String literal = tokens.text().substring(from, to);
    double value;
    try {
      value = Double.parseDouble(literal);
    } catch (NumberFormatException e) {
      return; // cannot happen for text the lexer accepted as FLOAT
    }
    boolean bad = Double.isInfinite(value) || (value != 0 && value < Double.MIN_NORMAL);
    if (value == 0) {
      int e = literal.indexOf('e');
      if (e < 0) {
        e = literal.indexOf('E');
      }
      String mantissa = e < 0 ? literal : literal.substring(0, e);
      for (int i = 0; i < mantissa.length(); i++) {
        char c = mantissa.charAt(i);
        if (c >= '1' && c <= '9') {
          bad = true;
          break;
        }
      }
    }
    if (bad) {
      errors.add(new SyntaxError(from, to - from, "invalid float '" + literal + "'"));
    }
  }

  /** {@code let { … }} or {@code rec { … }}: a keyword, then bindings in braces. */
  private void parseKeywordBraces(SyntaxKind nodeKind) {
    startNode(nodeKind);
    bump();
    if (expect(L_BRACE)) {
      parseBinds(R_BRACE, 3);
      expect(R_BRACE);
    }
    builder.finishNode();
  }

  private void parseInterpolation(SyntaxKind nodeKind, int entries) {
    startNode(nodeKind);
    bump(); // ${
    parseExpr(entries, 1);
    expect(R_BRACE);
    builder.finishNode();
  }

  private void parseString(int entries) {
    startNode(STRING);
    bump();
    boolean first = true;
    while (true) {
      SyntaxKind k = peek();
      if (k == STR) {
        bump();
        first = false;
      } else if (k == DOLLAR_CURLY) {
        parseInterpolation(INTERPOL, entries + (first ? 2 : 3));
        first = false;
      } else if (k == QUOTE) {
        bump();
        break;
      } else {
        error("syntax error, unexpected " + describe(cur) + ", expecting '\"'");
        break;
      }
    }
    builder.finishNode();
  }

  private void parseIndString() {
    startNode(IND_STRING);
    bump();
    while (true) {
      SyntaxKind k = peek();
      if (k == IND_STR) {
        bump();
      } else if (k == DOLLAR_CURLY) {
        parseInterpolation(INTERPOL, 3);
      } else if (k == IND_STRING_CLOSE) {
        bump();
        break;
      } else {
        error("syntax error, unexpected " + describe(cur)
            + ", expecting IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE");
        break;
      }
    }
    builder.finishNode();
  }

  /**
   * A path and the pieces glued to it without space. Nix's grammar wants an interpolation among
   * the first two pieces ({@code string_parts_interpolated}), so {@code a/b//c} is an error.
   */
  private void parsePath() {
    startNode(PATH_EXPR);
    bump();
    int pieces = 0;
    boolean firstIsText = false;
    boolean secondIsText = false;
    while (pos == cur && (peek() == PATH_CONTENT || peek() == DOLLAR_CURLY)) {
      boolean text = peek() == PATH_CONTENT;
      if (pieces == 0) {
        firstIsText = text;
      } else if (pieces == 1) {
        secondIsText = text;
      }
      if (text) {
        bump();
      } else {
        parseInterpolation(INTERPOL, 3);
      }
      pieces++;
    }
    if (firstIsText && (pieces == 1 || secondIsText)) {
      error("syntax error, unexpected PATH_END, expecting DOLLAR_CURLY");
    }
    builder.finishNode();
  }

  // ------------------------------------------------------------------ bindings

  private static boolean startsAttr(SyntaxKind kind) {
    return kind == IDENT || kind == KW_OR || kind == QUOTE || kind == DOLLAR_CURLY;
  }

  /** {@code binds}, up to (not including) {@code closer}. */
  private void parseBinds(SyntaxKind closer, int entries) {
    while (true) {
      SyntaxKind k = peek();
      if (k == closer || k == EOF) {
        return;
      }
      if (k == KW_INHERIT) {
        parseInherit(entries);
      } else if (startsAttr(k)) {
        startNode(BINDING);
        parseAttrpath(entries + 1);
        if (expect(ASSIGN)) {
          parseExpr(entries + 2, 1);
          if (!expect(SEMICOLON)) {
            recoverTo(SEMICOLON, closer);
            eat(SEMICOLON);
          }
        } else {
          recoverTo(SEMICOLON, closer);
          eat(SEMICOLON);
        }
        builder.finishNode();
      } else {
        unexpected();
        if (k == R_BRACE || k == R_PAREN || k == R_BRACK || k == KW_IN) {
          return; // a closer of something else: let the caller complain
        }
        startNode(ERROR);
        bump();
        builder.finishNode();
        recoverTo(SEMICOLON, closer);
        eat(SEMICOLON);
      }
    }
  }

  private void parseInherit(int entries) {
    startNode(INHERIT);
    bump();
    if (at(L_PAREN)) {
      startNode(INHERIT_FROM);
      bump();
      parseExpr(entries + 2, 1);
      expect(R_PAREN);
      builder.finishNode();
    }
    while (true) {
      SyntaxKind k = peek();
      if (k == IDENT || k == KW_OR) {
        leaf(ATTR_NAME);
      } else if (k == QUOTE) {
        parseString(entries + 2);
      } else if (k == DOLLAR_CURLY) {
        parseInterpolation(DYNAMIC, entries + 3);
      } else {
        break;
      }
    }
    if (!expect(SEMICOLON)) {
      recoverTo(SEMICOLON, R_BRACE);
      eat(SEMICOLON);
    }
    builder.finishNode();
  }

  /** {@code attrpath}: {@code attr ('.' attr)*}, each part a name, a string or <code>${e}</code>. */
  private void parseAttrpath(int entries) {
    startNode(ATTRPATH);
    int stack = entries;
    while (true) {
      SyntaxKind k = peek();
      if (k == IDENT || k == KW_OR) {
        leaf(ATTR_NAME);
      } else if (k == QUOTE) {
        parseString(stack);
      } else if (k == DOLLAR_CURLY) {
        parseInterpolation(DYNAMIC, stack + 1);
      } else {
        unexpected();
        break;
      }
      if (!at(DOT)) {
        break;
      }
      bump();
      stack = entries + 2;
    }
    builder.finishNode();
  }

  /** Skips to {@code target} or {@code closer} at bracket level 0 (not consuming them). */
  private void recoverTo(SyntaxKind target, SyntaxKind closer) {
    if (tooDeep && peek() == EOF) {
      return;
    }
    boolean started = false;
    int level = 0;
    while (true) {
      SyntaxKind k = peek();
      if (k == EOF) {
        break;
      }
      if (level == 0 && (k == target || k == closer)) {
        break;
      }
      if (k == L_PAREN || k == L_BRACK || k == L_BRACE || k == DOLLAR_CURLY) {
        level++;
      } else if (k == R_PAREN || k == R_BRACK || k == R_BRACE) {
        if (level == 0) {
          break;
        }
        level--;
      }
      if (!started) {
        startNode(ERROR);
        started = true;
      }
      bump();
    }
    if (started) {
      builder.finishNode();
    }
  }
}
