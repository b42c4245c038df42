package io.github.nixml.fix;

import java.util.List;

/** Applies non-conflicting edits to one file's text. */
public final class TextEdits {
  private TextEdits() {}

  /**
   * The text with every edit applied; each edit's range refers to the original text.
   *
   * @throws IllegalArgumentException when two edits conflict or an edit reaches past the end of the text
   */
  public static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = edits.stream().sorted(TextEdit.ORDER).toList();
    StringBuilder out = new StringBuilder(text.length() + 64);
    int at = 0;
    TextEdit previous = null;
    for (TextEdit edit : sorted) {
      if (previous != null && previous.conflictsWith(edit)) {
        throw new IllegalArgumentException("conflicting edits at " + edit.path() + " offset " + edit.offset());
      }
      if (edit.end() > text.length()) {
        throw new IllegalArgumentException("edit past the end of " + edit.path() + ": " + edit.offset() + "+"
            + edit.length() + " > " + text.length());
      }
      out.append(text, at, edit.offset()).append(edit.replacement());
      at = edit.end();
      previous = edit;
    }
    return out.append(text, at, text.length()).toString();
  }
}
