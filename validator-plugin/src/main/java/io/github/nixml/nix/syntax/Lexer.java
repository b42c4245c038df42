package io.github.nixml.nix.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The Nix tokenizer: a hand-written copy of the rules of Nix 2.8's flex lexer ({@code lexer.l}),
 * including its longest-match choice between rules and its stack of start conditions (strings,
 * indented strings, paths with interpolation). Unlike Nix it keeps whitespace and comments as
 * tokens, so the token texts concatenate back to the input.
 *
 * <p>Runs in one pass with no allocation per character: tokens go into two growing arrays.
 */
public final class Lexer {
  private static final int DEFAULT = 0;
  private static final int STRING = 1;
  private static final int IND_STRING = 2;
  private static final int INPATH = 3;
  private static final int INPATH_SLASH = 4;

  /** The text as an array: the hot loops index it directly. */
  private final String text;
  /** The end of the text. */
  private final int end;
  private byte[] kinds;
  private int[] starts;
  private int count;
  private int[] modes = new int[16];
  private int modeDepth;
  private final List<SyntaxError> errors = new ArrayList<>();

  private Lexer(String text) {
    this.text = text;
    this.end = text.length();
    int capacity = Math.max(16, text.length() / 3);
    kinds = new byte[capacity];
    starts = new int[capacity];
  }

  /** Tokenizes the whole text. Never throws. */
  public static Tokens tokenize(String text) {
    Lexer lexer = new Lexer(text);
    lexer.run();
    return new Tokens(text, lexer.kinds, lexer.starts, lexer.count, List.copyOf(lexer.errors));
  }

  private void run() {
    int pos = 0;
    int tail = end;
    while (pos < end) {
      int mode = modeDepth == 0 ? DEFAULT : modes[modeDepth - 1];
      if (text.charAt(pos) == '\0' && mode != STRING && mode != IND_STRING) {
        // Nix's catch-all rule returns a NUL between tokens as token 0, which its parser takes for the end of
        // the input; inside a string or a comment a NUL is just content (Nix 2.8 parses "a\0b" and # a\0b).
        tail = pos;
        break;
      }
      switch (mode) {
        case STRING -> pos = lexString(pos);
        case IND_STRING -> pos = lexIndString(pos);
        case INPATH, INPATH_SLASH -> pos = lexInPath(pos, mode);
        default -> pos = lexDefault(pos);
      }
    }
    if (modeDepth > 0 && modes[modeDepth - 1] == INPATH_SLASH) {
      errors.add(new SyntaxError(tail, 0, "path has a trailing slash"));
    }
    if (tail < end) {
      add(SyntaxKind.NUL_TAIL, tail);
    }
  }

  // ---------------------------------------------------------------- modes

  private void push(int mode) {
    if (modeDepth == modes.length) {
      modes = java.util.Arrays.copyOf(modes, modeDepth * 2);
    }
    modes[modeDepth++] = mode;
  }

  private void pop() {
    if (modeDepth > 0) {
      modeDepth--;
    }
  }

  private void replaceTop(int mode) {
    pop();
    push(mode);
  }

  private void add(SyntaxKind kind, int start) {
    if (count == kinds.length) {
      int capacity = count * 2;
      kinds = java.util.Arrays.copyOf(kinds, capacity);
      starts = java.util.Arrays.copyOf(starts, capacity);
    }
    kinds[count] = (byte) kind.ordinal();
    starts[count] = start;
    count++;
  }

  private char at(int i) {
    return i < end ? text.charAt(i) : '\0';
  }

  // ---------------------------------------------------------------- character classes

  private static final byte ID_START = 1;
  private static final byte ID_CHAR = 2;
  private static final byte PATH_CHAR = 4;
  /** Per ASCII char, which of the classes above it is in (one load instead of a chain of compares). */
  private static final byte[] CLASSES = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean digit = c >= '0' && c <= '9';
      int classes = 0;
      if (letter || c == '_') {
        classes |= ID_START;
      }
      if (letter || digit || c == '_' || c == '\'' || c == '-') {
        classes |= ID_CHAR;
      }
      if (letter || digit || c == '.' || c == '_' || c == '-' || c == '+') {
        classes |= PATH_CHAR;
      }
      CLASSES[c] = (byte) classes;
    }
  }

  private static boolean isPathChar(char c) {
    return c < 128 && (CLASSES[c] & PATH_CHAR) != 0;
  }

  private static boolean isIdStart(char c) {
    return c < 128 && (CLASSES[c] & ID_START) != 0;
  }

  private static boolean isIdChar(char c) {
    return c < 128 && (CLASSES[c] & ID_CHAR) != 0;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUriSchemeChar(char c) {
    return isLetter(c) || isDigit(c) || c == '+' || c == '-' || c == '.';
  }

  private static boolean isUriChar(char c) {
    if (isLetter(c) || isDigit(c)) {
      return true;
    }
    return switch (c) {
      case '%', '/', '?', ':', '@', '&', '=', '+', '$', ',', '-', '_', '.', '!', '~', '*', '\'' -> true;
      default -> false;
    };
  }

  // ---------------------------------------------------------------- sub-matchers (return end or -1)

  private int skipPathChars(int i) {
    while (i < end && isPathChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** {@code PATH_CHAR* (/ PATH_CHAR+)+ /?}. */
  private int matchPath(int i) {
    return matchPathAfterFirstRun(skipPathChars(i));
  }

  /** {@link #matchPath} given the end of its first run of path chars. */
  private int matchPathAfterFirstRun(int firstRunEnd) {
    int p = firstRunEnd;
    int segments = 0;
    while (at(p) == '/' && p + 1 < end && isPathChar(text.charAt(p + 1))) {
      p = skipPathChars(p + 1);
      segments++;
    }
    if (segments == 0) {
      return -1;
    }
    if (at(p) == '/' && p < end) {
      p++;
    }
    return p;
  }

  /**
   * {@code PATH_CHAR* /} followed by <code>${</code>, given the end of the path chars; returns the end of the
   * segment.
   */
  private int matchPathSegBeforeInterpolation(int firstRunEnd) {
    int p = firstRunEnd;
    if (at(p) == '/' && p < end && at(p + 1) == '$' && at(p + 2) == '{' && p + 2 < end) {
      return p + 1;
    }
    return -1;
  }

  /** {@code ~(/PATH_CHAR+)+/?}. */
  private int matchHomePath(int i) {
    int p = i + 1;
    int segments = 0;
    while (at(p) == '/' && p + 1 < end && isPathChar(text.charAt(p + 1))) {
      p = skipPathChars(p + 1);
      segments++;
    }
    if (segments == 0) {
      return -1;
    }
    if (at(p) == '/' && p < end) {
      p++;
    }
    return p;
  }

  /** {@code <PATH_CHAR+(/PATH_CHAR+)*>}. */
  private int matchSearchPath(int i) {
    int p = skipPathChars(i + 1);
    if (p == i + 1) {
      return -1;
    }
    while (at(p) == '/' && p + 1 < end && isPathChar(text.charAt(p + 1))) {
      p = skipPathChars(p + 1);
    }
    return at(p) == '>' && p < end ? p + 1 : -1;
  }

  private int matchUri(int i) {
    if (!isLetter(at(i)) || i >= end) {
      return -1;
    }
    int p = i + 1;
    while (p < end && isUriSchemeChar(text.charAt(p))) {
      p++;
    }
    if (at(p) != ':' || p >= end) {
      return -1;
    }
    int q = p + 1;
    while (q < end && isUriChar(text.charAt(q))) {
      q++;
    }
    return q > p + 1 ? q : -1;
  }

  /** {@code (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?}. */
  private int matchFloat(int i) {
    int p;
    char c = at(i);
    if (c >= '1' && c <= '9') {
      p = i + 1;
      while (p < end && isDigit(text.charAt(p))) {
        p++;
      }
      if (at(p) != '.' || p >= end) {
        return -1;
      }
      p++;
      while (p < end && isDigit(text.charAt(p))) {
        p++;
      }
    } else {
      p = i;
      if (c == '0') {
        p++;
      }
      if (at(p) != '.' || p >= end || !isDigit(at(p + 1)) || p + 1 >= end) {
        return -1;
      }
      p += 2;
      while (p < end && isDigit(text.charAt(p))) {
        p++;
      }
    }
    char e = at(p);
    if ((e == 'e' || e == 'E') && p < end) {
      int q = p + 1;
      if ((at(q) == '+' || at(q) == '-') && q < end) {
        q++;
      }
      if (q < end && isDigit(text.charAt(q))) {
        while (q < end && isDigit(text.charAt(q))) {
          q++;
        }
        p = q;
      }
    }
    return p;
  }

  private int matchBlockComment(int i) {
    int p = i + 2;
    while (p + 1 < end) {
      if (text.charAt(p) == '*' && text.charAt(p + 1) == '/') {
        return p + 2;
      }
      p++;
    }
    return -1;
  }

  // ---------------------------------------------------------------- DEFAULT

  private int lexDefault(int pos) {
    char c = text.charAt(pos);
    switch (c) {
      case ' ', '\t', '\r', '\n' -> {
        int p = pos + 1;
        while (p < end) {
          char d = text.charAt(p);
          if (d != ' ' && d != '\t' && d != '\r' && d != '\n') {
            break;
          }
          p++;
        }
        add(SyntaxKind.WHITESPACE, pos);
        return p;
      }
      case '#' -> {
        int p = pos + 1;
        while (p < end && text.charAt(p) != '\n' && text.charAt(p) != '\r') {
          p++;
        }
        add(SyntaxKind.COMMENT, pos);
        return p;
      }
      case '"' -> {
        add(SyntaxKind.QUOTE, pos);
        push(STRING);
        return pos + 1;
      }
      case '\'' -> {
        if (at(pos + 1) == '\'' && pos + 1 < end) {
          int p = pos + 2;
          while (p < end && text.charAt(p) == ' ') {
            p++;
          }
          p = at(p) == '\n' && p < end ? p + 1 : pos + 2;
          add(SyntaxKind.IND_STRING_OPEN, pos);
          push(IND_STRING);
          return p;
        }
        add(SyntaxKind.ERROR_TOKEN, pos);
        return pos + 1;
      }
      case '{' -> {
        add(SyntaxKind.L_BRACE, pos);
        push(DEFAULT);
        return pos + 1;
      }
      case '}' -> {
        add(SyntaxKind.R_BRACE, pos);
        pop();
        return pos + 1;
      }
      case '$' -> {
        if (at(pos + 1) == '{' && pos + 1 < end) {
          add(SyntaxKind.DOLLAR_CURLY, pos);
          push(DEFAULT);
          return pos + 2;
        }
        add(SyntaxKind.ERROR_TOKEN, pos);
        return pos + 1;
      }
      default -> {
        if (isIdStart(c)) {
          int p = pos + 1;
          while (p < end && isIdChar(text.charAt(p))) {
            p++;
          }
          char next = p < end ? text.charAt(p) : '\0';
          // A path or URI starting here runs over the same chars (path and URI-scheme chars beyond the identifier's
          // are only '.' and '+') and needs a '/' or ':' right after them: without one, the identifier is the
          // longest match.
          if (next != '.' && next != '+' && next != '/' && next != ':') {
            add(keywordOrIdent(pos, p), pos);
            return p;
          }
        }
        return lexDefaultLongest(pos, c);
      }
    }
  }

  /** The rules whose matches can overlap: pick the longest, the earlier rule on a tie. */
  private int lexDefaultLongest(int pos, char c) {
    SyntaxKind kind = null;
    int best = pos;
    int nextMode = -1;

    // operators and punctuation (earliest rules)
    char d = at(pos + 1);
    boolean hasNext = pos + 1 < end;
    SyntaxKind op = null;
    int opLen = 1;
    switch (c) {
      case '.' -> {
        if (d == '.' && at(pos + 2) == '.' && pos + 2 < end) {
          op = SyntaxKind.ELLIPSIS;
          opLen = 3;
        } else {
          op = SyntaxKind.DOT;
        }
      }
      case '=' -> {
        if (d == '=' && hasNext) {
          op = SyntaxKind.EQ;
          opLen = 2;
        } else {
          op = SyntaxKind.ASSIGN;
        }
      }
      case '!' -> {
        if (d == '=' && hasNext) {
          op = SyntaxKind.NEQ;
          opLen = 2;
        } else {
          op = SyntaxKind.BANG;
        }
      }
      case '<' -> {
        if (d == '=' && hasNext) {
          op = SyntaxKind.LEQ;
          opLen = 2;
        } else {
          op = SyntaxKind.LESS;
        }
      }
      case '>' -> {
        if (d == '=' && hasNext) {
          op = SyntaxKind.GEQ;
          opLen = 2;
        } else {
          op = SyntaxKind.GREATER;
        }
      }
      case '&' -> {
        if (d == '&' && hasNext) {
          op = SyntaxKind.AND;
          opLen = 2;
        }
      }
      case '|' -> {
        if (d == '|' && hasNext) {
          op = SyntaxKind.OR;
          opLen = 2;
        }
      }
      case '-' -> {
        if (d == '>' && hasNext) {
          op = SyntaxKind.IMPL;
          opLen = 2;
        } else {
          op = SyntaxKind.MINUS;
        }
      }
      case '/' -> {
        if (d == '/' && hasNext) {
          op = SyntaxKind.UPDATE;
          opLen = 2;
        } else {
          op = SyntaxKind.SLASH;
        }
      }
      case '+' -> {
        if (d == '+' && hasNext) {
          op = SyntaxKind.CONCAT;
          opLen = 2;
        } else {
          op = SyntaxKind.PLUS;
        }
      }
      case '(' -> op = SyntaxKind.L_PAREN;
      case ')' -> op = SyntaxKind.R_PAREN;
      case '[' -> op = SyntaxKind.L_BRACK;
      case ']' -> op = SyntaxKind.R_BRACK;
      case ';' -> op = SyntaxKind.SEMICOLON;
      case ':' -> op = SyntaxKind.COLON;
      case ',' -> op = SyntaxKind.COMMA;
      case '@' -> op = SyntaxKind.AT;
      case '?' -> op = SyntaxKind.QUESTION;
      case '*' -> op = SyntaxKind.STAR;
      default -> op = null;
    }
    // Single-character tokens come from the catch-all rule at the very end of lexer.l, so any other
    // rule of the same length wins over them; multi-character operators are early rules.
    boolean opIsEarly = op != null && opLen > 1;
    if (opIsEarly) {
      kind = op;
      best = pos + opLen;
    }

    // identifiers and keywords
    if (isIdStart(c)) {
      int p = pos + 1;
      while (p < end && isIdChar(text.charAt(p))) {
        p++;
      }
      if (p > best) {
        best = p;
        kind = keywordOrIdent(pos, p);
      }
    }
    // numbers
    if (isDigit(c)) {
      int p = pos + 1;
      while (p < end && isDigit(text.charAt(p))) {
        p++;
      }
      if (p > best) {
        best = p;
        kind = SyntaxKind.INT;
      }
    }
    if (isDigit(c) || c == '.') {
      int p = matchFloat(pos);
      if (p > best) {
        best = p;
        kind = SyntaxKind.FLOAT;
      }
    }
    // paths
    int firstRunEnd = isPathChar(c) || c == '/' ? skipPathChars(pos) : pos;
    if (at(firstRunEnd) == '/' && firstRunEnd < end) {
      // both path rules need a '/' right after the first run of path chars
      int p = matchPathSegBeforeInterpolation(firstRunEnd);
      if (p > 0 && p + 2 > best) {
        // the rule matches the segment plus "${" (then gives the "${" back)
        best = p;
        kind = SyntaxKind.PATH;
        nextMode = INPATH_SLASH;
      } else {
        p = matchPathAfterFirstRun(firstRunEnd);
        if (p > best) {
          best = p;
          kind = SyntaxKind.PATH;
          nextMode = text.charAt(p - 1) == '/' ? INPATH_SLASH : INPATH;
        }
      }
    }
    if (c == '~') {
      if (at(pos + 1) == '/' && at(pos + 2) == '$' && at(pos + 3) == '{' && pos + 3 < end) {
        best = pos + 2;
        kind = SyntaxKind.HPATH;
        nextMode = INPATH_SLASH;
      } else {
        int p = matchHomePath(pos);
        if (p > best) {
          best = p;
          kind = SyntaxKind.HPATH;
          nextMode = text.charAt(p - 1) == '/' ? INPATH_SLASH : INPATH;
        }
      }
    }
    if (c == '<') {
      int p = matchSearchPath(pos);
      if (p > best) {
        best = p;
        kind = SyntaxKind.SPATH;
        nextMode = -1;
      }
    }
    if (isLetter(c)) {
      int p = matchUri(pos);
      if (p > best) {
        best = p;
        kind = SyntaxKind.URI;
        nextMode = -1;
      }
    }
    if (c == '/' && d == '*' && hasNext) {
      int p = matchBlockComment(pos);
      if (p > best) {
        best = p;
        kind = SyntaxKind.COMMENT;
        nextMode = -1;
      }
    }
    if (kind == null) {
      if (op != null) {
        kind = op;
        best = pos + opLen;
      } else {
        // the catch-all rule: one character, which no grammar rule accepts
        kind = SyntaxKind.ERROR_TOKEN;
        best = pos + (Character.isHighSurrogate(c) && Character.isLowSurrogate(at(pos + 1)) ? 2 : 1);
      }
    }
    if (kind != SyntaxKind.PATH && kind != SyntaxKind.HPATH) {
      nextMode = -1;
    }
    add(kind, pos);
    if (nextMode >= 0) {
      push(nextMode);
    }
    return best;
  }

  private SyntaxKind keywordOrIdent(int from, int to) {
    int len = to - from;
    char first = text.charAt(from);
    if (first < 'a' || first > 'w' || len < 2 || len > 7) {
      return SyntaxKind.IDENT;
    }
    char second = text.charAt(from + 1);
    switch (len) {
      case 2 -> {
        if (first == 'i' && second == 'f') {
          return SyntaxKind.KW_IF;
        }
        if (first == 'i' && second == 'n') {
          return SyntaxKind.KW_IN;
        }
        if (first == 'o' && second == 'r') {
          return SyntaxKind.KW_OR;
        }
      }
      case 3 -> {
        if (first == 'l' && second == 'e' && text.charAt(from + 2) == 't') {
          return SyntaxKind.KW_LET;
        }
        if (first == 'r' && second == 'e' && text.charAt(from + 2) == 'c') {
          return SyntaxKind.KW_REC;
        }
      }
      case 4 -> {
        if (first == 't' && matches(from, "then")) {
          return SyntaxKind.KW_THEN;
        }
        if (first == 'e' && matches(from, "else")) {
          return SyntaxKind.KW_ELSE;
        }
        if (first == 'w' && matches(from, "with")) {
          return SyntaxKind.KW_WITH;
        }
      }
      case 6 -> {
        if (first == 'a' && matches(from, "assert")) {
          return SyntaxKind.KW_ASSERT;
        }
      }
      case 7 -> {
        if (first == 'i' && matches(from, "inherit")) {
          return SyntaxKind.KW_INHERIT;
        }
      }
      default -> {
        return SyntaxKind.IDENT;
      }
    }
    return SyntaxKind.IDENT;
  }

  /** Whether the text at {@code from} starts with {@code word} (whose length the caller checked). */
  private boolean matches(int from, String word) {
    for (int i = 1; i < word.length(); i++) {
      if (text.charAt(from + i) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- STRING

  private int lexString(int pos) {
    char c = text.charAt(pos);
    if (c == '"') {
      add(SyntaxKind.QUOTE, pos);
      pop();
      return pos + 1;
    }
    if (c == '$' && at(pos + 1) == '{' && pos + 1 < end) {
      add(SyntaxKind.DOLLAR_CURLY, pos);
      push(DEFAULT);
      return pos + 2;
    }
    int p = pos;
    while (p < end) {
      char x = text.charAt(p);
      if (x == '"') {
        break;
      }
      if (x == '\\') {
        p = Math.min(end, p + 2);
      } else if (x == '$') {
        char y = at(p + 1);
        if (p + 1 >= end) {
          p++;
          break;
        }
        if (y == '{') {
          break;
        }
        if (y == '"') {
          p++;
          break;
        }
        p = y == '\\' ? Math.min(end, p + 3) : p + 2;
      } else {
        p++;
      }
    }
    add(SyntaxKind.STR, pos);
    return p;
  }

  // ---------------------------------------------------------------- IND_STRING

  private int lexIndString(int pos) {
    char c = text.charAt(pos);
    if (c == '\'' && at(pos + 1) == '\'' && pos + 1 < end) {
      char x = at(pos + 2);
      boolean more = pos + 2 < end;
      if (more && (x == '$' || x == '\'')) {
        add(SyntaxKind.IND_STR, pos);
        return pos + 3;
      }
      if (more && x == '\\' && pos + 3 < end) {
        add(SyntaxKind.IND_STR, pos);
        int len = Character.isHighSurrogate(at(pos + 3)) && Character.isLowSurrogate(at(pos + 4)) ? 5 : 4;
        return Math.min(end, pos + len);
      }
      add(SyntaxKind.IND_STRING_CLOSE, pos);
      pop();
      return pos + 2;
    }
    if (c == '$' && at(pos + 1) == '{' && pos + 1 < end) {
      add(SyntaxKind.DOLLAR_CURLY, pos);
      push(DEFAULT);
      return pos + 2;
    }
    int p = pos;
    while (p < end) {
      char x = text.charAt(p);
      if (x == '$') {
        char y = at(p + 1);
        if (p + 1 >= end || y == '{' || y == '\'') {
          break;
        }
        p += 2;
      } else if (x == '\'') {
        char y = at(p + 1);
        if (p + 1 >= end || y == '\'' || y == '$') {
          break;
        }
        p += 2;
      } else {
        p++;
      }
    }
    if (p == pos) {
      // a lone '$' or '\'' (before "${", "''", "'$" or the end)
      p = pos + 1;
    }
    add(SyntaxKind.IND_STR, pos);
    return p;
  }

  // ---------------------------------------------------------------- INPATH

  private int lexInPath(int pos, int mode) {
    char c = text.charAt(pos);
    if (c == '$' && at(pos + 1) == '{' && pos + 1 < end) {
      replaceTop(INPATH);
      add(SyntaxKind.DOLLAR_CURLY, pos);
      push(DEFAULT);
      return pos + 2;
    }
    if (isPathChar(c) || c == '/') {
      int q = skipPathChars(pos);
      int p = matchPathAfterFirstRun(q);
      int seg = -1;
      if (at(q) == '/' && q < end) {
        seg = q + 1;
      }
      int plain = q > pos ? q : -1;
      int best = Math.max(p, Math.max(seg, plain));
      if (best > pos) {
        add(SyntaxKind.PATH_CONTENT, pos);
        replaceTop(text.charAt(best - 1) == '/' ? INPATH_SLASH : INPATH);
        return best;
      }
    }
    if (mode == INPATH_SLASH) {
      errors.add(new SyntaxError(pos, 0, "path has a trailing slash"));
    }
    pop();
    return pos;
  }
}
