package io.github.nixml.archetype.generate;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A property the archetypes constrain. Maven checks archetype-metadata's validationRegex only when it prompts, so
 * batch mode is checked here, with the same patterns (keep both in step).
 */
public enum ArchetypeProperty {
  PACKAGE("package", "[A-Za-z_][A-Za-z0-9_]*",
      "a Python identifier: ASCII letters, digits and _, not starting with a digit, not a Python keyword"),
  PYTHON_VERSION("pythonVersion", "3\\.1[0-4]", "one of 3.10, 3.11, 3.12, 3.13, 3.14"),
  CUDA("cuda", "true|false", "true or false"),
  NIXPKGS_BRANCH("nixpkgsBranch",
      NixpkgsBranchChoice.NEWEST_RELEASE + "|nixos-[0-9]{2}\\.[0-9]{2}(-small)?|nixos-unstable|nixpkgs-unstable",
      NixpkgsBranchChoice.NEWEST_RELEASE + " (the default), nixos-YY.MM or nixos-YY.MM-small naming a NixOS release,"
          + " nixos-unstable or nixpkgs-unstable"),
  SHELL("shell", "bash|zsh|fish", "bash, zsh or fish");

  static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
      "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
      "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
      "while", "with", "yield");

  private final String key;
  private final Pattern pattern;
  private final String allowedForm;

  ArchetypeProperty(String key, String pattern, String allowedForm) {
    this.key = key;
    this.pattern = Pattern.compile(pattern);
    this.allowedForm = allowedForm;
  }

  public String key() {
    return key;
  }

  public String allowedForm() {
    return allowedForm;
  }

  /** What is wrong with this property's value, if it is set and invalid. */
  public Optional<String> problem(Properties properties) {
    String value = properties.getProperty(key);
    if (value == null || accepts(value)) {
      return Optional.empty();
    }
    return Optional.of(PostGeneration.problem(key, value, allowedForm));
  }

  boolean accepts(String value) {
    return pattern.matcher(value).matches() && !(this == PACKAGE && PYTHON_KEYWORDS.contains(value));
  }
}
