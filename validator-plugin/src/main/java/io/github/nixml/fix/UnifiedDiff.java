package io.github.nixml.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u} form, three lines of context) between two versions of one file, for showing
 * what a fix would change. Lines common to both ends are matched first, so a local edit costs little even in a
 * long file; the changed middle is aligned by longest common subsequence.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  /** Beyond this many line pairs in the changed middle, it is shown as one removed and one added block. */
  private static final long MAX_ALIGNED_PAIRS = 4_000_000L;

  private UnifiedDiff() {}

  /** The diff of {@code before} → {@code after} for {@code path}; empty when the texts are equal. */
  public static String of(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Op> ops = align(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i).kind == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while changes are at most 2 * CONTEXT equal lines apart
      while (end < ops.size()) {
        if (ops.get(end).kind != ' ') {
          end++;
          continue;
        }
        int run = end;
        while (run < ops.size() && ops.get(run).kind == ' ') {
          run++;
        }
        if (run < ops.size() && run - end <= 2 * CONTEXT) {
          end = run;
        } else {
          end = Math.min(ops.size(), end + CONTEXT);
          break;
        }
      }
      writeHunk(out, ops.subList(start, end), ops.get(start));
      i = end;
    }
    return out.toString();
  }

  private static void writeHunk(StringBuilder out, List<Op> hunk, Op first) {
    int oldCount = 0;
    int newCount = 0;
    for (Op op : hunk) {
      oldCount += op.kind == '+' ? 0 : 1;
      newCount += op.kind == '-' ? 0 : 1;
    }
    int oldStart = oldCount == 0 ? first.oldLine - 1 : first.oldLine;
    int newStart = newCount == 0 ? first.newLine - 1 : first.newLine;
    out.append("@@ -").append(oldStart).append(',').append(oldCount)
        .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
    for (Op op : hunk) {
      out.append(op.kind).append(op.text.endsWith("\n") ? op.text : op.text + "\n\\ No newline at end of file\n");
    }
  }

  /** One line of the diff, with the 1-based line numbers it has (or would have) in each version. */
  private record Op(char kind, String text, int oldLine, int newLine) {}

  private static List<Op> align(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Op> ops = new ArrayList<>();
    for (int k = 0; k < prefix; k++) {
      ops.add(new Op(' ', a.get(k), k + 1, k + 1));
    }
    List<String> midA = a.subList(prefix, a.size() - suffix);
    List<String> midB = b.subList(prefix, b.size() - suffix);
    middle(ops, midA, midB, prefix, prefix);
    for (int k = 0; k < suffix; k++) {
      int oldIndex = a.size() - suffix + k;
      int newIndex = b.size() - suffix + k;
      ops.add(new Op(' ', a.get(oldIndex), oldIndex + 1, newIndex + 1));
    }
    return ops;
  }

  private static void middle(List<Op> ops, List<String> a, List<String> b, int oldBase, int newBase) {
    int n = a.size();
    int m = b.size();
    if ((long) n * m > MAX_ALIGNED_PAIRS) {
      for (int i = 0; i < n; i++) {
        ops.add(new Op('-', a.get(i), oldBase + i + 1, newBase + 1));
      }
      for (int j = 0; j < m; j++) {
        ops.add(new Op('+', b.get(j), oldBase + n + 1, newBase + j + 1));
      }
      return;
    }
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(new Op(' ', a.get(i), oldBase + i + 1, newBase + j + 1));
        i++;
        j++;
      } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
        ops.add(new Op('-', a.get(i), oldBase + i + 1, newBase + j + 1));
        i++;
      } else {
        ops.add(new Op('+', b.get(j), oldBase + i + 1, newBase + j + 1));
        j++;
      }
    }
  }

  /** The lines of a text, each with its line terminator; a last line without one stays without. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int k = 0; k < text.length(); k++) {
      if (text.charAt(k) == '\n') {
        lines.add(text.substring(start, k + 1));
        start = k + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
