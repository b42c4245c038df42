package io.github.nixml.archetype.generate;

/**
 * Any text as Markdown that renders as that text. A backslash escapes each ASCII punctuation character that can be
 * markup (CommonMark allows it before any of them): those that are markup anywhere in a line (emphasis, code, links,
 * HTML, headings, tables, strikethrough, math, entities) always, and those that are markup only where a line starts
 * ({@code -}, {@code +} and {@code =} of lists, rules and underlined headings, the {@code .} of {@code 1.}) there.
 * Blanks at the start of a line (which could open an indented code block) or at its end (which Markdown drops)
 * become character references. Punctuation that is never markup stays readable: {@code , ; : ? ! ' " /}.
 */
final class MarkdownText {

  private static final String MARKUP_ANYWHERE = "\\`*_{}[]()<>#|~$&";
  private static final String MARKUP_AT_LINE_START = "-+=";

  private MarkdownText() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    boolean lineStart = true;
    boolean onlyDigitsSoFar = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == ' ' || c == '\t') && (lineStart || onlyBlanksToLineEnd(text, i))) {
        out.append(c == ' ' ? "&#32;" : "&#9;");
        continue;
      }
      if (MARKUP_ANYWHERE.indexOf(c) >= 0
          || lineStart && MARKUP_AT_LINE_START.indexOf(c) >= 0
          || c == '.' && onlyDigitsSoFar && !lineStart) {
        out.append('\\');
      }
      out.append(c);
      boolean lineEnd = c == '\n' || c == '\r';
      onlyDigitsSoFar = lineEnd || onlyDigitsSoFar && c >= '0' && c <= '9';
      lineStart = lineEnd;
    }
    return out.toString();
  }

  private static boolean onlyBlanksToLineEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }
}
