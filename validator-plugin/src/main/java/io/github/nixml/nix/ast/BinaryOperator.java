package io.github.nixml.nix.ast;

import io.github.nixml.nix.syntax.SyntaxKind;

/** Nix's binary operators. */
public enum BinaryOperator {
  IMPL("->"), OR("||"), AND("&&"), EQ("=="), NEQ("!="), LESS("<"), LEQ("<="), GREATER(">"), GEQ(">="),
  UPDATE("//"), ADD("+"), SUB("-"), MUL("*"), DIV("/"), CONCAT("++");

  private final String symbol;

  BinaryOperator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  static BinaryOperator of(SyntaxKind kind) {
    return switch (kind) {
      case IMPL -> IMPL;
      case OR -> OR;
      case AND -> AND;
      case EQ -> EQ;
      case NEQ -> NEQ;
      case LESS -> LESS;
      case LEQ -> LEQ;
      case GREATER -> GREATER;
      case GEQ -> GEQ;
      case UPDATE -> UPDATE;
      case PLUS -> ADD;
      case MINUS -> SUB;
      case STAR -> MUL;
      case SLASH -> DIV;
      case CONCAT -> CONCAT;
      default -> null;
    };
  }
}
