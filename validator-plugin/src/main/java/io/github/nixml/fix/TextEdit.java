package io.github.nixml.fix;

import java.util.Comparator;
import java.util.Objects;

/**
 * One change to one file: replace {@code length} chars at {@code offset} (0-based, in chars of the decoded text)
 * with {@code replacement}. A length of 0 inserts; an empty replacement deletes. The path is relative to the
 * validation root with {@code /} separators, like a finding's.
 */
public record TextEdit(String path, int offset, int length, String replacement) {

  /** By file, then by position; an insertion sorts before a replacement at the same offset. */
  public static final Comparator<TextEdit> ORDER = Comparator.comparing(TextEdit::path)
      .thenComparingInt(TextEdit::offset)
      .thenComparingInt(TextEdit::length)
      .thenComparing(TextEdit::replacement);

  public TextEdit {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(replacement, "replacement");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("negative edit range in " + path + ": " + offset + "+" + length);
    }
  }

  public static TextEdit insert(String path, int offset, String text) {
    return new TextEdit(path, offset, 0, text);
  }

  public static TextEdit replace(String path, int offset, int length, String text) {
    return new TextEdit(path, offset, length, text);
  }

  public int end() {
    return offset + length;
  }

  /**
   * Whether both edits touch the same chars of the same file, so that applying both would depend on their order.
   * Two insertions at one offset conflict too (which goes first is a choice); an insertion at either end of a
   * replaced range does not.
   */
  public boolean conflictsWith(TextEdit other) {
    if (!path.equals(other.path)) {
      return false;
    }
    if (length == 0 && other.length == 0) {
      return offset == other.offset;
    }
    if (length == 0) {
      return other.offset < offset && offset < other.end();
    }
    if (other.length == 0) {
      return offset < other.offset && other.offset < end();
    }
    return offset < other.end() && other.offset < end();
  }
}
