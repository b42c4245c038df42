package io.github.nixml.nix.eval;

import java.util.ArrayDeque;
import java.util.Deque;

/** Nix's path arithmetic on absolute paths, as strings: canonical form, base name, parent. */
final class Paths {
  private Paths() {}

  /** {@code /a//b/./c/../d/} → {@code /a/b/d}; {@code ..} above the root stays at the root, as in Nix. */
  static String canonical(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** {@code baseNameOf}: the text after the last slash, a trailing slash ignored. */
  static String baseName(String path) {
    int end = path.endsWith("/") ? path.length() - 1 : path.length();
    int slash = path.lastIndexOf('/', end - 1);
    return path.substring(slash + 1, Math.max(slash + 1, end));
  }

  /** {@code dirOf}: the text before the last slash; "/" for a top-level name, "." without a slash. */
  static String dirName(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return ".";
    }
    return slash == 0 ? "/" : path.substring(0, slash);
  }
}
