package io.github.nixml.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.testing.Oracle;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The *-hostile-description case's description holds quotes, backslashes, ${, '', #, ##, $, Velocity directives,
 * our own escaping tokens, non-ASCII, newlines and a control character. Nix and Python's tomllib must read back
 * exactly that text; README.md must show it as text
 * (no heading, code or markup), line breaks aside.
 */
class HostileValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GeneratedCase hostile = GeneratedCase.all().stream()
      .filter(c -> c.name().endsWith("-hostile-description"))
      .findFirst()
      .orElseThrow(() -> new AssertionError("no *-hostile-description case in " + GeneratedCase.projectsDirectory()));

  private final String description = hostile.properties().getProperty("projectDescription");

  @Test
  void theCaseReallyIsHostile() {
    assertThat(description).contains("\"", "\\", "${", "''", "#", "##", "$", "\n", "\u00e9", "#set(", "@@nix:");
  }

  @Test
  void nixReadsTheDescriptionVerbatim() throws IOException {
    Oracle.NIX_PARSE.assumeAvailable();
    String json = Processes.run(hostile.project(), "nix-instantiate", "--eval", "--strict", "--json",
        "-E", "(import ./flake.nix).description");
    assertThat(JSON.readValue(json, String.class)).isEqualTo(description);
  }

  @Test
  void tomllibReadsTheDescriptionVerbatim() throws IOException {
    Oracle.TOMLLIB.assumeAvailable();
    String json = Processes.run(hostile.project(), "python3", "-c",
        "import json,sys,tomllib; p=tomllib.load(open(sys.argv[1],'rb'))['project'];"
            + " print(json.dumps([p['description'], p['name'], p['version']]))",
        hostile.file("pyproject.toml").toString());
    String[] values = JSON.readValue(json, String[].class);
    assertThat(values[0]).isEqualTo(description);
    assertThat(values[1]).isEqualTo(hostile.properties().getProperty("artifactId"));
    assertThat(values[2]).isEqualTo(hostile.properties().getProperty("version").replace("-SNAPSHOT", ".dev0"));
  }

  @Test
  void readmeShowsTheDescriptionAsText() {
    assertThat(ReadmeText.description(hostile.read("README.md"))).isEqualTo(ReadmeText.asLines(description));
  }

  @Test
  void theDescriptionStaysOutOfThePom() {
    // Maven would interpolate its ${...}: the pom carries coordinates only.
    assertThat(hostile.read("pom.xml")).doesNotContain("He said");
  }

}
