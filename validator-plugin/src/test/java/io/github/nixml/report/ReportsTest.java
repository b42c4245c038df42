package io.github.nixml.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportsTest {
  @TempDir Path root;

  private static final ToolInfo TOOL = new ToolInfo("nixml", "1.2.3", ToolInfo.INFORMATION_URI);
  private static final RuleDescriptor A = RuleDescriptor.of("rule-a", Severity.ERROR, "A <fails> & \"quotes\"");
  private static final RuleDescriptor B = RuleDescriptor.of("rule-b", Severity.WARNING, "B warns");

  private ValidationResult sample() {
    Finding mismatch = new Finding("rule-a", Severity.ERROR, "bad <thing> & \"x\" \u0001 end",
        Location.range("apps/my app/flake.nix", 3, 5, 3, 9), List.of(Location.of("apps/my app/.python-version", 1, 1)));
    Finding missing = new Finding("rule-b", Severity.WARNING, "no file", Location.wholeFile("apps/b/.envrc"));
    Finding loose = new Finding("rule-a", Severity.NOTE, "loose file", Location.of("lib/x.nix", 1, 2));
    return new ValidationResult(root, List.of("apps/b", "apps/my app"), List.of(A, B),
        List.of(missing, mismatch, loose), 3, List.of());
  }

  @Test
  void sarifHasTheRequiredStructure() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SarifReport.write(sample(), TOOL, out);
    JsonNode sarif = new ObjectMapper().readTree(out.toByteArray());

    assertThat(sarif.get("$schema").asText()).contains("sarif-2.1.0");
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = sarif.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertThat(driver.get("name").asText()).isEqualTo("nixml");
    assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
    assertThat(driver.get("informationUri").asText()).startsWith("https://");
    JsonNode rule = driver.get("rules").get(0);
    assertThat(rule.get("id").asText()).isEqualTo("rule-a");
    assertThat(rule.get("name").asText()).isEqualTo("RuleA");
    assertThat(rule.get("shortDescription").get("text").asText()).isEqualTo("A <fails> & \"quotes\"");
    assertThat(rule.get("helpUri").asText()).endsWith("docs/rules.md#rule-a");
    assertThat(rule.get("defaultConfiguration").get("level").asText()).isEqualTo("error");
    assertThat(run.get("originalUriBaseIds").get("ROOT").get("uri").asText())
        .isEqualTo(root.toUri().toString().endsWith("/") ? root.toUri().toString() : root.toUri() + "/");

    JsonNode results = run.get("results");
    assertThat(results).hasSize(3);
    JsonNode first = results.get(0);
    assertThat(first.get("ruleId").asText()).isEqualTo("rule-b");
    assertThat(first.get("ruleIndex").asInt()).isEqualTo(1);
    assertThat(first.get("level").asText()).isEqualTo("warning");
    JsonNode wholeFile = first.get("locations").get(0).get("physicalLocation");
    assertThat(wholeFile.get("artifactLocation").get("uri").asText()).isEqualTo("apps/b/.envrc");
    // A whole-file finding is placed at the file's start: every SARIF result has a region.
    assertThat(wholeFile.get("region").get("startLine").asInt()).isEqualTo(1);
    assertThat(wholeFile.get("region").get("startColumn").asInt()).isEqualTo(1);
    assertThat(wholeFile.get("region").get("properties").get("wholeFile").asBoolean()).isTrue();
    assertThat(first.get("partialFingerprints").get(Fingerprints.KEY).asText()).matches("[0-9a-f]{32}:1");
    assertThat(first.has("baselineState")).as("no baseline given").isFalse();

    JsonNode second = results.get(1);
    assertThat(second.get("ruleIndex").asInt()).isZero();
    assertThat(second.get("message").get("text").asText()).isEqualTo("bad <thing> & \"x\" \u0001 end");
    JsonNode physical = second.get("locations").get(0).get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo("apps/my%20app/flake.nix");
    assertThat(physical.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("ROOT");
    assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(3);
    assertThat(physical.get("region").get("startColumn").asInt()).isEqualTo(5);
    assertThat(physical.get("region").get("endColumn").asInt()).isEqualTo(9);
    assertThat(second.get("relatedLocations").get(0).get("physicalLocation").get("artifactLocation").get("uri")
        .asText()).isEqualTo("apps/my%20app/.python-version");
    assertThat(results.get(2).get("level").asText()).isEqualTo("note");
  }

  @Test
  void junitIsWellFormedWithASuitePerProjectAndACasePerRule() throws Exception {
    StringWriter out = new StringWriter();
    JunitReport.write(sample(), out);
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));

    NodeList suites = xml.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(3); // ".", apps/b, apps/my app
    Element root = (Element) suites.item(0);
    assertThat(root.getAttribute("name")).isEqualTo(".");
    // The root's one finding is a note: its testcase passes and carries the note as output.
    assertThat(root.getAttribute("failures")).isEqualTo("0");
    Element noted = (Element) root.getElementsByTagName("testcase").item(0);
    assertThat(noted.getAttribute("classname")).isEqualTo(".");
    assertThat(noted.getAttribute("name")).isEqualTo("rule-a");
    assertThat(noted.getElementsByTagName("failure").getLength()).isZero();
    assertThat(noted.getElementsByTagName("system-out").item(0).getTextContent())
        .isEqualTo("lib/x.nix:1:2: note: [rule-a] loose file");
    Element app = (Element) suites.item(2);
    assertThat(app.getAttribute("name")).isEqualTo("apps/my app");
    assertThat(app.getElementsByTagName("testcase").getLength()).isEqualTo(2);
    assertThat(((Element) app.getElementsByTagName("testcase").item(0)).getAttribute("classname"))
        .isEqualTo("apps/my app");
    Element failure = (Element) app.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("error");
    assertThat(failure.getAttribute("message")).isEqualTo("bad <thing> & \"x\" \uFFFD end");
    assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("2");
  }

  @Test
  void jsonListsSummaryAndFindings() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonReport.write(sample(), TOOL, out);
    JsonNode json = new ObjectMapper().readTree(out.toByteArray());
    assertThat(json.get("summary").get("errors").asInt()).isEqualTo(1);
    assertThat(json.get("summary").get("warnings").asInt()).isEqualTo(1);
    assertThat(json.get("summary").get("notes").asInt()).isEqualTo(1);
    assertThat(json.get("findings").get(1).get("location").get("line").asInt()).isEqualTo(3);
    assertThat(json.get("findings").get(0).get("location").has("line")).isFalse();
  }

  @Test
  void consoleLinesAndSummary() {
    ValidationResult result = sample();
    assertThat(ConsoleReport.lines(result)).containsExactly(
        "apps/b/.envrc: warning: [rule-b] no file",
        "apps/my app/flake.nix:3:5: error: [rule-a] bad <thing> & \"x\" \u0001 end",
        "lib/x.nix:1:2: note: [rule-a] loose file");
    assertThat(ConsoleReport.summary(result, io.github.nixml.validate.FailOn.WARNING))
        .isEqualTo("nixml: 2 projects, 3 Nix files: 1 error, 1 warning, 1 note (2 at or above warning)");
  }

  @Test
  void twoRunsOnTheSameTreeWriteByteIdenticalReports() throws Exception {
    Path tree = root.resolve("tree");
    for (int i = 0; i < 30; i++) {
      Path project = tree.resolve("p" + i);
      Files.createDirectories(project);
      Files.writeString(project.resolve("flake.nix"), "{ }\n");
      Files.writeString(project.resolve(".python-version"), i % 2 == 0 ? "3.12\n" : "3.12 # x\n");
      Files.writeString(project.resolve("pyproject.toml"), "[project]\nrequires-python = \">=3.13\"\n");
    }
    Validator validator = new Validator(BuiltInRules.registry());
    Set<ReportFormat> all = EnumSet.allOf(ReportFormat.class);
    ReportWriter writer = new ReportWriter(TOOL);
    List<Path> first = writer.write(validator.validate(new ValidationRequest(tree, ValidationConfig.defaults())),
        all, root.resolve("out1"));
    List<Path> second = writer.write(validator.validate(new ValidationRequest(tree, ValidationConfig.defaults())),
        all, root.resolve("out2"));
    assertThat(first).hasSize(4);
    for (int i = 0; i < first.size(); i++) {
      assertThat(Files.readAllBytes(first.get(i))).isEqualTo(Files.readAllBytes(second.get(i)));
    }
    assertThat(Files.readString(first.get(0))).contains("requires-python-mismatch");
    try (var leftovers = Files.list(root.resolve("out1"))) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "nixml.sarif", "nixml-junit.xml", "nixml.json", "nixml.html");
    }
  }

  @Test
  void anUnwritableOutputDirectoryIsAnIoErrorAndLeavesNoTemporaryFiles() throws Exception {
    Path blocker = root.resolve("blocker");
    Files.writeString(blocker, "a file where the directory should be");
    assertThatThrownBy(() -> new ReportWriter(TOOL).write(sample(), EnumSet.of(ReportFormat.SARIF),
        blocker.resolve("nixml"))).isInstanceOf(java.io.IOException.class);
    assertThat(new ReportWriter(TOOL).write(sample(), EnumSet.of(ReportFormat.TEXT), blocker.resolve("x"))).isEmpty();
  }

  @Test
  void formatsParseWithAClearError() {
    assertThat(ReportFormat.parseList(" text, SARIF ,,json")).containsExactlyInAnyOrder(
        ReportFormat.TEXT, ReportFormat.SARIF, ReportFormat.JSON);
    assertThat(ReportFormat.parseList("html")).containsExactly(ReportFormat.HTML);
    assertThatThrownBy(() -> ReportFormat.parseList("text,pdf"))
        .hasMessageContaining("unknown report format 'pdf'");
  }

  @Test
  void relativeUrisStayRelative() {
    assertThat(SarifReport.relativeUri("a b/c#d.nix")).isEqualTo("a%20b/c%23d.nix");
    assertThat(SarifReport.relativeUri("c:weird/flake.nix")).isEqualTo("./c:weird/flake.nix");
    assertThat(SarifReport.relativeUri("caf\u00e9/flake.nix")).isEqualTo("caf%C3%A9/flake.nix");
  }
}
