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
  /** Source offset of each entry of {@link #children}: a finished node's width needs no walk. */
  private int[] childStarts = new int[64];
  private int childCount;
  /** Offset just past the last token added. */
  private int end;
  private SyntaxKind[] openKinds = new SyntaxKind[32];
  private int[] openStarts = new int[32];
  private int openCount;

  // open-addressing intern table of tokens keyed by kind and text; hashes and chars alongside,
  // for the builder only, so that a probe compares ints and char arrays, not strings
  private GreenToken[] table;
  private int[] tableHashes;
  private char[][] tableChars;
  private int tableSize;

  GreenBuilder(String source, char[] chars) {
    this.source = source;
    this.chars = chars;
    // about one distinct short token per 16 chars of source, at most half full
    int size = Integer.highestOneBit(Math.max(1024, source.length() / 8)) * 2;
    this.table = new GreenToken[size];
    this.tableHashes = new int[size];
    this.tableChars = new char[size][];
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
    int nodeStart = start < childCount ? childStarts[start] : end;
    GreenNode node = childCount - start == 1
        ? new GreenNode(openKinds[openCount], children[start], end - nodeStart)
        : new GreenNode(openKinds[openCount], Arrays.copyOfRange(children, start, childCount), end - nodeStart);
    // the stale slots above are overwritten later; they only hold parts of this tree meanwhile
    childCount = start;
    push(node, nodeStart);
  }

  void token(SyntaxKind kind, int from, int to) {
    push(intern(kind, from, to), from);
    end = to;
  }

  GreenNode finish() {
    while (openCount > 1) {
      finishNode();
    }
    finishNode();
    return (GreenNode) children[0];
  }

  private void push(GreenElement element, int start) {
    if (childCount == children.length) {
      children = Arrays.copyOf(children, childCount * 2);
      childStarts = Arrays.copyOf(childStarts, childCount * 2);
    }
    childStarts[childCount] = start;
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
        tableHashes[slot] = hash;
        tableChars[slot] = Arrays.copyOfRange(chars, from, to);
        if (++tableSize * 2 > table.length) {
          rehash();
        }
        return token;
      }
      if (tableHashes[slot] == hash && existing.kind() == kind
          && Arrays.equals(tableChars[slot], 0, tableChars[slot].length, chars, from, to)) {
        return existing;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Mixes all bits into the low ones (similar names differ only in their last chars). */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 15) ^ (h >>> 26);
  }

  private void rehash() {
    GreenToken[] old = table;
    int[] oldHashes = tableHashes;
    char[][] oldChars = tableChars;
    table = new GreenToken[old.length * 2];
    tableHashes = new int[old.length * 2];
    tableChars = new char[old.length * 2][];
    int mask = table.length - 1;
    for (int i = 0; i < old.length; i++) {
      if (old[i] == null) {
        continue;
      }
      int slot = spread(oldHashes[i]) & mask;
      while (table[slot] != null) {
        slot = (slot + 1) & mask;
      }
      table[slot] = old[i];
      tableHashes[slot] = oldHashes[i];
      tableChars[slot] = oldChars[i];
    }
  }
}
