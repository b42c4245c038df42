package io.github.nixml.nix.syntax;

/**
 * Kinds of tokens and nodes in the lossless Nix syntax tree. Token kinds mirror the tokens of Nix's
 * flex lexer (plus trivia, which Nix drops and we keep); node kinds mirror its grammar rules.
 */
public enum SyntaxKind {
  // ---- trivia ----
  WHITESPACE(true, null),
  COMMENT(true, null),
  /** Everything from a NUL between tokens on: Nix takes it for the end of the input (a NUL inside a string or a
   * comment is content). */
  NUL_TAIL(true, null),

  // ---- tokens ----
  /** A character no lexer rule accepts; Nix calls it "invalid token" or the character itself. */
  ERROR_TOKEN(false, "invalid token"),
  IDENT(false, "ID"),
  INT(false, "INT"),
  FLOAT(false, "FLOAT"),
  /** A path start ({@code ./a}, {@code a/b}, {@code /abs}, or a segment before an interpolation). */
  PATH(false, "PATH"),
  /** A home path start ({@code ~/a}). */
  HPATH(false, "HPATH"),
  /** A search path ({@code <nixpkgs>}). */
  SPATH(false, "SPATH"),
  URI(false, "URI"),
  /** A literal piece of a path after its first interpolation. */
  PATH_CONTENT(false, "STR"),
  /** A literal piece of a "double-quoted" string, escapes still raw. */
  STR(false, "STR"),
  /** A literal piece of an ''indented'' string, escapes still raw. */
  IND_STR(false, "IND_STR"),
  QUOTE(false, "'\"'"),
  IND_STRING_OPEN(false, "IND_STRING_OPEN"),
  IND_STRING_CLOSE(false, "IND_STRING_CLOSE"),
  DOLLAR_CURLY(false, "DOLLAR_CURLY"),

  KW_IF(false, "IF"),
  KW_THEN(false, "THEN"),
  KW_ELSE(false, "ELSE"),
  KW_ASSERT(false, "ASSERT"),
  KW_WITH(false, "WITH"),
  KW_LET(false, "LET"),
  KW_IN(false, "IN"),
  KW_REC(false, "REC"),
  KW_INHERIT(false, "INHERIT"),
  KW_OR(false, "OR_KW"),

  ELLIPSIS(false, "ELLIPSIS"),
  EQ(false, "EQ"),
  NEQ(false, "NEQ"),
  LEQ(false, "LEQ"),
  GEQ(false, "GEQ"),
  AND(false, "AND"),
  OR(false, "OR"),
  IMPL(false, "IMPL"),
  UPDATE(false, "UPDATE"),
  CONCAT(false, "CONCAT"),
  L_PAREN(false, "'('"),
  R_PAREN(false, "')'"),
  L_BRACK(false, "'['"),
  R_BRACK(false, "']'"),
  L_BRACE(false, "'{'"),
  R_BRACE(false, "'}'"),
  SEMICOLON(false, "';'"),
  COLON(false, "':'"),
  COMMA(false, "','"),
  DOT(false, "'.'"),
  AT(false, "'@'"),
  QUESTION(false, "'?'"),
  ASSIGN(false, "'='"),
  LESS(false, "'<'"),
  GREATER(false, "'>'"),
  PLUS(false, "'+'"),
  MINUS(false, "'-'"),
  STAR(false, "'*'"),
  SLASH(false, "'/'"),
  BANG(false, "'!'"),
  /** End of input; never stored in the tree. */
  EOF(false, "end of file"),

  // ---- nodes ----
  ROOT,
  /** Tokens the parser could not fit into the grammar. */
  ERROR,
  /** {@code x: body}, {@code { a, b ? 1, ... }: body}, {@code args@{ ... }: body}. */
  LAMBDA,
  /** The single-identifier parameter of a lambda. */
  IDENT_PARAM,
  /** {@code { a, b ? d, ... }} formals, possibly with a {@link #PAT_BIND}. */
  PATTERN,
  /** One formal: name and optional {@code ? default}. */
  PAT_ENTRY,
  /** {@code name @} or {@code @ name}: the whole argument bound to a name. */
  PAT_BIND,
  ASSERT,
  WITH,
  LET_IN,
  /** {@code let { ...; body = e; }}. */
  LEGACY_LET,
  IF_ELSE,
  BIN_OP,
  UNARY_OP,
  HAS_ATTR,
  APPLY,
  SELECT,
  /** A variable reference (an IDENT token, or the {@code or} keyword used as a variable). */
  IDENT_REF,
  /** INT, FLOAT or URI. */
  LITERAL,
  STRING,
  IND_STRING,
  PATH_EXPR,
  SEARCH_PATH,
  /** {@code ${ expr }} inside a string or path. */
  INTERPOL,
  PAREN,
  ATTR_SET,
  LIST,
  /** {@code attrpath = value;}. */
  BINDING,
  /** {@code inherit a b;} or {@code inherit (e) a b;}. */
  INHERIT,
  /** The {@code (e)} of {@code inherit (e)}. */
  INHERIT_FROM,
  ATTRPATH,
  /** A plain attribute name in an attrpath or inherit (an IDENT or {@code or} token). */
  ATTR_NAME,
  /** {@code ${ expr }} as an attribute name. */
  DYNAMIC;

  private final boolean token;
  private final boolean trivia;
  private final String nixName;

  SyntaxKind(boolean trivia, String nixName) {
    this.token = true;
    this.trivia = trivia;
    this.nixName = nixName;
  }

  SyntaxKind() {
    this.token = false;
    this.trivia = false;
    this.nixName = null;
  }

  public boolean isToken() {
    return token;
  }

  public boolean isNode() {
    return !token;
  }

  public boolean isTrivia() {
    return trivia;
  }

  /** The name Nix's parser uses for this token in its error messages. */
  public String nixName() {
    return nixName == null ? name() : nixName;
  }

  static final SyntaxKind[] VALUES = values();
}
