package io.github.nixml.nix.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random edits of a (usually valid) Nix program: tokens deleted, duplicated, swapped, inserted or
 * renamed, lines duplicated (duplicate attributes), and character-level deletions, insertions and
 * replacements. The tokens are a rough approximation of Nix's, which is all a mutation needs.
 */
public final class NixMutator {
  /** Rough Nix tokens: trivia, multi-character operators, names, numbers, else one character. */
  private static final Pattern TOKEN = Pattern.compile(
      "\\s+|#[^\\n]*|/\\*.*?\\*/|\\$\\{|''|\\.\\.\\.|==|!=|<=|>=|&&|\\|\\||->|//|\\+\\+"
          + "|[A-Za-z_][A-Za-z0-9_'-]*|[0-9]+(?:\\.[0-9]*)?|.",
      Pattern.DOTALL);

  private static final String[] INSERTED_TOKENS = {"{", "}", "[", "]", "(", ")", ";", "=", ":", ",",
      ".", "?", "@", "...", "${", "\"", "''", "in", "let", "rec", "or", "inherit", "with", "if",
      "then", "else", "assert", "->", "//", "++", "!", "-", "x", "1", "./p", "<nixpkgs>", "#", "/*"};

  private static final String INSERTED_CHARS = "{}[]();:.,=@?!+-*/<>&|\"'$\\ \n\t#~_aZ09é";

  private final Random random;

  public NixMutator(Random random) {
    this.random = random;
  }

  /** One to three random edits of {@code program}. */
  public String mutate(String program) {
    String current = program;
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      current = mutateOnce(current);
    }
    return current;
  }

  private String mutateOnce(String program) {
    List<Token> tokens = significantTokens(program);
    int choice = random.nextInt(100);
    if (tokens.isEmpty() || choice >= 80) {
      return characterEdit(program);
    }
    Token token = tokens.get(random.nextInt(tokens.size()));
    if (choice < 20) {
      return replace(program, token, "");
    } else if (choice < 35) {
      return replace(program, token, token.text + " " + token.text);
    } else if (choice < 50) {
      Token other = random.nextInt(10) < 7
          ? tokens.get(Math.min(tokens.size() - 1, tokens.indexOf(token) + 1))
          : tokens.get(random.nextInt(tokens.size()));
      return swap(program, token, other);
    } else if (choice < 62) {
      String inserted = INSERTED_TOKENS[random.nextInt(INSERTED_TOKENS.length)];
      return program.substring(0, token.start) + inserted + " " + program.substring(token.start);
    } else if (choice < 72) {
      // rename a name: often makes it undefined, or collides with a sibling attribute
      if (Character.isLetter(token.text.charAt(0)) || token.text.charAt(0) == '_') {
        List<String> names = NixProgramGenerator.NAMES;
        return replace(program, token, names.get(random.nextInt(names.size())));
      }
      return replace(program, token, "");
    } else {
      return duplicateLine(program);
    }
  }

  private record Token(int start, int end, String text) {}

  static List<String> tokenTexts(String program) {
    List<String> texts = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(program);
    while (matcher.find()) {
      texts.add(matcher.group());
    }
    return texts;
  }

  private static List<Token> significantTokens(String program) {
    List<Token> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(program);
    while (matcher.find()) {
      String text = matcher.group();
      if (!text.isBlank()) {
        tokens.add(new Token(matcher.start(), matcher.end(), text));
      }
    }
    return tokens;
  }

  private static String replace(String program, Token token, String replacement) {
    return program.substring(0, token.start) + replacement + program.substring(token.end);
  }

  private static String swap(String program, Token a, Token b) {
    if (a.start == b.start) {
      return program;
    }
    Token first = a.start < b.start ? a : b;
    Token second = a.start < b.start ? b : a;
    return program.substring(0, first.start) + second.text + program.substring(first.end, second.start)
        + first.text + program.substring(second.end);
  }

  private String duplicateLine(String program) {
    String[] lines = program.split("\n", -1);
    int line = random.nextInt(lines.length);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(lines[i]);
      if (i == line) {
        out.append('\n').append(lines[i]);
      }
      if (i + 1 < lines.length) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private String characterEdit(String program) {
    int at = program.isEmpty() ? 0 : random.nextInt(program.length());
    char inserted = INSERTED_CHARS.charAt(random.nextInt(INSERTED_CHARS.length()));
    int choice = random.nextInt(3);
    if (program.isEmpty() || choice == 0) {
      return program.substring(0, at) + inserted + program.substring(at);
    } else if (choice == 1) {
      return program.substring(0, at) + program.substring(at + 1);
    }
    return program.substring(0, at) + inserted + program.substring(at + 1);
  }
}
