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

  /** Token kinds whose text never varies (keywords, operators, brackets): one token each per tree. */
  private static final boolean[] FIXED_TEXT = new boolean[SyntaxKind.VALUES.length];

  static {
    for (SyntaxKind kind : SyntaxKind.VALUES) {
      FIXED_TEXT[kind.ordinal()] = kind.isToken() && kind.ordinal() > SyntaxKind.DOLLAR_CURLY.ordinal()
          && kind.ordinal() < SyntaxKind.EOF.ordinal()
          || kind == SyntaxKind.QUOTE || kind == SyntaxKind.DOLLAR_CURLY || kind == SyntaxKind.IND_STRING_CLOSE;
    }
  }

  private final GreenToken[] fixed = new GreenToken[SyntaxKind.VALUES.length];

  private final String source;
  private GreenElement[] children = new GreenElement[64];
  /** Source offset of each entry of {@link #children}: a finished node's width needs no walk. */
  private int[] childStarts = new int[64];
  private int childCount;
  /** Offset just past the last token added. */
  private int end;
  private SyntaxKind[] openKinds = new SyntaxKind[32];
  private int[] openStarts = new int[32];
  private int openCount;

  // Open-addressing intern table of tokens keyed by kind and text. Per slot, four ints side by side: the
  // hash, the kind and length, the source offset of the text's latest occurrence, and the token's index in
  // {@link #interned}, so that a probe reads one cache line and compares chars of the source, with no object
  // dereferenced; the tokens themselves lie in insertion order in a dense array (fewer cache lines than slots).
  private static final int STRIDE = 4;
  private int[] tableMeta;
  private int tableSlots;
  private GreenToken[] interned;
  private int tableSize;
  /** The token of the commonest text of all, one space, kept apart from the table. */
  private GreenToken space;

  GreenBuilder(String source) {
    this.source = source;
    // about one distinct short token per 50 chars of source (nixpkgs-like files), at most three quarters full
    int size = Integer.highestOneBit(Math.max(256, source.length() / 32)) * 2;
    this.tableSlots = size;
    this.tableMeta = new int[size * STRIDE];
    this.interned = new GreenToken[size / 2];
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

  /** A node of one token, as {@code startNode(kind); token(tokenKind, from, to); finishNode()} makes it. */
  void leaf(SyntaxKind kind, SyntaxKind tokenKind, int from, int to) {
    push(new GreenNode(kind, intern(tokenKind, from, to), to - from), from);
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
    int ordinal = kind.ordinal();
    if (FIXED_TEXT[ordinal]) {
      GreenToken token = fixed[ordinal];
      if (token == null) {
        token = new GreenToken(kind, source.substring(from, to));
        fixed[ordinal] = token;
      }
      return token;
    }
    int length = to - from;
    String source = this.source;
    if (length == 1 && kind == SyntaxKind.WHITESPACE && source.charAt(from) == ' ') {
      if (space == null) {
        space = new GreenToken(kind, " ");
      }
      return space;
    }
    if (length > MAX_INTERNED_LENGTH) {
      return new GreenToken(kind, source.substring(from, to));
    }
    int hash = ordinal * 31 + length;
    for (int i = from; i < to; i++) {
      hash = hash * 31 + source.charAt(i);
    }
    int kindAndLength = ordinal << 16 | length;
    int[] meta = this.tableMeta;
    int mask = tableSlots - 1;
    int slot = spread(hash) & mask;
    while (true) {
      int m = slot * STRIDE;
      if (meta[m + 1] == 0) { // free: a token has a length >= 1
        GreenToken token = new GreenToken(kind, source.substring(from, to));
        if (tableSize == interned.length) {
          interned = Arrays.copyOf(interned, tableSize * 2);
        }
        interned[tableSize] = token;
        meta[m] = hash;
        meta[m + 1] = kindAndLength;
        meta[m + 2] = from;
        meta[m + 3] = tableSize;
        if (++tableSize * 4 > tableSlots * 3) {
          rehash();
        }
        return token;
      }
      if (meta[m] == hash && meta[m + 1] == kindAndLength && sameChars(meta[m + 2], from, length)) {
        // compare with the latest occurrence next time: recent source text is more likely in the cache
        meta[m + 2] = from;
        return interned[meta[m + 3]];
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Whether the source has the same chars at both offsets (a plain loop: interned texts are short). */
  private boolean sameChars(int first, int from, int length) {
    String source = this.source;
    for (int i = 0; i < length; i++) {
      if (source.charAt(first + i) != source.charAt(from + i)) {
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
    int oldSlots = tableSlots;
    int[] oldMeta = tableMeta;
    tableSlots = oldSlots * 2;
    tableMeta = new int[tableSlots * STRIDE];
    int mask = tableSlots - 1;
    for (int i = 0; i < oldSlots; i++) {
      if (oldMeta[i * STRIDE + 1] == 0) {
        continue;
      }
      int slot = spread(oldMeta[i * STRIDE]) & mask;
      while (tableMeta[slot * STRIDE + 1] != 0) {
        slot = (slot + 1) & mask;
      }
      System.arraycopy(oldMeta, i * STRIDE, tableMeta, slot * STRIDE, STRIDE);
    }
  }
}
