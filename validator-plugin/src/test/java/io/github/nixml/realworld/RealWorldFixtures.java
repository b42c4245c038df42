package io.github.nixml.realworld;

import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real-world fixture projects under {@code src/test/resources/realworld/<name>/}: each a project root with the
 * files such a project has, a one-line {@code SHAPE} and {@code expected-findings.txt} (what a correct validator
 * reports at note, warning or error level, one {@code path:line:col: severity: [rule-id]} or
 * {@code path: severity: [rule-id]} per line). Read from the source tree, because resource copying drops dotfiles.
 */
final class RealWorldFixtures {
  static final Path ROOT = Path.of("src/test/resources/realworld");
  static final String EXPECTED = "expected-findings.txt";
  static final String SHAPE = "SHAPE";

  /** The date the lock rules judge on, so that the fixtures' locks stay fresh and their branches supported. */
  static final String TODAY = "2026-11-25";

  /** Checks proposed for the shapes these fixtures show, not yet rules: their ids are used in expected findings. */
  static final Set<String> PROPOSED_RULE_IDS = Set.of(
      "uv-python-mismatch", "python-packages-mismatch", "env-var-unset-source", "venv-stale",
      "uv-lock-python-excluded", "nixpkgs-ref-missing");

  private static final Pattern EXPECTED_LINE =
      Pattern.compile("(?<path>[^:]+)(?::(?<line>\\d+):(?<col>\\d+))?: (?<severity>error|warning|note): \\[(?<rule>[a-z0-9-]+)\\]");

  private static final Validator VALIDATOR = new Validator(BuiltInRules.registry());

  /** One finding as the fixtures write it. */
  record ExpectedFinding(String text, Severity severity, String ruleId) {
    static ExpectedFinding parse(String line) {
      Matcher matcher = EXPECTED_LINE.matcher(line);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("not a finding line: '" + line + "'");
      }
      return new ExpectedFinding(line, Severity.parse(matcher.group("severity")), matcher.group("rule"));
    }

    static ExpectedFinding of(Finding finding) {
      return new ExpectedFinding(finding.location() + ": " + finding.severity().id() + ": [" + finding.ruleId() + "]",
          finding.severity(), finding.ruleId());
    }

    /** Warnings and errors gate the build; notes are informational. */
    boolean gates() {
      return severity != Severity.NOTE;
    }
  }

  private RealWorldFixtures() {}

  /**
   * {@code KNOWN-MISSES.txt}: {@code fixture: finding — why the validator cannot see it yet}, one per line; by fixture,
   * the finding texts.
   */
  static Map<String, List<String>> knownMisses() throws IOException {
    Map<String, List<String>> known = new TreeMap<>();
    for (String line : Files.readAllLines(ROOT.resolve("KNOWN-MISSES.txt"), StandardCharsets.UTF_8)) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      int colon = entry.indexOf(": ");
      int why = entry.indexOf(" — ");
      if (colon < 0 || why < colon) {
        throw new IllegalArgumentException("KNOWN-MISSES.txt: not 'fixture: finding — why': '" + line + "'");
      }
      known.computeIfAbsent(entry.substring(0, colon), k -> new ArrayList<>())
          .add(entry.substring(colon + 2, why).strip());
    }
    return known;
  }

  static List<Path> all() {
    try (Stream<Path> entries = Files.list(ROOT)) {
      return entries.filter(Files::isDirectory).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ExpectedFinding> expected(Path fixture) throws IOException {
    return Files.readAllLines(fixture.resolve(EXPECTED), StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .map(ExpectedFinding::parse)
        .collect(Collectors.toList());
  }

  /** Validates a copy of the fixture made under {@code scratch} (outside this work tree, whose .gitignore would leak in). */
  static List<Finding> validate(Path fixture, Path scratch) throws IOException, ValidationException {
    Path copy = copyProject(fixture, scratch.resolve(fixture.getFileName().toString()));
    ValidationConfig config = ValidationConfig.builder().set("today", TODAY).build();
    return VALIDATOR.validate(new ValidationRequest(copy, config)).findings();
  }

  /** Copies the project's own files, leaving out the fixture's bookkeeping ({@code SHAPE}, expected findings). */
  private static Path copyProject(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path relative = from.relativize(file);
        boolean bookkeeping = relative.getNameCount() == 1
            && (relative.toString().equals(EXPECTED) || relative.toString().equals(SHAPE));
        if (!bookkeeping) {
          Files.copy(file, to.resolve(relative.toString()));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return to;
  }
}
