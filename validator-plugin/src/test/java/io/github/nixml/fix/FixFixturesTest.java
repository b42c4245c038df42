package io.github.nixml.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.Oracle;
import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Fixer;
import io.github.nixml.validate.Rule;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code nixml:fix}'s engine on every case folder {@code src/test/resources/fixes/<rule-id>/<case>/} with
 * only that rule enabled: the rule must fire with a fix; afterwards every file under {@code expected/} must hold
 * exactly that text and every other file must be unchanged; the rule must be silent; every Nix file must be
 * accepted by our parser and by {@code nix-instantiate --parse}, every TOML file by tomllib; and a second run
 * must change nothing.
 */
class FixFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixes");
  private static final String EXPECTED = "expected";

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> rules = Files.list(FIXTURES)) {
      for (Path ruleDir : rules.sorted().collect(Collectors.toList())) {
        try (Stream<Path> caseDirs = Files.list(ruleDir)) {
          for (Path caseDir : caseDirs.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
            cases.add(Arguments.of(Named.of(ruleDir.getFileName() + "/" + caseDir.getFileName(), caseDir)));
          }
        }
      }
    }
    return cases.stream();
  }

  @TempDir Path tempDir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fixingYieldsTheExpectedFilesAndSilencesTheRule(Path caseDir) throws Exception {
    String ruleId = caseDir.getParent().getFileName().toString();
    Path project = tempDir.resolve(caseDir.getFileName().toString());
    copy(caseDir, project);
    Map<String, String> before = snapshot(project);
    ValidationConfig config = onlyRule(ruleId, caseDir);
    Validator validator = new Validator(BuiltInRules.registry());

    List<Finding> found = findings(validator.validate(new ValidationRequest(project, config)), ruleId);
    assertThat(found).as("the rule fires").isNotEmpty();
    assertThat(found).as("every finding of %s offers a fix", ruleId).allMatch(f -> f.fix().isPresent());

    Fixer.FixResult result = new Fixer(validator, FailOn.ERROR).fix(new ValidationRequest(project, config), false);
    assertThat(result.notes()).as("notes").isEmpty();
    Map<String, String> after = snapshot(project);
    Map<String, String> expected = new TreeMap<>(before);
    expected.putAll(snapshot(caseDir.resolve(EXPECTED)));
    assertThat(after).as("files after the fix").isEqualTo(expected);
    assertThat(findings(result.after(), ruleId)).as("the rule is silent afterwards").isEmpty();

    for (Map.Entry<String, String> file : after.entrySet()) {
      Path path = project.resolve(file.getKey());
      if (file.getKey().endsWith(".nix")) {
        assertThat(NixEdits.diagnosticsAfter(file.getValue())).as("our parser on " + file.getKey()).isEmpty();
        Oracle.Verdict verdict = Oracle.NIX_PARSE.check(path);
        assertThat(verdict.accepted()).as("nix-instantiate --parse %s: %s", file.getKey(), verdict.output()).isTrue();
      } else if (file.getKey().endsWith(".toml")) {
        Oracle.Verdict verdict = Oracle.TOMLLIB.check(path);
        assertThat(verdict.accepted()).as("tomllib on %s: %s", file.getKey(), verdict.output()).isTrue();
      }
    }

    Fixer.FixResult again = new Fixer(validator, FailOn.ERROR).fix(new ValidationRequest(project, config), false);
    assertThat(again.changes()).as("a second run changes nothing").isEmpty();
    assertThat(snapshot(project)).isEqualTo(after);
  }

  @Test
  void everyFixedFolderNamesARuleAndHoldsAnExpectedTree() throws IOException {
    try (Stream<Path> rules = Files.list(FIXTURES)) {
      for (Path ruleDir : rules.collect(Collectors.toList())) {
        assertThat(BuiltInRules.registry().find(ruleDir.getFileName().toString())).isPresent();
        try (Stream<Path> caseDirs = Files.list(ruleDir)) {
          List<Path> cases = caseDirs.collect(Collectors.toList());
          assertThat(cases).as("cases of " + ruleDir).isNotEmpty();
          assertThat(cases).as("a tricky case for " + ruleDir)
              .anyMatch(c -> c.getFileName().toString().startsWith("tricky-"));
          for (Path caseDir : cases) {
            assertThat(caseDir.resolve(EXPECTED)).as(caseDir + "/expected").isDirectory();
          }
        }
      }
    }
  }

  private static List<Finding> findings(ValidationResult result, String ruleId) {
    return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).collect(Collectors.toList());
  }

  /** Only {@code ruleId} enabled (plus the case's nixml.properties), on a fixed day. */
  static ValidationConfig onlyRule(String ruleId, Path caseDir) throws IOException {
    Map<String, String> settings = new TreeMap<>();
    settings.put("today", "2026-11-25");
    settings.put("disabledRules", BuiltInRules.all().stream().map(Rule::id).filter(id -> !id.equals(ruleId))
        .collect(Collectors.joining(",")));
    Path properties = caseDir.resolve("nixml.properties");
    if (Files.exists(properties)) {
      Properties loaded = new Properties();
      try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
        loaded.load(reader);
      }
      loaded.stringPropertyNames().forEach(key -> settings.put(key, loaded.getProperty(key)));
    }
    return ValidationConfig.builder().setAll(settings).build();
  }

  /** Copies a case's input files (not expected/ nor nixml.properties). */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.sorted().collect(Collectors.toList())) {
        String relative = from.relativize(source).toString().replace('\\', '/');
        if (relative.equals(EXPECTED) || relative.startsWith(EXPECTED + "/") || relative.equals("nixml.properties")) {
          continue;
        }
        Path target = to.resolve(relative);
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  /** Every regular file under {@code dir} by relative path, with its text. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path file : paths.filter(Files::isRegularFile).collect(Collectors.toList())) {
        files.put(dir.relativize(file).toString().replace('\\', '/'),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
