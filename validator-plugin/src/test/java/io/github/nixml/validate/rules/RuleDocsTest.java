package io.github.nixml.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.validate.Rule;
import io.github.nixml.validate.RuleDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every registered rule has its section in docs/rules.md (where SARIF's helpUri sends users), packaged with the
 * plugin for {@code nixml explain}, and a row in the summary table.
 */
class RuleDocsTest {

  @Test
  void everyRuleHasItsPackagedSectionVerbatimInRulesMdAndATableRow() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "rules.md"), StandardCharsets.UTF_8);
    for (Rule rule : BuiltInRules.registry().all()) {
      String id = rule.descriptor().id();
      String section = RuleDocs.of(id).orElseThrow(() -> new AssertionError("no section ## " + id));
      assertThat(section).as("section of " + id).startsWith("## " + id + "\n").contains("**Fix");
      assertThat(docs).as("the packaged page is docs/rules.md").contains(section.stripTrailing());
      assertThat(docs).as("summary row for " + id)
          .contains("| [" + id + "](#" + id + ") | " + rule.descriptor().defaultSeverity().id() + " |");
    }
  }

  @Test
  void everyDoctorCheckHasItsSectionWithFiresWhenAndATableRow() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "rules.md"), StandardCharsets.UTF_8);
    for (io.github.nixml.doctor.DoctorCheck check : io.github.nixml.doctor.DoctorCheck.values()) {
      String id = check.id();
      String section = RuleDocs.of(id).orElseThrow(() -> new AssertionError("no section ## " + id));
      assertThat(section).as("section of " + id).startsWith("## " + id + "\n").contains("**Fires when:**")
          .contains("**Fix");
      assertThat(docs).as("the packaged page is docs/rules.md").contains(section.stripTrailing());
      assertThat(docs).as("doctor table row for " + id)
          .contains("| [" + id + "](#" + id + ") | " + check.descriptor().defaultSeverity().id() + " |");
    }
  }

  @Test
  void unknownIdsHaveNoDocumentation() {
    assertThat(RuleDocs.of("no-such-rule")).isEmpty();
    assertThat(RuleDocs.of("../rules")).isEmpty();
  }
}
