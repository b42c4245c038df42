package io.github.nixml.validate;

import java.util.Objects;
import java.util.regex.Pattern;

/** What a rule is: stable kebab-case id, default severity, one-line description and its documentation page. */
public record RuleDescriptor(String id, Severity defaultSeverity, String shortDescription, String helpUri) {

  /** Where docs/rules.md is published; each rule has an anchor named after its id. */
  public static final String RULES_DOC = "https://github.com/nixml/nixml/blob/main/docs/rules.md";

  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public RuleDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    Objects.requireNonNull(shortDescription, "shortDescription");
    Objects.requireNonNull(helpUri, "helpUri");
    if (!KEBAB.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id must be kebab-case: " + id);
    }
  }

  /** The id in Pascal case, SARIF's friendly rule name: {@code nix-syntax} is {@code NixSyntax}. */
  public String name() {
    StringBuilder name = new StringBuilder(id.length());
    for (String word : id.split("-")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
    }
    return name.toString();
  }

  /** A descriptor whose help points at {@code docs/rules.md#<id>}. */
  public static RuleDescriptor of(String id, Severity defaultSeverity, String shortDescription) {
    return new RuleDescriptor(id, defaultSeverity, shortDescription, RULES_DOC + "#" + id);
  }
}
