package io.github.nixml.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.fix.Fix;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.ValidationResult;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finding's fix in each report: SARIF {@code fixes}, the JSON {@code fix}, the console's "(fixable)". */
class FixReportsTest {
  @TempDir Path root;

  private ValidationResult sample() {
    Fix fix = Fix.of("pin 3.11 in .python-version and say so",
        TextEdit.replace("apps/my app/.python-version", 0, 4, "3.11"),
        TextEdit.insert("apps/my app/flake.nix", 10, "# pinned\n"));
    Finding fixable = new Finding("rule-a", Severity.ERROR, "mismatch", Location.of("apps/my app/flake.nix", 3, 5),
        List.of(), Optional.of(fix));
    Finding plain = new Finding("rule-a", Severity.WARNING, "no fix", Location.wholeFile("apps/my app/.envrc"));
    return new ValidationResult(root, List.of("apps/my app"),
        List.of(RuleDescriptor.of("rule-a", Severity.ERROR, "A")), List.of(plain, fixable), 1, List.of());
  }

  @Test
  void sarifCarriesTheFixAsArtifactChanges() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SarifReport.write(sample(), new ToolInfo("nixml", "1", ToolInfo.INFORMATION_URI), out);
    JsonNode results = new ObjectMapper().readTree(out.toByteArray()).get("runs").get(0).get("results");

    assertThat(results.get(0).has("fixes")).isFalse();
    JsonNode fix = results.get(1).get("fixes").get(0);
    assertThat(fix.get("description").get("text").asText()).isEqualTo("pin 3.11 in .python-version and say so");
    JsonNode changes = fix.get("artifactChanges");
    assertThat(changes).hasSize(2);
    JsonNode versionChange = changes.get(0);
    assertThat(versionChange.get("artifactLocation").get("uri").asText()).isEqualTo("apps/my%20app/.python-version");
    assertThat(versionChange.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("ROOT");
    JsonNode replacement = versionChange.get("replacements").get(0);
    assertThat(replacement.get("deletedRegion").get("charOffset").asInt()).isZero();
    assertThat(replacement.get("deletedRegion").get("charLength").asInt()).isEqualTo(4);
    assertThat(replacement.get("insertedContent").get("text").asText()).isEqualTo("3.11");
    JsonNode insertion = changes.get(1).get("replacements").get(0);
    assertThat(insertion.get("deletedRegion").get("charLength").asInt()).isZero();
    assertThat(insertion.get("insertedContent").get("text").asText()).isEqualTo("# pinned\n");
  }

  @Test
  void jsonAndConsoleShowTheFix() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonReport.write(sample(), new ToolInfo("nixml", "1", ToolInfo.INFORMATION_URI), out);
    JsonNode findings = new ObjectMapper().readTree(out.toByteArray()).get("findings");
    assertThat(findings.get(0).has("fix")).isFalse();
    JsonNode fix = findings.get(1).get("fix");
    assertThat(fix.get("description").asText()).startsWith("pin 3.11");
    assertThat(fix.get("edits").get(1).get("path").asText()).isEqualTo("apps/my app/flake.nix");
    assertThat(fix.get("edits").get(1).get("offset").asInt()).isEqualTo(10);
    assertThat(fix.get("edits").get(1).get("replacement").asText()).isEqualTo("# pinned\n");

    assertThat(ConsoleReport.render(sample(), FailOn.ERROR)).contains(
        "apps/my app/.envrc: warning: [rule-a] no fix\n",
        "apps/my app/flake.nix:3:5: error: [rule-a] mismatch (fixable)\n");
  }
}
