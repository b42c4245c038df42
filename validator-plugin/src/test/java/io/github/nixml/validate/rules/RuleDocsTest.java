package io.github.nixml.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.validate.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every registered rule has its page in docs/rules.md, where SARIF's helpUri sends users. */
class RuleDocsTest {

  @Test
  void everyRuleHasASectionAndATableRowWithItsDefaultSeverity() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "rules.md"), StandardCharsets.UTF_8);
    for (Rule rule : BuiltInRules.registry().all()) {
      String id = rule.descriptor().id();
      assertThat(docs).as("section for " + id).contains("\n## " + id + "\n");
      assertThat(docs).as("summary row for " + id)
          .contains("| [" + id + "](#" + id + ") | " + rule.descriptor().defaultSeverity().id() + " |");
    }
  }
}
