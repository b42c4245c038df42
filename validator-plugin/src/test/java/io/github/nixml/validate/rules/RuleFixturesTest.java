package io.github.nixml.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Rule;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * Runs the whole engine on every fixture case folder {@code src/test/resources/rules/<rule-id>/<case>/} and
 * compares that rule's findings with the case's {@code expected.txt}: per line
 * {@code path:line:col: severity: [rule-id] message} ({@code path: severity: [rule-id] message} for a whole-file
 * finding). A message ending in {@code …} pins only the text before it. The fixtures are read from the source tree,
 * not the test classpath, because resource copying drops dotfiles such as {@code .gitignore}.
 *
 * <p>After a deliberate change of messages, {@code -Dnixml.updateFixtures=true} rewrites the expected.txt files from
 * the findings; review the diff before committing it.
 */
class RuleFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/rules");
  private static final Validator VALIDATOR = new Validator(BuiltInRules.registry());

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> rules = Files.list(FIXTURES)) {
      for (Path ruleDir : rules.sorted().collect(Collectors.toList())) {
        try (Stream<Path> caseDirs = Files.list(ruleDir)) {
          for (Path caseDir : caseDirs.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
            String name = ruleDir.getFileName() + "/" + caseDir.getFileName();
            cases.add(Arguments.of(Named.of(name, caseDir)));
          }
        }
      }
    }
    return cases.stream();
  }

  @TempDir Path tempDir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseYieldsExactlyTheExpectedFindings(Path caseDir) throws Exception {
    String ruleId = caseDir.getParent().getFileName().toString();
    String caseName = caseDir.getFileName().toString();
    assertThat(BuiltInRules.registry().find(ruleId)).as("fixture folder names a registered rule").isPresent();
    assertThat(caseName).as("case names start with bad-, good- or tricky-").matches("(bad|good|tricky)-.+");

    // Validate a copy outside this git work tree, so the repository's own .gitignore cannot leak in.
    Path copy = copyTree(caseDir, tempDir.resolve(caseName));
    ValidationResult result = VALIDATOR.validate(new ValidationRequest(copy, config(caseDir)));
    List<String> actual = result.findings().stream()
        .filter(f -> f.ruleId().equals(ruleId))
        .map(f -> expectedForm(f) + " " + f.message())
        .collect(Collectors.toList());
    if (Boolean.getBoolean("nixml.updateFixtures")) {
      Files.write(caseDir.resolve("expected.txt"), actual, StandardCharsets.UTF_8);
    }
    List<String> expected = Files.readAllLines(caseDir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.toList());
    for (String line : expected) {
      assertThat(line).as("an expected finding pins its message").matches(".*\\] \\S.*");
    }
    for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
      String line = expected.get(i);
      if (line.endsWith("…") && actual.get(i).startsWith(line.substring(0, line.length() - 1))) {
        actual.set(i, line); // the case pins only the start of the message
      }
    }

    assertThat(actual)
        .as("findings of %s in %s (full: %s)", ruleId, caseName, result.findings())
        .containsExactlyElementsOf(expected);
    if (caseName.startsWith("good-")) {
      assertThat(expected).as("a good- case stays silent").isEmpty();
    } else if (caseName.startsWith("bad-")) {
      assertThat(expected).as("a bad- case fires").isNotEmpty();
    }
  }

  @Test
  void everyRuleHasBadGoodAndTrickyCases() throws IOException {
    for (Rule rule : BuiltInRules.all()) {
      Path ruleDir = FIXTURES.resolve(rule.id());
      assertThat(ruleDir).as("fixture folder of " + rule.id()).isDirectory();
      try (Stream<Path> caseDirs = Files.list(ruleDir)) {
        List<String> names = caseDirs.map(p -> p.getFileName().toString()).collect(Collectors.toList());
        for (String prefix : List.of("bad-", "good-", "tricky-")) {
          assertThat(names).as(rule.id() + " cases").anyMatch(name -> name.startsWith(prefix));
        }
      }
    }
  }

  /** Copies a case folder (links as links), leaving out the test's own files. */
  static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.sorted().collect(Collectors.toList())) {
        Path target = to.resolve(from.relativize(source).toString());
        String name = source.getFileName().toString();
        if (source.getParent() != null && source.getParent().equals(from)
            && (name.equals("expected.txt") || name.equals("nixml.properties"))) {
          continue;
        }
        if (Files.isSymbolicLink(source)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(source));
        } else if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }

  static String expectedForm(Finding finding) {
    return finding.location() + ": " + finding.severity().id() + ": [" + finding.ruleId() + "]";
  }

  /** The case's nixml.properties, with a fixed date so date-dependent rules are reproducible. */
  static ValidationConfig config(Path caseDir) throws IOException {
    Map<String, String> settings = new TreeMap<>();
    settings.put("today", LocalDate.of(2026, 11, 25).toString());
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
}
