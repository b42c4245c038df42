package io.github.nixml.nix;

import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.bind.Bindings;
import io.github.nixml.nix.syntax.LineIndex;
import io.github.nixml.nix.syntax.ParseResult;
import io.github.nixml.nix.syntax.SyntaxNode;
import java.util.List;

/** A parsed and bound Nix file: its text, lossless tree, typed root expression, name bindings. */
public final class NixFile {
  private final String text;
  private final ParseResult parse;
  private final LineIndex lines;
  private final Bindings bindings;
  private final List<NixDiagnostic> diagnostics;

  NixFile(String text, ParseResult parse, LineIndex lines, Bindings bindings,
      List<NixDiagnostic> diagnostics) {
    this.text = text;
    this.parse = parse;
    this.lines = lines;
    this.bindings = bindings;
    this.diagnostics = List.copyOf(diagnostics);
  }

  public String text() {
    return text;
  }

  /** Parse and bind diagnostics, sorted by offset. */
  public List<NixDiagnostic> diagnostics() {
    return diagnostics;
  }

  /** The accept/reject verdict: true where {@code nix-instantiate --parse} rejects the file. */
  public boolean hasErrors() {
    return !diagnostics.isEmpty();
  }

  /** The ROOT node of the lossless syntax tree; its text is the input, byte for byte. */
  public SyntaxNode root() {
    return parse.root();
  }

  /** The typed top-level expression, or null when the file holds none (empty or broken). */
  public Expr expression() {
    SyntaxNode root = parse.root();
    for (SyntaxNode child : root.children()) {
      Expr expr = Expr.cast(child);
      if (expr != null) {
        return expr;
      }
    }
    return null;
  }

  public Bindings bindings() {
    return bindings;
  }

  public LineIndex lines() {
    return lines;
  }

  /** 1-based line of an offset. */
  public int line(int offset) {
    return lines.line(offset);
  }

  /** 1-based column of an offset. */
  public int column(int offset) {
    return lines.column(offset);
  }
}
