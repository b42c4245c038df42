package io.github.nixml.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A small shell tokenizer: splits shell text into simple commands and words the way sh reads them, enough for
 * the rules' questions. It knows words, single and double quotes, backslash escapes and line continuations,
 * {@code #} comments, the separators {@code ;}, {@code &&}, {@code ||}, {@code |}, {@code &} and newlines, and
 * {@code $VAR}/{@code ${VAR…}} references; {@code $(…)} is kept as text. Interpolated pieces of the Nix string
 * are opaque parts of the word they stand in. It never fails: unbalanced quotes end at the end of the text.
 */
final class ShellScript {
  private final List<ShellCommand> commands = new ArrayList<>();
  private List<ShellWord> words = new ArrayList<>();
  private List<ShellWord.Segment> segments;
  private final StringBuilder text = new StringBuilder();
  private boolean single;
  private boolean dbl;
  private boolean comment;
  /** The pieces with comments removed, as scanned. */
  private final List<ShellPiece> kept = new ArrayList<>();
  private final StringBuilder keptText = new StringBuilder();

  private ShellScript(List<ShellPiece> pieces) {
    for (ShellPiece piece : pieces) {
      if (piece instanceof ShellPiece.Literal literal) {
        keptText.setLength(0);
        scan(literal.text());
        kept.add(new ShellPiece.Literal(keptText.toString()));
      } else if (!comment) {
        segment(new ShellWord.Piece(piece));
        kept.add(piece);
      }
    }
    endCommand();
  }

  static List<ShellCommand> parse(List<ShellPiece> pieces) {
    return List.copyOf(new ShellScript(pieces).commands);
  }

  /** The pieces without their comments ({@code #} starting a word outside quotes, to the end of the line). */
  static List<ShellPiece> withoutComments(List<ShellPiece> pieces) {
    return List.copyOf(new ShellScript(pieces).kept);
  }

  /** The pieces as one word, as a variable's value is read (no splitting, no quote removal). */
  static ShellWord word(List<ShellPiece> pieces) {
    List<ShellWord.Segment> segments = new ArrayList<>();
    for (ShellPiece piece : pieces) {
      segments.add(piece instanceof ShellPiece.Literal literal ? new ShellWord.Text(literal.text())
          : new ShellWord.Piece(piece));
    }
    return new ShellWord(segments);
  }

  private void scan(String input) {
    for (int i = 0; i < input.length(); i++) {
      int from = i;
      boolean wasComment = comment;
      i = step(input, i);
      if (!wasComment && !comment) {
        keptText.append(input, from, i + 1);
      } else if (input.charAt(i) == '\n') {
        keptText.append('\n');
      }
    }
  }

  /** Reads the char (or escape, variable, substitution) at {@code i}; returns the index of its last char. */
  private int step(String input, int i) {
    char c = input.charAt(i);
    char next = i + 1 < input.length() ? input.charAt(i + 1) : '\0';
    if (comment) {
      if (c == '\n') {
        comment = false;
        endCommand();
      }
    } else if (single) {
      if (c == '\'') {
        single = false;
      } else {
        text.append(c);
      }
    } else if (c == '\\' && next != '\0' && (!dbl || "$`\"\\\n".indexOf(next) >= 0)) {
      if (next != '\n') {
        startWord();
        text.append(next);
      }
      i++;
    } else if (c == '$' && (next == '{' || Character.isLetter(next) || next == '_')) {
      i = variable(input, i);
    } else if (c == '$' && next == '(') {
      i = substitution(input, i);
    } else if (dbl) {
      if (c == '"') {
        dbl = false;
      } else {
        text.append(c);
      }
    } else if (c == '\'' || c == '"') {
      startWord();
      single = c == '\'';
      dbl = c == '"';
    } else if (c == '#' && segments == null) {
      comment = true;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      endWord();
    } else if (c == '&' && (next == '>' || (text.length() > 0 && text.charAt(text.length() - 1) == '>'))) {
      text.append(c); // a redirection (2>&1, &>file), not a separator
    } else if (c == '\n' || c == ';' || c == '|' || c == '&') {
      endCommand();
      if ((c == '|' || c == '&') && next == c) {
        i++;
      }
    } else {
      startWord();
      text.append(c);
    }
    return i;
  }

  /** {@code $NAME} or {@code ${NAME…}} at {@code i}; returns the index of its last char. */
  private int variable(String input, int i) {
    int start = i + 1;
    int end;
    String name;
    if (input.charAt(start) == '{') {
      int close = input.indexOf('}', start);
      end = close < 0 ? input.length() - 1 : close;
      String inner = input.substring(start + 1, close < 0 ? input.length() : close);
      int stop = 0;
      while (stop < inner.length() && (Character.isLetterOrDigit(inner.charAt(stop)) || inner.charAt(stop) == '_')) {
        stop++;
      }
      name = inner.substring(0, stop);
    } else {
      end = start;
      while (end + 1 < input.length()
          && (Character.isLetterOrDigit(input.charAt(end + 1)) || input.charAt(end + 1) == '_')) {
        end++;
      }
      name = input.substring(start, end + 1);
    }
    segment(new ShellWord.Variable(name, input.substring(i, end + 1)));
    return end;
  }

  /** {@code $( … )} kept as text up to its balanced close; returns the index of its last char. */
  private int substitution(String input, int i) {
    int depth = 0;
    int j = i + 1;
    for (; j < input.length(); j++) {
      char c = input.charAt(j);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth == 0) {
        break;
      }
    }
    int end = Math.min(j, input.length() - 1);
    startWord();
    text.append(input, i, end + 1);
    return end;
  }

  private void startWord() {
    if (segments == null) {
      segments = new ArrayList<>();
    }
  }

  private void segment(ShellWord.Segment segment) {
    startWord();
    flushText();
    segments.add(segment);
  }

  private void flushText() {
    if (text.length() > 0) {
      segments.add(new ShellWord.Text(text.toString()));
      text.setLength(0);
    }
  }

  private void endWord() {
    if (segments != null) {
      flushText();
      words.add(new ShellWord(segments));
      segments = null;
    }
  }

  private void endCommand() {
    endWord();
    if (!words.isEmpty()) {
      commands.add(new ShellCommand(words));
      words = new ArrayList<>();
    }
  }
}
