package io.github.nixml.nix.syntax;

import java.util.Arrays;

/**
 * Builds a green tree bottom-up (as rowan's GreenNodeBuilder): open a node, add tokens and
 * finished nodes, close it; or wrap already-added children with {@link #startNodeAt}. Token
 * texts are interned per tree so that repeated identifiers, keywords and whitespace cost one
 * reference each.
 */
final class GreenBuilder {
  private static final int MAX_INTERNED_LENGTH = 32;

  private final String source;
  private final char[] chars;
  private GreenElement[] children = new GreenElement[64];
  private int childCount;
  private SyntaxKind[] openKinds = new SyntaxKind[32];
  private int[] openStarts = new int[32];
  private int openCount;

  // open-addressing intern table of tokens keyed by kind and text
  private GreenToken[] table;
  private int tableSize;

  GreenBuilder(String source) {
    this.source = source;
    this.chars = source.toCharArray();
    // about one distinct short token per 16 chars of source, at most half full
    int size = Integer.highestOneBit(Math.max(1024, source.length() / 8)) * 2;
    this.table = new GreenToken[size];
  }

  int checkpoint() {
    return childCount;
  }

  void startNode(SyntaxKind kind) {
    startNodeAt(childCount, kind);
  }

  void startNodeAt(int checkpoint, SyntaxKind kind) {
    if (openCount == openKinds.length) {
      openKinds = Arrays.copyOf(openKinds, openCount * 2);
      openStarts = Arrays.copyOf(openStarts, openCount * 2);
    }
    openKinds[openCount] = kind;
    openStarts[openCount] = checkpoint;
    openCount++;
  }

  void finishNode() {
    openCount--;
    int start = openStarts[openCount];
    GreenElement[] nodeChildren = Arrays.copyOfRange(children, start, childCount);
    Arrays.fill(children, start, childCount, null);
    childCount = start;
    push(new GreenNode(openKinds[openCount], nodeChildren));
  }

  void token(SyntaxKind kind, int from, int to) {
    push(intern(kind, from, to));
  }

  GreenNode finish() {
    while (openCount > 1) {
      finishNode();
    }
    finishNode();
    return (GreenNode) children[0];
  }

  private void push(GreenElement element) {
    if (childCount == children.length) {
      children = Arrays.copyOf(children, childCount * 2);
    }
    children[childCount++] = element;
  }

  private GreenToken intern(SyntaxKind kind, int from, int to) {
    int length = to - from;
    if (length > MAX_INTERNED_LENGTH) {
      return new GreenToken(kind, source.substring(from, to));
    }
    int hash = kind.ordinal() * 31 + length;
    for (int i = from; i < to; i++) {
      hash = hash * 31 + chars[i];
    }
    int mask = table.length - 1;
    int slot = spread(hash) & mask;
    while (true) {
      GreenToken existing = table[slot];
      if (existing == null) {
        GreenToken token = new GreenToken(kind, source.substring(from, to));
        table[slot] = token;
        if (++tableSize * 2 > table.length) {
          rehash();
        }
        return token;
      }
      if (existing.kind() == kind && sameText(existing.text(), from, length)) {
        return existing;
      }
      slot = (slot + 1) & mask;
    }
  }

  private boolean sameText(String text, int from, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) != chars[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** Mixes all bits into the low ones (similar names differ only in their last chars). */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 15) ^ (h >>> 26);
  }

  private void rehash() {
    GreenToken[] old = table;
    table = new GreenToken[old.length * 2];
    int mask = table.length - 1;
    for (GreenToken token : old) {
      if (token == null) {
        continue;
      }
      String text = token.text();
      int hash = token.kind().ordinal() * 31 + text.length();
      for (int i = 0; i < text.length(); i++) {
        hash = hash * 31 + text.charAt(i);
      }
      int slot = spread(hash) & mask;
      while (table[slot] != null) {
        slot = (slot + 1) & mask;
      }
      table[slot] = token;
    }
  }
}
