package io.github.nixml.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Each rule's documentation (what it checks, what it prevents, a bad and a good example, the fix), one Markdown
 * file per rule id packaged with the rules. docs/rules.md holds exactly these sections (a test compares them), so
 * {@code nixml explain} and the published page never disagree.
 */
public final class RuleDocs {
  private static final String FOLDER = "/nixml-rules/";

  private RuleDocs() {}

  /** The rule's section, starting with its {@code ## rule-id} heading; empty for an unknown id. */
  public static Optional<String> of(String ruleId) {
    if (!ruleId.matches("[a-z][a-z0-9-]*")) {
      return Optional.empty();
    }
    try (InputStream in = RuleDocs.class.getResourceAsStream(FOLDER + ruleId + ".md")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the documentation of " + ruleId, e);
    }
  }
}
