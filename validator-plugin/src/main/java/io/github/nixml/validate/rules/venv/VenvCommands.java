package io.github.nixml.validate.rules.venv;

import java.util.regex.Pattern;

/** Shell commands that create or activate a Python venv, as hooks and FHS profiles write them. */
final class VenvCommands {
  private static final Pattern CREATES = Pattern.compile(
      "\\bpython[0-9.]*\\s+-m\\s+venv\\b|\\buv\\s+venv\\b|\\bvirtualenv\\b");
  private static final Pattern ACTIVATES = Pattern.compile("(^|[\\s;&])(source|\\.)\\s+\\S*bin/activate");

  private VenvCommands() {}

  static boolean createsOrActivates(String script) {
    return CREATES.matcher(script).find() || ACTIVATES.matcher(script).find();
  }

  static boolean activates(String script) {
    return ACTIVATES.matcher(script).find();
  }
}
