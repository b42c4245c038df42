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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code mvn -B archetype:generate} command line, as a user does, in a nested Maven build of this module
 * (which packages the archetype so the reactor resolves it before anything is installed).
 *
 * <p>archetype:integration-test cannot express an expected failure, and Maven checks {@code validationRegex} only
 * when it prompts: these cases prove that batch mode rejects bad values with one message naming each property, its
 * value and the allowed form, and leaves nothing behind but what the user already had.
 */
@ResourceLock("nested build of the archetype module") // two nested builds would write the same target/
class BatchGenerationTest {

  private static final String ERROR_PREFIX = "[ERROR] Failed to execute goal";

  /** One bad value per property, with the allowed form the message must name. */
  static Map<String, String[]> invalidValues() {
    Map<String, String[]> invalid = new LinkedHashMap<>();
    invalid.put("package", new String[] {"my.lab", "a Python identifier"});
    invalid.put("pythonVersion", new String[] {"3.9", "one of 3.10, 3.11, 3.12, 3.13, 3.14"});
    invalid.put("cuda", new String[] {"yes", "true or false"});
    invalid.put("nixpkgsBranch",
        new String[] {"nixos-26.5", "nixos-YY.MM, nixos-YY.MM-small, nixos-unstable or nixpkgs-unstable"});
    if (Layout.current() == Layout.FHS) {
      invalid.put("shell", new String[] {"tcsh", "bash, zsh or fish"});
    }
    return invalid;
  }

  // One nested build for all bad values keeps this test fast: each nested Maven costs seconds.
  @Test
  void invalidValuesFailWithOneMessageAndLeaveNothing(@TempDir Path output) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    invalidValues().forEach((property, badAndAllowed) -> values.put(property, badAndAllowed[0]));

    Processes.Result result = generate(output, "bad-lab", values);

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

  @Test
  void invalidValueKeepsWhatTheUserAlreadyHadInTheDirectory(@TempDir Path output) throws IOException {
    Path notes = Files.createDirectories(output.resolve("bad-lab")).resolve("notes.md");
    Files.writeString(notes, "mine\n");

    Processes.Result result = generate(output, "bad-lab", Map.of("pythonVersion", "2.7"));

    assertThat(result.exitCode()).as(result.all()).isNotZero();
    assertThat(result.all()).contains("Invalid archetype property value, nothing was generated: "
        + "property 'pythonVersion' has the invalid value '2.7'; allowed: one of 3.10, 3.11, 3.12, 3.13, 3.14");
    try (Stream<Path> left = Files.walk(output.resolve("bad-lab"))) {
      assertThat(left.map(p -> output.relativize(p).toString()))
          .containsExactlyInAnyOrder("bad-lab", "bad-lab/notes.md");
    }
    assertThat(notes).hasContent("mine");
  }

  @Test
  void hostileDescriptionFromTheCommandLineComesOutVerbatim(@TempDir Path output) throws IOException {
    String description = "Say \"hi\" \\ ${pkgs.hello} ''${x} '' $HOME #x ## h #set($a = 1) caf\u00e9 \u6f22\n## line\ttab";
    Processes.Result result = generate(output, "cli-lab",
        Map.of("projectDescription", description, "pythonVersion", "3.13", "cuda", "false"));

    assertThat(result.exitCode()).as(result.all()).isZero();
    Path project = output.resolve("cli-lab");
    assertThat(Files.readString(project.resolve("README.md"), StandardCharsets.UTF_8)).contains(description);
    Oracle.NIX_PARSE.assumeAvailable();
    String json = Processes.run(project, "nix-instantiate", "--eval", "--strict", "--json",
        "-E", "(import ./flake.nix).description");
    assertThat(new ObjectMapper().readValue(json, String.class)).isEqualTo(description);
  }

  /** mvn -o -B package archetype:generate ... in a nested build of this module. */
  private static Processes.Result generate(Path output, String artifactId, Map<String, String> properties) {
    Path basedir = Path.of(System.getProperty("nixml.archetype.basedir"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
        "-o", "-B", "-q", "-Dstyle.color=never",
        "-f", basedir.resolve("pom.xml").toString(),
        "-Dmaven.repo.local=" + System.getProperty("nixml.archetype.localRepository"),
        "-Dmaven.test.skip=true", "-Denforcer.skip=true",
        "package",
        "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("nixml.archetype.pluginVersion")
            + ":generate",
        "-DarchetypeCatalog=internal",
        "-DarchetypeGroupId=io.github.nixml",
        "-DarchetypeArtifactId=" + Layout.current().archetypeArtifactId,
        "-DarchetypeVersion=" + System.getProperty("nixml.archetype.version"),
        "-DgroupId=org.example.batch",
        "-DartifactId=" + artifactId,
        "-DoutputDirectory=" + output));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    return Processes.execute(basedir, command, 300);
  }
}
