package io.github.nixml.archetype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code mvn archetype:generate} of this module's archetype as a user runs it, in a nested Maven whose local
 * repository is the isolated one where this build staged the archetype (maven-invoker-plugin:install, see the
 * module's pom). What the outer build already downloaded (the archetype plugin) is copied from its local repository,
 * with snapshots off there: a stale io.github.nixml install in ~/.m2 is never seen, and none is needed.
 */
final class NestedMaven {

  /** The lock of the tests that run a nested Maven: two of them would download into the same repository. */
  static final String STAGED_REPOSITORY = "staged repository of the nested Maven runs";

  private NestedMaven() {}

  /** The command line of a generation in {@code output}; {@code batch} adds -B. */
  static List<String> generateCommand(Path output, boolean batch, Map<String, String> properties) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
        "-Dstyle.color=never",
        "-s", settings().toString(),
        "-Dmaven.repo.local=" + System.getProperty("nixml.archetype.stagedRepository"),
        "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("nixml.archetype.pluginVersion")
            + ":generate",
        "-DarchetypeCatalog=local",
        "-DarchetypeGroupId=io.github.nixml",
        "-DarchetypeArtifactId=" + Layout.current().archetypeArtifactId,
        "-DarchetypeVersion=" + System.getProperty("nixml.archetype.version"),
        "-DgroupId=org.example.batch",
        "-DoutputDirectory=" + output));
    if (batch) {
      command.add(1, "-B");
    }
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    return command;
  }

  /** Runs a batch generation in {@code output} and returns what Maven printed. */
  static Processes.Result generate(Path output, Map<String, String> properties) {
    return Processes.execute(output, generateCommand(output, true, properties), 300);
  }

  /**
   * Settings that add the outer build's local repository as a releases-only repository (a local
   * repository keeps no checksums to verify), written with the staged
   * repository's local catalog (which lists this archetype, as a user's after {@code mvn install}).
   */
  private static synchronized Path settings() {
    Path staged = Path.of(System.getProperty("nixml.archetype.stagedRepository"));
    Path settings = staged.resolveSibling("nested-maven-settings.xml");
    String outer = Path.of(System.getProperty("nixml.archetype.localRepository")).toUri().toString();
    String repository = """
            <id>outer-local</id>
            <url>%s</url>
            <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
            <snapshots><enabled>false</enabled></snapshots>
        """.formatted(outer);
    String xml = "<settings>\n  <profiles>\n    <profile>\n      <id>outer-local</id>\n"
        + "      <repositories>\n        <repository>\n" + repository + "        </repository>\n      </repositories>\n"
        + "      <pluginRepositories>\n        <pluginRepository>\n" + repository
        + "        </pluginRepository>\n      </pluginRepositories>\n    </profile>\n  </profiles>\n"
        + "  <activeProfiles>\n    <activeProfile>outer-local</activeProfile>\n  </activeProfiles>\n</settings>\n";
    String catalog = """
        <?xml version="1.0" encoding="UTF-8"?>
        <archetype-catalog xmlns="http://maven.apache.org/plugins/maven-archetype-plugin/archetype-catalog/1.0.0">
          <archetypes>
            <archetype>
              <groupId>io.github.nixml</groupId>
              <artifactId>%s</artifactId>
              <version>%s</version>
            </archetype>
          </archetypes>
        </archetype-catalog>
        """.formatted(Layout.current().archetypeArtifactId, System.getProperty("nixml.archetype.version"));
    try {
      Files.createDirectories(staged);
      Files.writeString(staged.resolve("archetype-catalog.xml"), catalog, StandardCharsets.UTF_8);
      Files.writeString(settings, xml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return settings;
  }
}
