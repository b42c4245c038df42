package io.github.nixml.nix.syntax;

import java.util.Arrays;

/**
 * Maps char offsets to 1-based line and column; built once per file. Lines end at '\n'. The table of line
 * starts is made on the first question (many files are parsed and bound without any position being asked).
 */
public final class LineIndex {
  private final String text;
  private final int length;
  /** Null until first needed; an immutable array once set, so threads that race to make it agree. */
  private volatile int[] lineStarts;

  public LineIndex(String text) {
    this.text = text;
    this.length = text.length();
  }

  private int[] lineStarts() {
    int[] starts = lineStarts;
    if (starts == null) {
      starts = computeLineStarts(text);
      lineStarts = starts;
    }
    return starts;
  }

  private static int[] computeLineStarts(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    return Arrays.copyOf(starts, count);
  }

  /** 1-based line of an offset (offsets past the end count as the end). */
  public int line(int offset) {
    int clamped = Math.max(0, Math.min(offset, length));
    int index = Arrays.binarySearch(lineStarts(), clamped);
    return (index >= 0 ? index : -index - 2) + 1;
  }

  /** 1-based column of an offset, in chars. */
  public int column(int offset) {
    int clamped = Math.max(0, Math.min(offset, length));
    return clamped - lineStarts()[line(clamped) - 1] + 1;
  }

  /** The offset where a 1-based line starts. */
  public int lineStart(int line) {
    return lineStarts()[line - 1];
  }

  /** The span of {@code length} chars at {@code offset}, with its start's line and column. */
  public SourceSpan span(int offset, int length) {
    return span(offset, length, null);
  }

  /**
   * The span of {@code length} chars at {@code offset} in {@code file} (null: the file being analysed), with its
   * start's line and column found in one search (a lowered tree asks this of every term).
   */
  public SourceSpan span(int offset, int length, String file) {
    int clamped = Math.max(0, Math.min(offset, this.length));
    int[] starts = lineStarts();
    int index = Arrays.binarySearch(starts, clamped);
    int line = index >= 0 ? index : -index - 2;
    return new SourceSpan(offset, length, line + 1, clamped - starts[line] + 1, file);
  }

  public int lineCount() {
    return lineStarts().length;
  }
}
