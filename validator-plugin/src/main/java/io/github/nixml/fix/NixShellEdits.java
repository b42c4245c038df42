package io.github.nixml.fix;

import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.ast.Apply;
import io.github.nixml.nix.ast.AttrSet;
import io.github.nixml.nix.ast.Binding;
import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.ast.NixList;
import io.github.nixml.nix.ast.StringLit;
import io.github.nixml.nix.ast.StringPart;
import io.github.nixml.nix.syntax.SyntaxElement;
import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.nix.syntax.SyntaxToken;
import java.util.List;
import java.util.Optional;

/**
 * Edits that fixes make to a dev shell's Nix code, computed from the lossless tree: add a binding to the
 * attribute set a shell is called with, add a line to a hook string. Each keeps the user's layout: a new
 * binding goes on its own line after a chosen one, indented like it, after any comment that ends that line; a
 * new hook line is indented like the hook's other lines.
 */
public final class NixShellEdits {
  private NixShellEdits() {}

  /**
   * The attribute set literal that the function at {@code offset..offset+length} ({@code pkgs.mkShell}) is
   * applied to, or empty when the argument is not a literal set (a variable, {@code a // b}).
   */
  public static Optional<AttrSet> callArguments(NixFile file, int offset, int length) {
    SyntaxNode function = NixEdits.nodeAt(file.root(), offset, length);
    if (function == null || function.parent() == null || function.parent().kind() != SyntaxKind.APPLY) {
      return Optional.empty();
    }
    Apply call = (Apply) Expr.cast(function.parent());
    if (call.function() == null || call.function().syntax().offset() != offset || call.argument() == null) {
      return Optional.empty();
    }
    return call.argument().unparenthesized() instanceof AttrSet set ? Optional.of(set) : Optional.empty();
  }

  /** The binding {@code name = …;} of a set (a single static name), if there is one. */
  public static Optional<Binding> binding(AttrSet set, String name) {
    for (Binding binding : set.bindings()) {
      if (name.equals(binding.staticPath())) {
        return Optional.of(binding);
      }
    }
    return Optional.empty();
  }

  /**
   * Inserts {@code bindingText} ({@code venvDir = ".venv";}) into {@code set}: on a new line after
   * {@code after} (else after the set's last binding), with that binding's indentation; in a set written on one
   * line, after it on the same line.
   */
  public static Optional<TextEdit> addBinding(NixFile file, String path, AttrSet set, Optional<Binding> after,
      String bindingText) {
    String text = file.text();
    List<SyntaxNode> members = set.syntax().children().stream()
        .filter(n -> n.kind() == SyntaxKind.BINDING || n.kind() == SyntaxKind.INHERIT)
        .toList();
    SyntaxNode anchor = after.map(Binding::syntax).orElse(members.isEmpty() ? null : members.get(members.size() - 1));
    if (anchor == null) {
      SyntaxToken open = set.syntax().firstToken(SyntaxKind.L_BRACE);
      if (open == null) {
        return Optional.empty();
      }
      return Optional.of(TextEdit.insert(path, open.end(), " " + bindingText));
    }
    boolean oneLine = text.substring(set.syntax().offset(), anchor.offset()).indexOf('\n') < 0;
    if (oneLine) {
      return Optional.of(TextEdit.insert(path, anchor.end(), " " + bindingText));
    }
    int at = endOfLine(file, anchor.end());
    return Optional.of(TextEdit.insert(path, at, "\n" + NixEdits.indentationAt(text, anchor.offset())
        + bindingText));
  }

  /**
   * The end of the line after {@code offset} when only blanks and one {@code #} comment follow on it (so an
   * insertion there keeps the comment with its line), else {@code offset}.
   */
  public static int endOfLine(NixFile file, int offset) {
    int at = offset;
    while (true) {
      SyntaxToken token = NixEdits.tokenAt(file.root(), at);
      if (token == null) {
        return at;
      }
      if (token.kind() == SyntaxKind.WHITESPACE) {
        int newline = token.text().indexOf('\n', at - token.offset());
        if (newline >= 0) {
          return token.offset() + newline;
        }
        at = token.end();
      } else if (token.kind() == SyntaxKind.COMMENT && token.text().startsWith("#")) {
        at = token.end();
      } else {
        return offset;
      }
    }
  }

  /**
   * Appends {@code element} to a list literal: on its own line after the last element, indented like it (after
   * any comment ending that line), or just before the {@code ]} of a list written on one line.
   */
  public static Optional<TextEdit> addListElement(NixFile file, String path, NixList list, String element) {
    List<Expr> elements = list.elements();
    if (elements.isEmpty()) {
      SyntaxToken open = list.syntax().firstToken(SyntaxKind.L_BRACK);
      return open == null ? Optional.empty() : Optional.of(TextEdit.insert(path, open.end(), " " + element));
    }
    Expr last = elements.get(elements.size() - 1);
    boolean oneLine = file.text().substring(list.offset(), last.offset()).indexOf('\n') < 0;
    SyntaxToken close = list.syntax().firstToken(SyntaxKind.R_BRACK);
    if (oneLine && close != null) {
      // before the ']': a comment after the last element stays with it
      boolean spaced = close.offset() > 0 && Character.isWhitespace(file.text().charAt(close.offset() - 1));
      return Optional.of(TextEdit.insert(path, close.offset(), (spaced ? "" : " ") + element + " "));
    }
    return Optional.of(TextEdit.insert(path, endOfLine(file, last.end()),
        "\n" + NixEdits.indentationAt(file.text(), last.offset()) + element));
  }

  /** Where a line goes in a hook string. */
  public enum Place { FIRST, LAST }

  /**
   * Adds {@code shellLine} (one shell command, as the shell will read it) to a string literal hook, escaped for
   * that string ({@link StringLit#escape}): as its first or last line, indented like the hook's first non-blank
   * line, in an indented string ({@code ''…''}); joined by a {@code \n} escape in a plain one.
   */
  public static Optional<TextEdit> addHookLine(NixFile file, String path, StringLit hook, String shellLine,
      Place place) {
    String line = StringLit.escape(shellLine, hook.isIndented());
    String text = file.text();
    List<SyntaxElement> parts = hook.syntax().childrenWithTokens();
    if (parts.size() < 2) {
      return Optional.empty();
    }
    SyntaxElement open = parts.get(0);
    SyntaxElement close = parts.get(parts.size() - 1);
    int contentStart = open.end();
    int contentEnd = close.offset();
    String content = text.substring(contentStart, contentEnd);
    if (!hook.isIndented()) {
      // a "…" string stays on its line: the new line is joined with a \n escape (unless the value ends a line:
      // the raw text cannot tell, "a\\n" ends with a backslash and an n)
      List<StringPart> cooked = hook.parts();
      boolean endsLine = cooked.isEmpty()
          || cooked.get(cooked.size() - 1) instanceof StringPart.Text last && last.text().endsWith("\n");
      return Optional.of(place == Place.FIRST ? TextEdit.insert(path, contentStart, line + "\\n")
          : TextEdit.insert(path, contentEnd, (endsLine ? "" : "\\n") + line));
    }
    // Nix's lexer keeps the newline after the opening '' in the opening token: the content then starts a line
    boolean startsLine = open.text().endsWith("\n");
    String indent = contentIndentation(startsLine ? content : content.substring(Math.max(0, content.indexOf('\n') + 1)))
        .orElse(NixEdits.indentationAt(text, hook.offset()) + "  ");
    if (place == Place.FIRST) {
      if (startsLine) {
        return Optional.of(TextEdit.insert(path, contentStart, indent + line + "\n"));
      }
      int firstNewline = content.indexOf('\n');
      if (firstNewline >= 0 && content.substring(0, firstNewline).isBlank()) {
        return Optional.of(TextEdit.insert(path, contentStart + firstNewline + 1, indent + line + "\n"));
      }
      return Optional.of(TextEdit.insert(path, contentStart, "\n" + indent + line + "\n" + indent));
    }
    int lastNewline = content.lastIndexOf('\n');
    if ((lastNewline >= 0 || startsLine) && content.substring(lastNewline + 1).isBlank()) {
      return Optional.of(TextEdit.insert(path, contentStart + lastNewline + 1, indent + line + "\n"));
    }
    return Optional.of(TextEdit.insert(path, contentEnd, "\n" + indent + line + "\n"
        + NixEdits.indentationAt(text, hook.offset())));
  }

  /** The indentation of the first line of {@code lines} that holds something. */
  private static Optional<String> contentIndentation(String lines) {
    for (String lineText : lines.split("\n", -1)) {
      if (!lineText.isBlank()) {
        int i = 0;
        while (i < lineText.length() && (lineText.charAt(i) == ' ' || lineText.charAt(i) == '\t')) {
          i++;
        }
        return Optional.of(lineText.substring(0, i));
      }
    }
    return Optional.empty();
  }
}
