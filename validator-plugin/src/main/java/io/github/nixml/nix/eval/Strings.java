package io.github.nixml.nix.eval;

import java.nio.charset.StandardCharsets;

/** Strings as Nix sees them: sequences of bytes (UTF-8 here), compared bytewise. */
final class Strings {
  private Strings() {}

  /** Bytewise UTF-8 order, which is code point order (Java's own order is UTF-16's). */
  static int compare(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int l = left.codePointAt(i);
      int r = right.codePointAt(j);
      if (l != r) {
        return Integer.compare(l, r);
      }
      i += Character.charCount(l);
      j += Character.charCount(r);
    }
    return Integer.compare(left.length() - i, right.length() - j);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }
}
