package io.github.nixml.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.realworld.RealWorldFixtures.ExpectedFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The regression gate of the real-world fixtures, in every build: on each fixture the validator reports no warning
 * or error that is not expected (a false positive always fails), and misses none but those listed in
 * {@code KNOWN-MISSES.txt} (a shape the model leaves unknown, so the rule stays silent: the safe side). A listed miss
 * that is now found fails too, so the list only shrinks. Notes are measured, not gated. {@link #measurement()} writes
 * {@code target/realworld/measurement.md}: findings per rule, false positives and misses, per fixture (the source of
 * {@code BASELINE.md}).
 */
class RealWorldFixturesTest {
  private static final Path REPORT = Path.of("target/realworld/measurement.md");

  @TempDir Path scratch;

  static Stream<Arguments> fixtures() {
    return RealWorldFixtures.all().stream().map(dir -> Arguments.of(Named.of(dir.getFileName().toString(), dir)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void warningsAndErrorsAreExactlyTheExpectedOnes(Path fixture) throws Exception {
    Comparison comparison = compare(fixture, scratch);
    assertThat(comparison.falsePositives().stream().filter(ExpectedFinding::gates).map(ExpectedFinding::text))
        .as("false positives (reported, not expected) in %s", fixture.getFileName())
        .isEmpty();
    String name = fixture.getFileName().toString();
    List<String> known = RealWorldFixtures.knownMisses().getOrDefault(name, List.of());
    List<String> misses = comparison.misses().stream().filter(ExpectedFinding::gates).map(ExpectedFinding::text)
        .toList();
    assertThat(misses.stream().filter(miss -> !known.contains(miss)))
        .as("misses (expected, not reported, not in KNOWN-MISSES.txt) in %s", name)
        .isEmpty();
    assertThat(known.stream().filter(miss -> !misses.contains(miss)))
        .as("KNOWN-MISSES.txt lists findings of %s that are now reported: remove them from the list", name)
        .isEmpty();
  }

  @Test
  void measurement() throws Exception {
    List<Comparison> comparisons = new ArrayList<>();
    for (Path fixture : RealWorldFixtures.all()) {
      comparisons.add(compare(fixture, scratch));
    }
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, Measurement.markdown(comparisons), StandardCharsets.UTF_8);
    assertThat(comparisons).hasSize(RealWorldFixtures.all().size());
  }

  /** What one fixture was expected to yield and what the validator reported. */
  record Comparison(String fixture, List<ExpectedFinding> expected, List<ExpectedFinding> actual) {
    List<ExpectedFinding> falsePositives() {
      return minus(actual, expected);
    }

    List<ExpectedFinding> misses() {
      return minus(expected, actual);
    }

    List<ExpectedFinding> matched() {
      return minus(actual, falsePositives());
    }

    /** Multiset difference on the finding's text. */
    private static List<ExpectedFinding> minus(List<ExpectedFinding> from, List<ExpectedFinding> remove) {
      Map<String, Integer> left = new TreeMap<>();
      remove.forEach(f -> left.merge(f.text(), 1, Integer::sum));
      List<ExpectedFinding> rest = new ArrayList<>();
      for (ExpectedFinding finding : from) {
        if (left.getOrDefault(finding.text(), 0) > 0) {
          left.merge(finding.text(), -1, Integer::sum);
        } else {
          rest.add(finding);
        }
      }
      return rest;
    }
  }

  static Comparison compare(Path fixture, Path scratch) throws Exception {
    List<ExpectedFinding> actual = RealWorldFixtures.validate(fixture, scratch).stream()
        .map(ExpectedFinding::of)
        .collect(Collectors.toList());
    return new Comparison(fixture.getFileName().toString(), RealWorldFixtures.expected(fixture), actual);
  }

  /** The measurement as Markdown: counts by rule, then each fixture's differences. */
  static final class Measurement {
    private Measurement() {}

    static String markdown(List<Comparison> comparisons) throws IOException {
      Map<String, int[]> byRule = new TreeMap<>();
      for (Comparison c : comparisons) {
        c.actual().forEach(f -> count(byRule, f, 0));
        c.expected().forEach(f -> count(byRule, f, 1));
        c.matched().forEach(f -> count(byRule, f, 2));
        c.falsePositives().forEach(f -> count(byRule, f, 3));
        c.misses().forEach(f -> count(byRule, f, 4));
      }
      StringBuilder out = new StringBuilder();
      out.append("| rule | reported | expected | matched | false positives | misses |\n");
      out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
      int[] total = new int[5];
      for (Map.Entry<String, int[]> row : byRule.entrySet()) {
        int[] n = row.getValue();
        out.append("| `").append(row.getKey()).append("` |");
        for (int i = 0; i < n.length; i++) {
          out.append(' ').append(n[i]).append(" |");
          total[i] += n[i];
        }
        out.append('\n');
      }
      out.append("| **total** |");
      for (int n : total) {
        out.append(" **").append(n).append("** |");
      }
      out.append("\n\n");
      long gatingFalsePositives = comparisons.stream()
          .mapToLong(c -> c.falsePositives().stream().filter(ExpectedFinding::gates).count()).sum();
      long gatingMisses = comparisons.stream()
          .mapToLong(c -> c.misses().stream().filter(ExpectedFinding::gates).count()).sum();
      long exact = comparisons.stream()
          .filter(c -> c.falsePositives().stream().noneMatch(ExpectedFinding::gates)
              && c.misses().stream().noneMatch(ExpectedFinding::gates))
          .count();
      out.append("Fixtures: ").append(comparisons.size()).append("; exactly right at warning/error level: ")
          .append(exact).append("; warning/error false positives: ").append(gatingFalsePositives)
          .append("; warning/error misses: ").append(gatingMisses).append(".\n\n");
      out.append("| fixture | false positives | misses |\n| --- | --- | --- |\n");
      for (Comparison c : comparisons) {
        out.append("| `").append(c.fixture()).append("` | ").append(cell(c.falsePositives())).append(" | ")
            .append(cell(c.misses())).append(" |\n");
      }
      return out.toString();
    }

    private static void count(Map<String, int[]> byRule, ExpectedFinding finding, int column) {
      byRule.computeIfAbsent(finding.ruleId(), id -> new int[5])[column]++;
    }

    private static String cell(List<ExpectedFinding> findings) {
      return findings.isEmpty() ? "" : findings.stream().map(f -> "`" + f.text() + "`").collect(Collectors.joining("<br>"));
    }
  }
}
