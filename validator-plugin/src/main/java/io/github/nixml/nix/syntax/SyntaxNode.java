package io.github.nixml.nix.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A node placed in the tree (a "red" node, as in rowan): a green node plus absolute offset and
 * parent, created on demand while walking down. Two views of the same place are equal.
 */
public final class SyntaxNode implements SyntaxElement {
  private final GreenNode green;
  private final int offset;
  /** Null for a root, or until found from {@link #searchFrom} on the first {@link #parent()} call. */
  private SyntaxNode parent;
  /** For a node placed without its parent: an ancestor to find the parent from. */
  private SyntaxNode searchFrom;

  private SyntaxNode(GreenNode green, SyntaxNode parent, int offset) {
    this.green = green;
    this.parent = parent;
    this.offset = offset;
  }

  public static SyntaxNode root(GreenNode green) {
    return new SyntaxNode(green, null, 0);
  }

  /**
   * The node for a green node found at {@code offset} below {@code ancestor} by code that walks
   * green nodes directly (the binder): its parent is looked up only if someone asks for it. Green
   * nodes are never shared within a tree, so the green node identifies the place.
   */
  public static SyntaxNode placed(SyntaxNode ancestor, GreenNode green, int offset) {
    if (green == ancestor.green && offset == ancestor.offset) {
      return ancestor;
    }
    SyntaxNode node = new SyntaxNode(green, null, offset);
    node.searchFrom = ancestor;
    return node;
  }

  /** Walks down from {@code this} through the nodes covering the target's range (no recursion). */
  private SyntaxNode findParentOf(GreenNode target, int targetOffset) {
    int targetEnd = targetOffset + target.width();
    java.util.ArrayDeque<SyntaxNode> stack = new java.util.ArrayDeque<>();
    stack.push(this);
    while (!stack.isEmpty()) {
      SyntaxNode node = stack.pop();
      int n = node.green.childCount();
      int at = node.offset;
      for (int i = 0; i < n; i++) {
        GreenElement child = node.green.child(i);
        int width = child.width();
        if (child == target) {
          return node;
        }
        if (child instanceof GreenNode inner && at <= targetOffset && targetEnd <= at + width) {
          stack.push(new SyntaxNode(inner, node, at));
        }
        at += width;
      }
    }
    return null;
  }

  public GreenNode green() {
    return green;
  }

  @Override
  public SyntaxKind kind() {
    return green.kind();
  }

  @Override
  public SyntaxNode parent() {
    if (parent == null && searchFrom != null) {
      // kept, not cleared: another thread may read the fields in either order
      parent = searchFrom.findParentOf(green, offset);
    }
    return parent;
  }

  @Override
  public int offset() {
    return offset;
  }

  @Override
  public int end() {
    return offset + green.width();
  }

  @Override
  public String text() {
    return green.text();
  }

  /** All children, tokens (trivia included) and nodes, in order. */
  public List<SyntaxElement> childrenWithTokens() {
    int n = green.childCount();
    if (n == 0) {
      return Collections.emptyList();
    }
    List<SyntaxElement> out = new ArrayList<>(n);
    int at = offset;
    for (int i = 0; i < n; i++) {
      GreenElement child = green.child(i);
      out.add(wrap(child, at));
      at += child.width();
    }
    return out;
  }

  /** Child nodes only. */
  public List<SyntaxNode> children() {
    int n = green.childCount();
    List<SyntaxNode> out = new ArrayList<>(Math.min(n, 8));
    int at = offset;
    for (int i = 0; i < n; i++) {
      GreenElement child = green.child(i);
      if (child instanceof GreenNode node) {
        out.add(new SyntaxNode(node, this, at));
      }
      at += child.width();
    }
    return out;
  }

  /** The first child node, or null. */
  public SyntaxNode firstChild() {
    return nthChild(0);
  }

  /** The n-th child node (0-based), or null. */
  public SyntaxNode nthChild(int index) {
    int n = green.childCount();
    int at = offset;
    int seen = 0;
    for (int i = 0; i < n; i++) {
      GreenElement child = green.child(i);
      if (child instanceof GreenNode node) {
        if (seen++ == index) {
          return new SyntaxNode(node, this, at);
        }
      }
      at += child.width();
    }
    return null;
  }

  /** The first child node of the given kind, or null. */
  public SyntaxNode firstChild(SyntaxKind kind) {
    int n = green.childCount();
    int at = offset;
    for (int i = 0; i < n; i++) {
      GreenElement child = green.child(i);
      if (child instanceof GreenNode node && node.kind() == kind) {
        return new SyntaxNode(node, this, at);
      }
      at += child.width();
    }
    return null;
  }

  /** The first direct child token of the given kind, or null. */
  public SyntaxToken firstToken(SyntaxKind kind) {
    int n = green.childCount();
    int at = offset;
    for (int i = 0; i < n; i++) {
      GreenElement child = green.child(i);
      if (child instanceof GreenToken token && token.kind() == kind) {
        return new SyntaxToken(token, this, at);
      }
      at += child.width();
    }
    return null;
  }

  /** The first direct child token that is not trivia, or null. */
  public SyntaxToken firstSignificantToken() {
    int n = green.childCount();
    int at = offset;
    for (int i = 0; i < n; i++) {
      GreenElement child = green.child(i);
      if (child instanceof GreenToken token && !token.kind().isTrivia()) {
        return new SyntaxToken(token, this, at);
      }
      at += child.width();
    }
    return null;
  }

  /** Direct child tokens that are not trivia. */
  public List<SyntaxToken> significantTokens() {
    int n = green.childCount();
    List<SyntaxToken> out = new ArrayList<>(4);
    int at = offset;
    for (int i = 0; i < n; i++) {
      GreenElement child = green.child(i);
      if (child instanceof GreenToken token && !token.kind().isTrivia()) {
        out.add(new SyntaxToken(token, this, at));
      }
      at += child.width();
    }
    return out;
  }

  private SyntaxElement wrap(GreenElement child, int at) {
    if (child instanceof GreenNode node) {
      return new SyntaxNode(node, this, at);
    }
    return new SyntaxToken((GreenToken) child, this, at);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SyntaxNode that && that.green == green && that.offset == offset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(green), offset);
  }

  @Override
  public String toString() {
    return kind() + "@" + offset + ".." + end();
  }
}
