package io.github.nixml.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real {@code mvn -B archetype:generate} command line, as a user does, in a nested Maven on the
 * archetype this build staged (see {@link NestedMaven}).
 *
 * <p>archetype:integration-test cannot express an expected failure, and Maven checks {@code validationRegex} only
 * when it prompts: these cases prove that batch mode rejects bad values with one message naming each property, its
 * value and the allowed form, and leaves nothing behind but what the user already had, byte for byte.
 */
@ResourceLock(NestedMaven.STAGED_REPOSITORY)
class BatchGenerationTest {

  private static final String ERROR_PREFIX = "[ERROR] Failed to execute goal";

  /** Every file name either archetype generates, for a project whose package is bad_lab. */
  private static final List<String> GENERATED_NAMES = List.of("pom.xml", "flake.nix", ".python-version", ".envrc",
      ".gitignore", "pyproject.toml", "README.md", "src/bad_lab/__init__.py");

  /** One bad value per property, with the allowed form the message must name. */
  static Map<String, String[]> invalidValues() {
    Map<String, String[]> invalid = new LinkedHashMap<>();
    invalid.put("package", new String[] {"my.lab", "a Python identifier"});
    invalid.put("pythonVersion", new String[] {"3.9", "one of 3.10, 3.11, 3.12, 3.13, 3.14"});
    invalid.put("cuda", new String[] {"yes", "true or false"});
    invalid.put("nixpkgsBranch", new String[] {"nixos-26.5", "newest-release (the default), nixos-YY.MM or"
        + " nixos-YY.MM-small naming a NixOS release, nixos-unstable or nixpkgs-unstable"});
    invalid.put("version", new String[] {"banana", "a Maven version that PEP 440 can express"});
    invalid.put("nixml.today", new String[] {"25/11/2026", "an ISO date like 2026-11-25, or today"});
    if (Layout.current() == Layout.FHS) {
      invalid.put("shell", new String[] {"tcsh", "bash, zsh or fish"});
    }
    return invalid;
  }

  // One nested build for all bad values keeps this test fast: each nested Maven costs seconds.
  @Test
  void invalidValuesFailWithOneMessageAndLeaveNothing(@TempDir Path output) throws IOException {
    Map<String, String> values = new LinkedHashMap<>(Map.of("artifactId", "bad-lab"));
    invalidValues().forEach((property, badAndAllowed) -> values.put(property, badAndAllowed[0]));

    Processes.Result result = NestedMaven.generate(output, values);

    assertThat(result.exitCode()).as(result.all()).isNotZero();
    List<String> errors = result.all().lines().filter(line -> line.contains(ERROR_PREFIX)).toList();
    assertThat(errors).as(result.all()).hasSize(1);
    assertThat(errors.get(0)).contains("Invalid archetype property values, nothing was generated: ");
    invalidValues().forEach((property, badAndAllowed) -> assertThat(errors.get(0))
        .contains("property '" + property + "' has the invalid value '" + badAndAllowed[0] + "'; allowed: "
            + badAndAllowed[1]));
    try (Stream<Path> left = Files.list(output)) {
      assertThat(left).as("left behind in the output directory").isEmpty();
    }
  }

  /** For each property, one bad value that passes the archetype plugin, so that it writes before we refuse. */
  static List<String[]> badValueInPrefilledDirectory() {
    List<String[]> cases = new ArrayList<>(List.of(
        new String[] {"package", "class", "a Python identifier"},
        new String[] {"pythonVersion", "2.7", "one of 3.10, 3.11, 3.12, 3.13, 3.14"},
        new String[] {"cuda", "maybe", "true or false"},
        new String[] {"nixpkgsBranch", "nixos-26.04", "nixos-26.04 names no NixOS release: releases are YY.05 and"
            + " YY.11, the newest on 2026-11-25 is nixos-26.05"},
        new String[] {"version", "banana", "a Maven version that PEP 440 can express"},
        new String[] {"nixml.today", "2026-13-01", "an ISO date like 2026-11-25, or today"},
        // pom.xml present: the archetype plugin itself refuses, before writing anything.
        new String[] {"pom.xml", "", "A Maven project already exists in the directory"}));
    if (Layout.current() == Layout.FHS) {
      cases.add(new String[] {"shell", "tcsh", "bash, zsh or fish"});
    }
    return cases;
  }

  /**
   * A user adds nixml to an existing repository that holds a file of every name the archetypes write, and mistypes
   * one value: the generation fails, and every one of their files is byte-identical, with nothing new beside them.
   */
  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badValueInPrefilledDirectory")
  void invalidValueLeavesTheUsersFilesByteIdentical(String property, String badValue, String message,
      @TempDir Path output) throws IOException {
    Path project = output.resolve("bad-lab");
    for (String name : GENERATED_NAMES) {
      if (name.equals("pom.xml") != property.equals("pom.xml")) {
        continue;
      }
      Path file = project.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, ("the user's own " + name + "\n@@nixml:generated@@ ${x} \u00e9\n")
          .getBytes(StandardCharsets.ISO_8859_1));
    }
    Files.writeString(project.resolve("notes.md"), "mine\n");
    Map<String, byte[]> before = snapshot(output);

    Map<String, String> values = new LinkedHashMap<>(Map.of("artifactId", "bad-lab", "nixml.today", "2026-11-25"));
    if (!property.equals("pom.xml")) {
      values.put(property, badValue);
    }
    Processes.Result result = NestedMaven.generate(output, values);

    assertThat(result.exitCode()).as(result.all()).isNotZero();
    assertThat(result.all()).contains(message);
    if (!property.equals("pom.xml")) {
      assertThat(result.all()).contains("Invalid archetype property value, nothing was generated: property '"
          + property + "' has the invalid value '" + badValue + "'");
    }
    Map<String, byte[]> after = snapshot(output);
    assertThat(after.keySet()).as("files and directories after the failed generation")
        .containsExactlyElementsOf(before.keySet());
    before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void packageDerivedFromArtifactIdSaysHowToGiveIt(@TempDir Path output) throws IOException {
    Processes.Result result = NestedMaven.generate(output, Map.of("artifactId", "9lives"));

    assertThat(result.exitCode()).as(result.all()).isNotZero();
    assertThat(result.all()).contains("property 'package' has the invalid value '9lives'; allowed: a Python"
        + " identifier: ASCII letters, digits and _, not starting with a digit, not a Python keyword (derived from"
        + " artifactId '9lives': pass -Dpackage=<a Python identifier>)");
    try (Stream<Path> left = Files.list(output)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void hostileDescriptionFromTheCommandLineComesOutVerbatimWithoutWarnings(@TempDir Path output)
      throws IOException {
    String description = "# Big heading\n```\nfence\n```\n    indented *em* [l](x) <b>"
        + " Say \"hi\" \\ ${pkgs.hello} ''${x} '' $HOME #x ## h #set($a = 1) caf\u00e9 \u6f22\n## line\ttab ";
    Processes.Result result = NestedMaven.generate(output, Map.of("artifactId", "cli-lab",
        "projectDescription", description, "pythonVersion", "3.13", "cuda", "false", "nixml.today", "2027-03-01"));

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.all().lines().filter(line -> line.startsWith("[WARNING]")))
        .as("warnings of a generation into an empty directory").isEmpty();
    Path project = output.resolve("cli-lab");
    assertThat(ReadmeText.description(Files.readString(project.resolve("README.md"), StandardCharsets.UTF_8)))
        .isEqualTo(description);
    String flake = Files.readString(project.resolve("flake.nix"), StandardCharsets.UTF_8);
    assertThat(flake).as("the newest release on 2027-03-01").contains("github:NixOS/nixpkgs/nixos-26.11\"");
    Oracle.NIX_PARSE.assumeAvailable();
    String json = Processes.run(project, "nix-instantiate", "--eval", "--strict", "--json",
        "-E", "(import ./flake.nix).description");
    assertThat(new ObjectMapper().readValue(json, String.class)).isEqualTo(description);
  }

  @Test
  void defaultBranchIsTheNewestReleaseOnTheDayOfGeneration(@TempDir Path output) throws IOException {
    Processes.Result result = NestedMaven.generate(output, Map.of("artifactId", "summer-lab",
        "version", "2.1-alpha-3", "nixml.today", "2027-07-15"));

    assertThat(result.exitCode()).as(result.all()).isZero();
    Path project = output.resolve("summer-lab");
    assertThat(Files.readString(project.resolve("flake.nix"), StandardCharsets.UTF_8))
        .contains("github:NixOS/nixpkgs/nixos-27.05\"");
    assertThat(Files.readString(project.resolve("pyproject.toml"), StandardCharsets.UTF_8))
        .contains("version = \"2.1a3\"");
  }

  /** Every file and directory under {@code root} with its bytes (empty for a directory), by relative path. */
  private static Map<String, byte[]> snapshot(Path root) throws IOException {
    Map<String, byte[]> entries = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        entries.put(root.relativize(path).toString(), Files.isDirectory(path) ? new byte[0] : Files.readAllBytes(path));
      }
    }
    return entries;
  }
}
