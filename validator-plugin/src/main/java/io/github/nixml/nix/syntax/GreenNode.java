package io.github.nixml.nix.syntax;

import java.util.Arrays;
import java.util.List;

/** An immutable node: its kind, total width and children. Knows no position or parent. */
public final class GreenNode implements GreenElement {
  private static final GreenElement[] NO_CHILDREN = new GreenElement[0];
  /**
   * The only class of a child array (the builder makes them all): an exact class compare, where
   * {@code instanceof GreenElement[]} on a single child walks its class's secondary supertypes
   * (an interface array type) on every call.
   */
  private static final Class<?> ARRAY = GreenElement[].class;

  private final SyntaxKind kind;
  private final int width;
  /** A single child is stored as itself, more as an array: most nodes wrap one token or node. */
  private final Object children;

  /** {@code width} is the sum of the children's widths, which the builder already knows. */
  GreenNode(SyntaxKind kind, GreenElement[] children, int width) {
    this.kind = kind;
    this.children = children.length == 0 ? NO_CHILDREN : children.length == 1 ? children[0] : children;
    this.width = width;
  }

  /** A node with exactly one child, stored as itself: no array is made at all. */
  GreenNode(SyntaxKind kind, GreenElement onlyChild, int width) {
    this.kind = kind;
    this.children = onlyChild;
    this.width = width;
  }

  @Override
  public SyntaxKind kind() {
    return kind;
  }

  @Override
  public int width() {
    return width;
  }

  public int childCount() {
    return children.getClass() == ARRAY ? ((GreenElement[]) children).length : 1;
  }

  public GreenElement child(int index) {
    if (children.getClass() == ARRAY) {
      return ((GreenElement[]) children)[index];
    }
    if (index != 0) {
      throw new IndexOutOfBoundsException(index);
    }
    return (GreenElement) children;
  }

  public List<GreenElement> children() {
    if (children.getClass() == ARRAY) {
      GreenElement[] array = (GreenElement[]) children;
      return Arrays.asList(array).subList(0, array.length);
    }
    return List.of((GreenElement) children);
  }

  /** The covered text, built without recursion (trees can be very deep). */
  public String text() {
    StringBuilder out = new StringBuilder(width);
    appendText(this, out);
    return out.toString();
  }

  static void appendText(GreenElement root, StringBuilder out) {
    java.util.ArrayDeque<GreenElement> stack = new java.util.ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      GreenElement e = stack.pop();
      if (e instanceof GreenToken t) {
        out.append(t.text());
      } else {
        GreenNode n = (GreenNode) e;
        for (int i = n.childCount() - 1; i >= 0; i--) {
          stack.push(n.child(i));
        }
      }
    }
  }

  @Override
  public String toString() {
    return kind + "@" + width;
  }
}
