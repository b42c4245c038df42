package io.github.nixml.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.realworld.RealWorldFixtures.ExpectedFinding;
import io.github.nixml.testing.Oracle;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the real-world fixtures honest, in every build: each is a real project (its flakes and devenv.nix parse with
 * {@code nix-instantiate --parse}, its TOML loads with {@code tomllib} unless a TOML error is the expected finding,
 * its locks are lock files as Nix writes them), each names its shape and its expected findings with known rule ids,
 * and the README's table lists each.
 */
class RealWorldFixtureFormatTest {

  @Test
  void everyFixtureNamesItsShapeAndItsExpectedFindings() throws IOException {
    List<Path> fixtures = RealWorldFixtures.all();
    assertThat(fixtures).hasSizeGreaterThanOrEqualTo(45);
    for (Path fixture : fixtures) {
      List<String> shape = Files.readAllLines(fixture.resolve(RealWorldFixtures.SHAPE), StandardCharsets.UTF_8);
      assertThat(shape).as("%s/SHAPE is one line", fixture.getFileName()).hasSize(1);
      assertThat(shape.get(0)).as("%s/SHAPE", fixture.getFileName()).isNotBlank();
      for (ExpectedFinding finding : RealWorldFixtures.expected(fixture)) {
        boolean known = BuiltInRules.registry().find(finding.ruleId()).isPresent()
            || RealWorldFixtures.PROPOSED_RULE_IDS.contains(finding.ruleId());
        assertThat(known).as("rule id of '%s' in %s", finding.text(), fixture.getFileName()).isTrue();
      }
      assertThat(shellFiles(fixture)).as("%s holds a flake (or, without one, a devenv.nix, shell.nix or default.nix)",
          fixture.getFileName()).isNotEmpty();
    }
  }

  /** The files a fixture's dev shells are read from: its flake.nix files, shell.nix and default.nix. */
  private static List<Path> shellFiles(Path fixture) {
    return Stream.of("flake.nix", "devenv.nix", "shell.nix", "default.nix")
        .flatMap(name -> filesNamed(fixture, name).stream()).collect(Collectors.toList());
  }

  @Test
  void theReadmeTableListsEveryFixture() throws IOException {
    String readme = Files.readString(RealWorldFixtures.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    for (Path fixture : RealWorldFixtures.all()) {
      assertThat(readme).as("README.md row of " + fixture.getFileName()).contains("| `" + fixture.getFileName() + "` |");
    }
  }

  @Test
  void everyFlakeAndShellFileParsesWithNix() {
    List<Path> flakes = RealWorldFixtures.all().stream()
        .flatMap(fixture -> shellFiles(fixture).stream())
        .collect(Collectors.toList());
    List<Oracle.Verdict> verdicts = Oracle.NIX_PARSE.checkEach(flakes);
    for (int i = 0; i < flakes.size(); i++) {
      assertThat(verdicts.get(i).accepted()).as("nix-instantiate --parse %s: %s", flakes.get(i), verdicts.get(i).output())
          .isTrue();
    }
  }

  @Test
  void everyTomlFileLoadsUnlessItsErrorIsTheExpectedFinding() throws IOException {
    List<Path> files = new ArrayList<>();
    List<Boolean> broken = new ArrayList<>();
    for (Path fixture : RealWorldFixtures.all()) {
      List<ExpectedFinding> expected = RealWorldFixtures.expected(fixture);
      for (Path file : Stream.concat(filesNamed(fixture, "pyproject.toml").stream(), filesNamed(fixture, "uv.lock").stream())
          .collect(Collectors.toList())) {
        String relative = fixture.relativize(file).toString().replace('\\', '/');
        files.add(file);
        broken.add(expected.stream().anyMatch(f -> f.ruleId().equals("toml-syntax") && f.text().startsWith(relative + ":")));
      }
    }
    List<String> verdicts = tomllibVerdicts(files);
    for (int i = 0; i < files.size(); i++) {
      assertThat(verdicts.get(i).startsWith("ok")).as("tomllib on %s: %s", files.get(i), verdicts.get(i))
          .isEqualTo(!broken.get(i));
    }
  }

  /** One python process for all files (starting one per file costs more than the check): "ok" or "error …" each. */
  private static List<String> tomllibVerdicts(List<Path> files) throws IOException {
    Oracle.TOMLLIB.assumeAvailable();
    List<String> command = new ArrayList<>(List.of("python3", "-c", String.join("\n",
        "import sys, tomllib",
        "for path in sys.argv[1:]:",
        "    try:",
        "        tomllib.load(open(path, 'rb')); print('ok')",
        "    except Exception as e:",
        "        print('error ' + str(e).replace(chr(10), ' '))")));
    files.forEach(file -> command.add(file.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .collect(Collectors.toList());
    assertThat(lines).as("one tomllib verdict per file").hasSize(files.size());
    return lines;
  }

  @Test
  void everyLockIsAVersion7LockWhoseInputsNameNodes() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Path fixture : RealWorldFixtures.all()) {
      for (Path lock : filesNamed(fixture, "flake.lock")) {
        JsonNode root = json.readTree(lock.toFile());
        assertThat(root.path("version").asInt()).as("%s version", lock).isEqualTo(7);
        JsonNode nodes = root.path("nodes");
        assertThat(nodes.has(root.path("root").asText())).as("%s root node", lock).isTrue();
        for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> node = it.next();
          if (!node.getKey().equals("root")) {
            assertThat(node.getValue().path("locked").path("type").isTextual()).as("%s %s locked.type", lock, node.getKey()).isTrue();
            assertThat(node.getValue().path("original").path("type").isTextual()).as("%s %s original.type", lock, node.getKey()).isTrue();
          }
          for (JsonNode input : node.getValue().path("inputs")) {
            if (input.isTextual()) {
              assertThat(nodes.has(input.asText())).as("%s: %s names node %s", lock, node.getKey(), input).isTrue();
            } else {
              assertThat(input.isArray()).as("%s: %s input is a node name or a follows path", lock, node.getKey()).isTrue();
            }
          }
        }
      }
    }
  }

  /** Files of that name anywhere in the fixture. */
  private static List<Path> filesNamed(Path fixture, String name) {
    try (Stream<Path> paths = Files.walk(fixture)) {
      return paths.filter(p -> p.getFileName().toString().equals(name) && Files.isRegularFile(p))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
