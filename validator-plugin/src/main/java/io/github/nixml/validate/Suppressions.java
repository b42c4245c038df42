package io.github.nixml.validate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # nixml: ignore <rule-id>[, <rule-id>…]} on a finding's line, or alone on the line above, silences that
 * rule there. Works in every {@code #}-comment file the validator reads (Nix, TOML, .python-version, .gitignore,
 * .envrc); whole-file findings cannot be suppressed this way (use the rule's severity {@code off}).
 */
final class Suppressions {
  private static final Pattern IGNORE = Pattern.compile("#\\s*nixml:\\s*ignore\\s+([a-z0-9][a-z0-9-]*(?:\\s*,\\s*[a-z0-9][a-z0-9-]*|\\s+[a-z0-9][a-z0-9-]*)*)");

  private Suppressions() {}

  static boolean isSuppressed(Finding finding, SourceCache sources) {
    Location location = finding.location();
    if (location.isWholeFile()) {
      return false;
    }
    SourceFile file = sources.ifRead(location.path()).orElse(null);
    if (file == null || !file.isPresent()) {
      return false;
    }
    return mentions(file.line(location.line()), finding.ruleId())
        || mentions(file.line(location.line() - 1), finding.ruleId());
  }

  static boolean mentions(String line, String ruleId) {
    if (line.indexOf('#') < 0) {
      return false;
    }
    Matcher matcher = IGNORE.matcher(line);
    while (matcher.find()) {
      for (String id : matcher.group(1).split("[\\s,]+")) {
        if (id.equals(ruleId)) {
          return true;
        }
      }
    }
    return false;
  }
}
