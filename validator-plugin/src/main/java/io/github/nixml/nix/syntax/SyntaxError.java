package io.github.nixml.nix.syntax;

/** A syntax problem found by the lexer or parser, at a char offset into the text. */
public record SyntaxError(int offset, int length, String message) {}
