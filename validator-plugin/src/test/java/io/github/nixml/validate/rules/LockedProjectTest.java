package io.github.nixml.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.validate.Finding;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A project as the archetype generates it (and the seed's FHS flake), given a valid hand-made lock for its inputs
 * (nixpkgs on nixos-26.05 and nixpkgs_master both locked on 2026-11-20): the flake.lock rules stay silent while
 * {@code nixml.today} is within 30 days of the lock, and only the age check speaks up the day after.
 */
class LockedProjectTest {
  private static final Set<String> LOCK_RULES = Set.of("flake-lock-missing", "flake-lock-mismatch",
      "flake-lock-syntax", "nixpkgs-branch-unsupported", "nixpkgs-branch-master", "flake-lock-stale",
      "flake-lock-local-path", "nixpkgs-owner");
  private static final Path PROJECTS = Path.of("src/test/resources/flake-lock");
  /** What archetype-nixos-pythonml generates with default properties; the test adds only the lock. */
  private static final Path GENERATED =
      Path.of("../archetype-nixos-pythonml/src/test/resources/projects/ld-default/reference");

  @TempDir
  Path work;

  private List<String> lockFindings(String project, String today) throws Exception {
    ValidationConfig config = ValidationConfig.builder().today(LocalDate.parse(today)).build();
    return new Validator(BuiltInRules.registry())
        .validate(new ValidationRequest(projectDir(project), config)).findings().stream()
        .filter(f -> LOCK_RULES.contains(f.ruleId()))
        .map(Finding::toString)
        .toList();
  }

  /** The seed project as checked in; the generated one as the archetype's reference tree plus its lock. */
  private Path projectDir(String project) throws IOException {
    if (!project.equals("generated-ld-default")) {
      return PROJECTS.resolve(project);
    }
    try (Stream<Path> files = Files.walk(GENERATED)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = work.resolve(GENERATED.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    Files.copy(PROJECTS.resolve(project).resolve("flake.lock"), work.resolve("flake.lock"));
    return work;
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "generated-ld-default, 2026-11-20",
    "generated-ld-default, 2026-12-05",
    "generated-ld-default, 2026-12-20",
    "seed-fhs, 2026-11-20",
    "seed-fhs, 2026-12-20",
  })
  void validLockWithinThirtyDaysYieldsNoFinding(String project, String today) throws Exception {
    assertThat(lockFindings(project, today)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"generated-ld-default", "seed-fhs"})
  void theDayAfterOnlyTheAgeCheckFires(String project) throws Exception {
    assertThat(lockFindings(project, "2026-12-21"))
        .hasSize(2)
        .allMatch(line -> line.contains("[flake-lock-stale]"))
        .anyMatch(line -> line.contains("'nixpkgs'"))
        .anyMatch(line -> line.contains("'nixpkgs_master'"));
  }
}
