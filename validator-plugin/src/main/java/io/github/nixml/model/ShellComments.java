package io.github.nixml.model;

/** Removes shell comments from hook text, so that a commented-out command does not count as run. */
final class ShellComments {
  private ShellComments() {}

  /** Drops every {@code #} comment that starts a word outside quotes, up to the end of its line. */
  static String strip(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean single = false;
    boolean dbl = false;
    boolean comment = false;
    char previous = '\n';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        comment = false;
        single = false;
        dbl = false;
        out.append(c);
        previous = c;
        continue;
      }
      if (comment) {
        continue;
      }
      if (c == '\\' && !single && i + 1 < text.length()) {
        out.append(c).append(text.charAt(i + 1));
        i++;
        previous = 'x';
        continue;
      }
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#' && !single && !dbl && (Character.isWhitespace(previous) || previous == ';')) {
        comment = true;
        continue;
      }
      out.append(c);
      previous = c;
    }
    return out.toString();
  }
}
