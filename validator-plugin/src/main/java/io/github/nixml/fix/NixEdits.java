package io.github.nixml.fix;

import io.github.nixml.nix.NixDiagnostic;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.syntax.SyntaxElement;
import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.nix.syntax.SyntaxToken;
import java.util.List;
import java.util.Optional;

/**
 * Edits to a Nix file, checked against its lossless tree: each edit must start and end between two tokens, or
 * inside the text of a string or a comment (where a fix adds a shell line), never through an identifier, a
 * keyword or a number; and the edited text must parse without any diagnostic. Nix source is never edited by
 * pattern matching; the fixes compute offsets from the tree and this class checks them again.
 */
public final class NixEdits {
  private NixEdits() {}

  /** Why these edits cannot be applied to {@code file}, or empty when they can. */
  public static Optional<String> problem(NixFile file, List<TextEdit> edits) {
    if (file.hasErrors()) {
      NixDiagnostic first = file.diagnostics().get(0);
      return Optional.of("it does not parse (" + first.line() + ":" + first.column() + ": " + first.message()
          + "); fix that first");
    }
    for (TextEdit edit : edits) {
      for (int offset : new int[] {edit.offset(), edit.end()}) {
        SyntaxToken token = tokenAt(file.root(), offset);
        if (token != null && token.offset() < offset && !splittable(token.kind())) {
          return Optional.of("an edit at " + file.line(offset) + ":" + file.column(offset) + " would split "
              + token.kind() + " '" + token.text() + "'");
        }
      }
    }
    return Optional.empty();
  }

  /** The diagnostics of the edited text (empty: Nix accepts it). */
  public static List<NixDiagnostic> diagnosticsAfter(String editedText) {
    return NixFrontEnd.analyze(editedText).diagnostics();
  }

  private static boolean splittable(SyntaxKind kind) {
    return kind == SyntaxKind.STR || kind == SyntaxKind.IND_STR || kind == SyntaxKind.COMMENT
        || kind == SyntaxKind.WHITESPACE;
  }

  /** The token covering {@code offset} (the one starting there, or the one it lies inside), or null at the end. */
  public static SyntaxToken tokenAt(SyntaxNode root, int offset) {
    SyntaxNode node = root;
    while (true) {
      SyntaxElement next = null;
      for (SyntaxElement child : node.childrenWithTokens()) {
        if (child.offset() <= offset && offset < child.end()) {
          next = child;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      if (next instanceof SyntaxToken token) {
        return token;
      }
      node = (SyntaxNode) next;
    }
  }

  /** The smallest node whose range is exactly {@code offset..offset+length}, or null. */
  public static SyntaxNode nodeAt(SyntaxNode root, int offset, int length) {
    SyntaxNode node = root;
    SyntaxNode found = null;
    while (node != null) {
      if (node.offset() == offset && node.end() == offset + length) {
        found = node;
      }
      SyntaxNode inner = null;
      for (SyntaxNode child : node.children()) {
        if (child.offset() <= offset && offset + length <= child.end()) {
          inner = child;
          break;
        }
      }
      node = inner;
    }
    return found;
  }

  /** Every token under {@code node}, in order. */
  public static List<SyntaxToken> tokens(SyntaxNode node) {
    List<SyntaxToken> out = new java.util.ArrayList<>();
    java.util.ArrayDeque<SyntaxElement> stack = new java.util.ArrayDeque<>();
    stack.push(node);
    while (!stack.isEmpty()) {
      SyntaxElement element = stack.pop();
      if (element instanceof SyntaxToken token) {
        out.add(token);
      } else {
        List<SyntaxElement> children = ((SyntaxNode) element).childrenWithTokens();
        for (int i = children.size() - 1; i >= 0; i--) {
          stack.push(children.get(i));
        }
      }
    }
    return out;
  }

  /** The indentation (spaces and tabs) of the line holding {@code offset}. */
  public static String indentationAt(String text, int offset) {
    int start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    if (offset == 0) {
      start = 0;
    }
    int end = start;
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end++;
    }
    return text.substring(start, end);
  }
}
