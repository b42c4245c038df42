package io.github.nixml.nix.syntax;

import java.util.ArrayDeque;

/**
 * An S-expression dump of a tree for tests and debugging: one node per line as {@code (KIND},
 * tokens as {@code KIND "text"} (trivia included), children indented by two spaces.
 */
public final class TreeDump {
  private TreeDump() {}

  public static String dump(GreenNode root) {
    StringBuilder out = new StringBuilder();
    // iterative: a frame is an element plus its indentation; a null element closes a node
    ArrayDeque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, 0});
    while (!stack.isEmpty()) {
      Object[] frame = stack.pop();
      int indent = (Integer) frame[1];
      if (frame[0] == null) {
        out.append(")");
        continue;
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append("  ".repeat(indent));
      if (frame[0] instanceof GreenToken token) {
        out.append(token.kind()).append(' ').append(quote(token.text()));
      } else {
        GreenNode node = (GreenNode) frame[0];
        out.append('(').append(node.kind());
        stack.push(new Object[] {null, indent});
        for (int i = node.childCount() - 1; i >= 0; i--) {
          stack.push(new Object[] {node.child(i), indent + 1});
        }
      }
    }
    return out.append('\n').toString();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
