package io.github.nixml.nix.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code match} and {@code split}: POSIX extended regular expressions, read by Java's engine once the POSIX
 * character classes are translated. Java picks the leftmost alternative where POSIX picks the longest; patterns
 * where that differs are rare in Nix code.
 */
final class RegexBuiltins {
  private static final Map<String, String> CLASSES = Map.ofEntries(Map.entry("alpha", "\\p{Alpha}"),
      Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"), Map.entry("upper", "A-Z"),
      Map.entry("lower", "a-z"), Map.entry("space", "\\s"), Map.entry("punct", "\\p{Punct}"),
      Map.entry("xdigit", "0-9A-Fa-f"), Map.entry("blank", " \\t"), Map.entry("cntrl", "\\p{Cntrl}"),
      Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"));
  private static final Pattern CLASS = Pattern.compile("\\[:([a-z]+):\\]");

  private RegexBuiltins() {}

  static Builtin match() {
    return new Builtin("match", 2, call -> {
      Pattern pattern = compile(call, call.string(0));
      Matcher matcher = pattern.matcher(call.string(1));
      return matcher.matches() ? BuiltinCall.listOf(groups(call, matcher)) : new Value.Null();
    });
  }

  /** The text between matches, and for each match the list of its groups. */
  static Builtin split() {
    return new Builtin("split", 2, call -> {
      Pattern pattern = compile(call, call.string(0));
      String text = call.string(1);
      Matcher matcher = pattern.matcher(text);
      List<Value> out = new ArrayList<>();
      int last = 0;
      while (matcher.find()) {
        call.evaluator().step();
        out.add(call.str(text.substring(last, matcher.start())));
        out.add(BuiltinCall.listOf(groups(call, matcher)));
        last = matcher.end();
      }
      out.add(call.str(text.substring(last)));
      return BuiltinCall.listOf(out);
    });
  }

  private static List<Value> groups(BuiltinCall call, Matcher matcher) {
    List<Value> groups = new ArrayList<>();
    for (int i = 1; i <= matcher.groupCount(); i++) {
      String group = matcher.group(i);
      groups.add(group == null ? new Value.Null() : call.str(group));
    }
    return groups;
  }

  private static Pattern compile(BuiltinCall call, String regex) {
    Matcher classes = CLASS.matcher(regex);
    StringBuilder java = new StringBuilder();
    while (classes.find()) {
      String translated = CLASSES.get(classes.group(1));
      classes.appendReplacement(java, Matcher.quoteReplacement(translated == null ? classes.group() : translated));
    }
    classes.appendTail(java);
    try {
      return Pattern.compile(java.toString(), Pattern.DOTALL); // POSIX "." matches a newline too
    } catch (PatternSyntaxException e) {
      throw call.fail("invalid regular expression '" + regex + "'");
    }
  }
}
