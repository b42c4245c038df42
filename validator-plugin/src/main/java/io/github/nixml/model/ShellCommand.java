package io.github.nixml.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One simple command of a shell text: its words, split at {@code ;}, {@code &&}, {@code ||}, {@code |},
 * {@code &} and newlines. Leading reserved words ({@code if}, {@code then}, {@code do}, …) are dropped, so
 * {@code if [ -d x ]; then source x/bin/activate; fi} holds the command {@code source x/bin/activate}.
 */
public record ShellCommand(List<ShellWord> words) {
  private static final Set<String> RESERVED =
      Set.of("if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "(", ")", "time");

  public ShellCommand {
    words = List.copyOf(words);
  }

  /** A variable assignment ({@code X=v}, {@code export X=v}), with whether it is exported. */
  public record Assignment(String name, ShellWord value, boolean exported) {}

  /** The words from the program on: reserved words and leading assignments dropped. */
  public List<ShellWord> invocation() {
    int start = 0;
    while (start < words.size() && RESERVED.contains(String.valueOf(words.get(start).literal()))) {
      start++;
    }
    while (start < words.size() && assignment(words.get(start)) != null) {
      start++;
    }
    // `command uv venv`, `exec uv run …`, `nohup x`, `env A=1 uv sync`: the modifier runs the next word; `command -v
    // uv` (a lookup) and options of exec or env keep the modifier as the program
    while (start + 1 < words.size() && MODIFIERS.contains(String.valueOf(words.get(start).literal()))
        && !String.valueOf(words.get(start + 1).literal()).startsWith("-")) {
      boolean env = "env".equals(words.get(start).literal());
      start++;
      while (env && start < words.size() && assignment(words.get(start)) != null) {
        start++;
      }
    }
    return words.subList(start, words.size());
  }

  /** Words that run the command after them. */
  private static final Set<String> MODIFIERS = Set.of("command", "exec", "nohup", "env", "builtin");

  /** Whether the command runs {@code program} with these literal first arguments. */
  public boolean runs(String program, String... arguments) {
    List<ShellWord> invocation = invocation();
    if (invocation.isEmpty() || invocation.size() < arguments.length + 1
        || !program.equals(invocation.get(0).literal())) {
      return false;
    }
    for (int i = 0; i < arguments.length; i++) {
      if (!arguments[i].equals(invocation.get(i + 1).literal())) {
        return false;
      }
    }
    return true;
  }

  /** The program the command runs, by name ({@code python3} for {@code ${python}/bin/python3}); "" when none. */
  public String programName() {
    List<ShellWord> invocation = invocation();
    return invocation.isEmpty() ? "" : invocation.get(0).programName();
  }

  /** The arguments after the program. */
  public List<ShellWord> arguments() {
    List<ShellWord> invocation = invocation();
    return invocation.isEmpty() ? List.of() : invocation.subList(1, invocation.size());
  }

  /** The variables this command assigns: leading {@code X=v} words, or {@code export}/{@code declare -x} ones. */
  public List<Assignment> assignments() {
    List<Assignment> found = new ArrayList<>();
    int start = 0;
    while (start < words.size() && RESERVED.contains(String.valueOf(words.get(start).literal()))) {
      start++;
    }
    int i = start;
    while (i < words.size() && assignment(words.get(i)) != null) {
      found.add(assignment(words.get(i++)));
    }
    // `env UV_PROJECT_ENVIRONMENT=.venv-nix uv sync`: env's assignments are the command's, as leading ones are
    while (i + 1 < words.size() && MODIFIERS.contains(String.valueOf(words.get(i).literal()))
        && !String.valueOf(words.get(i + 1).literal()).startsWith("-")) {
      boolean env = "env".equals(words.get(i).literal());
      i++;
      while (env && i < words.size() && assignment(words.get(i)) != null) {
        found.add(assignment(words.get(i++)));
      }
    }
    List<ShellWord> invocation = invocation();
    if (!invocation.isEmpty() && "export".equals(invocation.get(0).literal())) {
      for (ShellWord word : invocation.subList(1, invocation.size())) {
        Assignment assignment = assignment(word);
        if (assignment != null) {
          found.add(new Assignment(assignment.name(), assignment.value(), true));
        }
      }
    }
    return found;
  }

  /** {@code NAME=value} as one word, or null. */
  private static Assignment assignment(ShellWord word) {
    if (word.segments().isEmpty() || !(word.segments().get(0) instanceof ShellWord.Text first)) {
      return null;
    }
    int equals = first.text().indexOf('=');
    if (equals <= 0 || !isName(first.text(), equals)) {
      return null;
    }
    List<ShellWord.Segment> value = new ArrayList<>();
    String rest = first.text().substring(equals + 1);
    if (!rest.isEmpty()) {
      value.add(new ShellWord.Text(rest));
    }
    value.addAll(word.segments().subList(1, word.segments().size()));
    return new Assignment(first.text().substring(0, equals), new ShellWord(value), false);
  }

  /** Whether {@code text} up to {@code end} is a shell variable name ({@code [A-Za-z_][A-Za-z0-9_]*}). */
  private static boolean isName(String text, int end) {
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return end > 0;
  }
}
