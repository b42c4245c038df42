package io.github.nixml.archetype.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostGenerationTest {

  @ParameterizedTest
  @CsvSource({
      "package, vision_lab, true", "package, _x9, true", "package, 9lab, false", "package, my-lab, false",
      "package, my.lab, false", "package, class, false", "package, None, false", "package, classy, true", "package, café, false",
      "pythonVersion, 3.10, true", "pythonVersion, 3.14, true", "pythonVersion, 3.9, false",
      "pythonVersion, 3.15, false", "pythonVersion, 3.1, false",
      "cuda, true, true", "cuda, false, true", "cuda, TRUE, false", "cuda, yes, false",
      "nixpkgsBranch, newest-release, true", "nixpkgsBranch, nixos-26.05, true", "nixpkgsBranch, nixos-25.11-small, true",
      "nixpkgsBranch, nixos-unstable, true", "nixpkgsBranch, nixpkgs-unstable, true",
      "nixpkgsBranch, nixos-26.5, false", "nixpkgsBranch, nixos-unstable-small, false", "nixpkgsBranch, master, false",
      "shell, zsh, true", "shell, fish, true", "shell, tcsh, false", "shell, /bin/bash, false"})
  void acceptsExactlyTheAllowedForms(String key, String value, boolean valid) {
    ArchetypeProperty property = Stream.of(ArchetypeProperty.values()).filter(p -> p.key().equals(key))
        .findFirst().orElseThrow();
    Properties properties = new Properties();
    properties.setProperty(key, value);
    assertThat(property.problem(properties).isEmpty()).isEqualTo(valid);
  }

  @Test
  void tokensAreReplacedInOnePass() {
    String text = "a = @@nix:d@@; b = @@toml:d@@\n@@raw:d@@\n";
    assertThat(PostGeneration.replaceTokens(text, Map.of("d", "x\"$@@raw:d@@\\")))
        .isEqualTo("a = \"x\\\"\\$@@raw:d@@\\\\\"; b = \"x\\\"$@@raw:d@@\\\\\"\nx\"$@@raw:d@@\\\n");
  }

  @Test
  void tomlSpellsOutControlCharacters() {
    assertThat(QuotedString.toml("a\u0001\u007f\n")).isEqualTo("\"a\\u0001\\u007F\\n\"");
    assertThat(QuotedString.nix("${x} ''")).isEqualTo("\"\\${x} ''\"");
  }

  @ParameterizedTest
  @CsvSource({
      "1.0-SNAPSHOT, 1.0.dev0", "1.0.0-RC1, 1.0.0rc1", "2.1-alpha-3, 2.1a3", "1.0.0.Final, 1.0.0", "0.3.0, 0.3.0",
      "2.0-beta, 2.0b0", "1.2.3-rc-2-SNAPSHOT, 1.2.3rc2.dev0", "3-GA, 3", "1.0.0.RELEASE, 1.0.0", "1.0a1, 1.0a1",
      "4.1-cr1, 4.1rc1"})
  void mavenVersionsMapToTheirPep440Equivalent(String maven, String pep440) {
    assertThat(PythonProjectVersion.fromMaven(maven)).contains(pep440);
  }

  @ParameterizedTest
  @CsvSource({"banana", "1.0-M1", "1.0-SNAPSHOT-1", "v1.0", "1..0", "1.0-", "1.0-20261125.123456-1", "''"})
  void versionsWithoutAFaithfulPep440MappingAreRefused(String maven) {
    assertThat(PythonProjectVersion.fromMaven(maven)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"2026-11-25, nixos-26.05", "2026-11-30, nixos-26.11", "2027-03-01, nixos-26.11",
      "2027-07-15, nixos-27.05", "2027-05-30, nixos-26.11", "2027-05-31, nixos-27.05"})
  void theDefaultBranchIsTheNewestReleaseOnTheDay(String day, String branch) {
    assertThat(NixpkgsBranchChoice.resolve(NixpkgsBranchChoice.NEWEST_RELEASE, LocalDate.parse(day)))
        .isEqualTo(branch);
    assertThat(NixpkgsBranchChoice.resolve("nixos-unstable", LocalDate.parse(day))).isEqualTo("nixos-unstable");
  }

  @Test
  void aReleaseBranchMustNameAReleaseThatIsOut() {
    LocalDate day = LocalDate.parse("2026-11-29");
    assertThat(NixpkgsBranchChoice.problem("nixos-26.04", day)).contains("nixos-26.04 names no NixOS release:"
        + " releases are YY.05 and YY.11, the newest on 2026-11-29 is nixos-26.05");
    assertThat(NixpkgsBranchChoice.problem("nixos-27.05-small", day))
        .contains("NixOS 27.05 is not released on 2026-11-29, the newest release is nixos-26.05");
    assertThat(NixpkgsBranchChoice.problem("nixos-24.05", day)).isEmpty();
    assertThat(NixpkgsBranchChoice.problem("nixos-26.05-small", day)).isEmpty();
    assertThat(NixpkgsBranchChoice.problem("nixpkgs-unstable", day)).isEmpty();
  }

  @Test
  void markdownTextEscapesEverythingThatCouldBeMarkup() {
    assertThat(MarkdownText.escape("# Big *heading*")).isEqualTo("\\# Big \\*heading\\*");
    assertThat(MarkdownText.escape("```\n    code  \nx")).isEqualTo("\\`\\`\\`\n&#32;&#32;&#32;&#32;code&#32;&#32;\nx");
    assertThat(MarkdownText.escape("12. item\n- item\n===\n+ a-b 3.5")).isEqualTo("12\\. item\n\\- item\n\\===\n\\+ a-b 3.5");
    assertThat(MarkdownText.escape("A machine-learning project, with a Nix shell.")).isEqualTo("A machine-learning project, with a Nix shell.");
  }

  @Test
  void invalidValuesRemoveOnlyWhatThisRunWrote(@TempDir Path root) throws IOException {
    Path project = root.resolve("lab");
    Files.createDirectories(project);
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    Files.writeString(project.resolve("flake.nix"), PostGeneration.MARKER + "\n{ }\n");
    Files.writeString(project.resolve(".envrc"), "use flake . # mine, and " + PostGeneration.MARKER + "\n");
    Files.writeString(project.resolve("notes.md"), "mine");
    Properties properties = new Properties();
    properties.setProperty("package", "my.lab");
    properties.setProperty("cuda", "maybe");

    assertThatThrownBy(() -> PostGeneration.run(properties, root.toString(), "lab", "1.0", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid archetype property values, nothing was generated: property 'package' has the invalid"
            + " value 'my.lab'; allowed: a Python identifier: ASCII letters, digits and _, not starting with a digit,"
            + " not a Python keyword; property 'cuda' has the invalid value 'maybe'; allowed: true or false");
    try (Stream<Path> left = Files.walk(root)) {
      assertThat(left.map(p -> root.relativize(p).toString()))
          .containsExactlyInAnyOrder("", "lab", "lab/notes.md", "lab/.envrc");
    }
  }

  @Test
  void aValidRunFinishesOnlyItsOwnFilesAndKeepsTheUsersPackage(@TempDir Path root) throws IOException {
    Path project = root.resolve("lab");
    Files.createDirectories(project.resolve("src/lab"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    Files.writeString(project.resolve("README.md"), PostGeneration.MARKER + "\n# @@raw:artifactId@@\n\n"
        + "@@md:projectDescription@@\n");
    Files.writeString(project.resolve("flake.nix"), "{ description = \"@@nix:projectDescription@@\"; } # mine");
    Files.writeString(project.resolve("src/lab/__init__.py"), "# mine");
    Properties properties = new Properties();
    properties.setProperty("package", "lab");
    properties.setProperty("projectDescription", "# not a heading");

    PostGeneration.run(properties, root.toString(), "lab", "1.0-SNAPSHOT", Map.of("nixml.today", "2027-03-01"));

    assertThat(project.resolve("README.md")).hasContent("# lab\n\n\\# not a heading");
    assertThat(project.resolve("flake.nix")).hasContent("{ description = \"@@nix:projectDescription@@\"; } # mine");
    assertThat(project.resolve("src/lab/__init__.py")).hasContent("# mine");
  }
}
