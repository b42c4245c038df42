package io.github.nixml.nix.syntax;

import java.util.Arrays;

/** Maps char offsets to 1-based line and column; built once per file. Lines end at '\n'. */
public final class LineIndex {
  private final int[] lineStarts;
  private final int length;

  public LineIndex(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    this.lineStarts = Arrays.copyOf(starts, count);
    this.length = text.length();
  }

  /** 1-based line of an offset (offsets past the end count as the end). */
  public int line(int offset) {
    int clamped = Math.max(0, Math.min(offset, length));
    int index = Arrays.binarySearch(lineStarts, clamped);
    return (index >= 0 ? index : -index - 2) + 1;
  }

  /** 1-based column of an offset, in chars. */
  public int column(int offset) {
    int clamped = Math.max(0, Math.min(offset, length));
    return clamped - lineStarts[line(clamped) - 1] + 1;
  }

  /** The offset where a 1-based line starts. */
  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** The span of {@code length} chars at {@code offset}, with its start's line and column. */
  public SourceSpan span(int offset, int length) {
    return new SourceSpan(offset, length, line(offset), column(offset));
  }

  public int lineCount() {
    return lineStarts.length;
  }
}
