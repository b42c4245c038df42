package io.github.nixml.archetype;

import io.github.nixml.lock.NixpkgsBranch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One {@code archetype:integration-test} case: the properties it was generated with and the project the archetype
 * wrote for it ({@code target/test-classes/projects/<case>/project/<artifactId>}).
 */
record GeneratedCase(String name, Properties properties, Path caseDir, Path project) {

  /** Where archetype:integration-test generated the cases (set by the module's pom). */
  static Path projectsDirectory() {
    return Path.of(System.getProperty("nixml.archetype.projects", "target/test-classes/projects"));
  }

  static List<GeneratedCase> all() {
    try (Stream<Path> dirs = Files.list(projectsDirectory())) {
      return dirs.filter(dir -> Files.isRegularFile(dir.resolve("archetype.properties")))
          .sorted()
          .map(GeneratedCase::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GeneratedCase named(String name) {
    return load(projectsDirectory().resolve(name));
  }

  static GeneratedCase load(Path caseDir) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(caseDir.resolve("archetype.properties"))) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path project = caseDir.resolve("project").resolve(properties.getProperty("artifactId"));
    return new GeneratedCase(caseDir.getFileName().toString(), properties, caseDir, project);
  }

  // The defaults below are the ones the issue promises; a case that omits a property tests its default.

  String pythonVersion() {
    return properties.getProperty("pythonVersion", "3.11");
  }

  /** The nixpkgs attribute of the interpreter: 3.12 becomes python312. */
  String pythonAttribute() {
    return "python" + pythonVersion().replace(".", "");
  }

  boolean cuda() {
    return Boolean.parseBoolean(properties.getProperty("cuda", "true"));
  }

  String nixpkgsBranch() {
    String branch = properties.getProperty("nixpkgsBranch", "newest-release");
    return branch.equals("newest-release")
        ? "nixos-" + NixpkgsBranch.Release.latestOn(LocalDate.parse(properties.getProperty("nixml.today"))).version()
        : branch;
  }

  String packageName() {
    return properties.getProperty("package",
        properties.getProperty("artifactId").toLowerCase(Locale.ROOT).replace('-', '_'));
  }

  String shell() {
    return properties.getProperty("shell", "bash");
  }

  Path file(String relative) {
    return project.resolve(relative);
  }

  String read(String relative) {
    try {
      return Files.readString(file(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
