package io.github.nixml.validate.rules.venv;

import io.github.nixml.validate.Location;
import io.github.nixml.validate.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of a {@code .gitignore} with git's semantics: {@code #} comments, {@code \} escapes, trailing spaces
 * dropped, {@code !} negation, a trailing {@code /} for directories only, a leading or middle {@code /} anchoring
 * the pattern to the file's directory (otherwise it matches a name at any depth), and {@code *}, {@code ?},
 * {@code [...]}, {@code **} globs.
 *
 * @param base the directory of the .gitignore, relative to the top of the tree being matched ({@code ""} at the top)
 * @param location where the line stands (null for a file outside the validation root)
 */
record GitignorePattern(String base, String text, Pattern regex, boolean negated, boolean directoryOnly,
    boolean anchored, Location location) {

  /**
   * Compiled regexes by glob: the same lines ({@code .venv/}, {@code __pycache__/}) recur in every project of a
   * monorepo, and compiling them anew cost more than matching. Bounded, so that a huge tree cannot grow it forever.
   */
  private static final java.util.Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_COMPILED = 4096;

  /** The regex of a glob, compiled once per JVM for each glob and anchoring (the key: "a" or "u", then the glob). */
  private static Pattern compiled(String glob, boolean anchored) {
    String key = (anchored ? "a" : "u") + glob;
    Pattern pattern = COMPILED.get(key);
    if (pattern == null) {
      pattern = Pattern.compile(toRegex(glob, anchored));
      if (COMPILED.size() < MAX_COMPILED) {
        COMPILED.putIfAbsent(key, pattern);
      }
    }
    return pattern;
  }

  /** Parses every pattern line of {@code file}, whose directory is {@code base}. */
  static List<GitignorePattern> parse(SourceFile file, String base, boolean locatable) {
    List<GitignorePattern> patterns = new ArrayList<>();
    for (int line = 1; line <= file.lineCount(); line++) {
      String raw = file.line(line);
      GitignorePattern pattern = parseLine(raw, base, locatable ? file.location(line, 1) : null);
      if (pattern != null) {
        patterns.add(pattern);
      }
    }
    return patterns;
  }

  static GitignorePattern parseLine(String raw, String base, Location location) {
    String line = stripTrailingSpaces(raw);
    if (line.isEmpty() || line.startsWith("#")) {
      return null;
    }
    boolean negated = false;
    if (line.startsWith("!")) {
      negated = true;
      line = line.substring(1);
    }
    boolean directoryOnly = false;
    if (line.endsWith("/") && !line.endsWith("\\/")) {
      directoryOnly = true;
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      return null;
    }
    boolean anchored = line.indexOf('/') >= 0;
    if (line.startsWith("/")) {
      line = line.substring(1);
    }
    return new GitignorePattern(base, raw.strip(), compiled(line, anchored), negated,
        directoryOnly, anchored, location);
  }

  /** Trailing spaces are ignored unless escaped with a backslash. */
  private static String stripTrailingSpaces(String raw) {
    int end = raw.length();
    while (end > 0 && (raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\t' || raw.charAt(end - 1) == '\r')) {
      if (end >= 2 && raw.charAt(end - 2) == '\\' && raw.charAt(end - 1) == ' ') {
        break;
      }
      end--;
    }
    return raw.substring(0, end);
  }

  /**
   * Whether this pattern matches {@code path} (relative to the tree top; {@code isDirectory} as the path is).
   * Paths outside this pattern's base never match.
   */
  boolean matches(String path, boolean isDirectory) {
    if (directoryOnly && !isDirectory) {
      return false;
    }
    String relative;
    if (base.isEmpty()) {
      relative = path;
    } else if (path.startsWith(base + "/")) {
      relative = path.substring(base.length() + 1);
    } else {
      return false;
    }
    if (anchored) {
      return regex.matcher(relative).matches();
    }
    int slash = relative.lastIndexOf('/');
    return regex.matcher(slash < 0 ? relative : relative.substring(slash + 1)).matches();
  }

  private static String toRegex(String glob, boolean anchored) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    int n = glob.length();
    while (i < n) {
      char c = glob.charAt(i);
      if (c == '*') {
        boolean atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
        int stars = 1;
        while (i + stars < n && glob.charAt(i + stars) == '*') {
          stars++;
        }
        boolean atSegmentEnd = i + stars == n || glob.charAt(i + stars) == '/';
        if (anchored && stars == 2 && atSegmentStart && atSegmentEnd) {
          if (i + stars == n) {
            regex.append(".*"); // trailing /**: everything inside
            i += stars;
          } else {
            regex.append("(?:.*/)?"); // leading **/ or middle /**/: zero or more directories
            i += stars + 1;
          }
          continue;
        }
        regex.append("[^/]*");
        i += stars;
      } else if (c == '?') {
        regex.append("[^/]");
        i++;
      } else if (c == '[') {
        int close = classEnd(glob, i);
        if (close < 0) {
          regex.append("\\[");
          i++;
        } else {
          String body = glob.substring(i + 1, close);
          StringBuilder cls = new StringBuilder("[");
          int j = 0;
          if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
            cls.append('^');
            j = 1;
          }
          for (; j < body.length(); j++) {
            char b = body.charAt(j);
            if (b == '\\' && j + 1 < body.length()) {
              cls.append('\\').append(body.charAt(++j));
            } else if (b == '[' || b == ']' || b == '&' || b == '^' || b == '\\') {
              cls.append('\\').append(b);
            } else {
              cls.append(b);
            }
          }
          regex.append(cls).append(']');
          i = close + 1;
        }
      } else if (c == '\\' && i + 1 < n) {
        regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
        i += 2;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return regex.toString();
  }

  /** Index of the {@code ]} closing a class opened at {@code open}, or -1. */
  private static int classEnd(String glob, int open) {
    int j = open + 1;
    if (j < glob.length() && (glob.charAt(j) == '!' || glob.charAt(j) == '^')) {
      j++;
    }
    if (j < glob.length() && glob.charAt(j) == ']') {
      j++; // a ] first in the class is literal
    }
    for (; j < glob.length(); j++) {
      if (glob.charAt(j) == '\\') {
        j++;
      } else if (glob.charAt(j) == ']') {
        return j;
      }
    }
    return -1;
  }
}
