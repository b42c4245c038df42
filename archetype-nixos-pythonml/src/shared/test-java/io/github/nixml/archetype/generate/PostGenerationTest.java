package io.github.nixml.archetype.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
      "package, my.lab, false", "package, class, false", "package, café, false",
      "pythonVersion, 3.10, true", "pythonVersion, 3.14, true", "pythonVersion, 3.9, false",
      "pythonVersion, 3.15, false", "pythonVersion, 3.1, false",
      "cuda, true, true", "cuda, false, true", "cuda, TRUE, false", "cuda, yes, false",
      "nixpkgsBranch, nixos-26.05, true", "nixpkgsBranch, nixos-25.11-small, true",
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

  @Test
  void snapshotVersionsBecomeDevReleases() {
    assertThat(PostGeneration.pep440("1.0-SNAPSHOT")).isEqualTo("1.0.dev0");
    assertThat(PostGeneration.pep440("0.3.0")).isEqualTo("0.3.0");
  }

  @Test
  void invalidValuesRemoveOnlyWhatTheTemplatesWrote(@TempDir Path root) throws IOException {
    Path project = root.resolve("lab");
    for (String file : PostGeneration.GENERATED_FILES) {
      Files.createDirectories(project.resolve(file).getParent());
      Files.writeString(project.resolve(file), "generated");
    }
    Files.createDirectories(project.resolve("src/my/lab"));
    Files.writeString(project.resolve("src/my/lab/__init__.py"), "generated");
    Files.writeString(project.resolve("notes.md"), "mine");
    Properties properties = new Properties();
    properties.setProperty("package", "my.lab");
    properties.setProperty("cuda", "maybe");

    assertThatThrownBy(() -> PostGeneration.run(properties, root.toString(), "lab", "1.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid archetype property values, nothing was generated: property 'package' has the invalid"
            + " value 'my.lab'; allowed: a Python identifier: ASCII letters, digits and _, not starting with a digit,"
            + " not a Python keyword; property 'cuda' has the invalid value 'maybe'; allowed: true or false");
    try (Stream<Path> left = Files.walk(root)) {
      assertThat(left.map(p -> root.relativize(p).toString())).containsExactlyInAnyOrder("", "lab", "lab/notes.md");
    }
  }
}
