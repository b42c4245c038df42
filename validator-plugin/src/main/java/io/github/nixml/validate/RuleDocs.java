package io.github.nixml.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Each rule's documentation (what it checks, what it prevents, when it fires, a bad and a good example, the fix):
 * its {@code ## rule-id} section of docs/rules.md, which the build packages as {@code /nixml/rules.md}. One text,
 * read by people on the published page and by {@code nixml explain}, so the two never disagree.
 */
public final class RuleDocs {
  private static final String RESOURCE = "/nixml/rules.md";

  private RuleDocs() {}

  /** The rule's section, from its {@code ## rule-id} heading to the next such heading; empty for an unknown id. */
  public static Optional<String> of(String ruleId) {
    if (!ruleId.matches("[a-z][a-z0-9-]*")) {
      return Optional.empty();
    }
    String docs = rulesPage();
    String heading = "## " + ruleId + "\n";
    int start = docs.startsWith(heading) ? 0 : docs.indexOf("\n" + heading);
    if (start < 0) {
      return Optional.empty();
    }
    start = docs.indexOf(heading, start);
    int end = docs.indexOf("\n## ", start + heading.length());
    return Optional.of(docs.substring(start, end < 0 ? docs.length() : end + 1).stripTrailing() + "\n");
  }

  private static String rulesPage() {
    try (InputStream in = RuleDocs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the plugin jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
