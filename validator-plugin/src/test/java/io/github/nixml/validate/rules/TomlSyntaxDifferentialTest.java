package io.github.nixml.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.Oracle;
import io.github.nixml.toml.TomlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tomlj's accept/reject verdict, which the toml-syntax rule reports, must agree with python's tomllib on every TOML
 * file of the rule fixtures and on extra edge cases.
 */
class TomlSyntaxDifferentialTest {
  @TempDir Path extras;

  static final List<String> EXTRA_CASES = List.of(
      "a = 1\n",
      "a = 1\na = 2\n",
      "[t]\n[t]\n",
      "a = \"unterminated\n",
      "a = [1, 2,]\n",
      "a = { x = 1, }\n",
      "a = 0x1F\nb = 0o17\nc = 0b101\nd = 1_000\n",
      "a = 01\n",
      "a = 1979-05-27\nb = 07:32:00\nc = 1979-05-27T07:32:00-08:00\n",
      "a = inf\nb = nan\nc = -0.0\n",
      "a = 'literal \\n'\nb = '''\nmulti'''\n",
      "a.b = 1\na.c = 2\n",
      "a.b = 1\n[a]\nc = 2\n",
      "[[arr]]\nx = 1\n[[arr]]\nx = 2\n",
      "arr = []\n[[arr]]\n",
      "key = \n",
      "= 1\n",
      "a = true\nb = TRUE\n",
      "\"\" = 1\n",
      "a = \"\\u00e9\"\nb = \"\\x41\"\n",
      "a = 1 # comment\n# comment only\n",
      "[project]\nname = \"x\"\n[project.optional-dependencies]\ndev = [\"pytest\"]\n",
      "a = \"\"\"\none \\\n  two\"\"\"\n");

  /** Every distinct TOML text among the fixtures, then the extra cases. */
  List<Path> tomlFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    try (Stream<Path> walk = Files.walk(RuleFixturesTest.FIXTURES)) {
      for (Path file : walk.filter(p -> p.getFileName().toString().endsWith(".toml") && Files.isRegularFile(p))
          .sorted().collect(Collectors.toList())) {
        if (seen.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))) {
          files.add(file.toAbsolutePath());
        }
      }
    }
    for (int i = 0; i < EXTRA_CASES.size(); i++) {
      Path file = extras.resolve("case" + i + ".toml");
      Files.writeString(file, EXTRA_CASES.get(i), StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }

  /** One tomllib process judges every file (a process per file is far too slow on a shared machine). */
  @Test
  void tomljAgreesWithTomllib() throws IOException {
    Oracle.TOMLLIB.assumeAvailable();
    List<Path> files = tomlFiles();
    String script = "import sys, tomllib\n"
        + "for path in sys.stdin.read().splitlines():\n"
        + "    try:\n"
        + "        tomllib.load(open(path, 'rb'))\n"
        + "        print(path + ' -> accepted')\n"
        + "    except Exception as e:\n"
        + "        print(path + ' -> rejected')\n";
    String input = files.stream().map(Path::toString).collect(Collectors.joining("\n", "", "\n"));
    String theirs = io.github.nixml.validate.python.ExternalTool.run(List.of("python3", "-c", script), input, null,
        "install Python 3.11 or newer");
    List<String> ours = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      boolean binary = false;
      for (byte b : bytes) {
        binary |= b == 0;
      }
      boolean accepted = !binary && !TomlDocument.parse(new String(bytes, StandardCharsets.UTF_8)).hasErrors();
      ours.add(file + " -> " + (accepted ? "accepted" : "rejected"));
    }
    assertThat(files).hasSizeGreaterThan(EXTRA_CASES.size());
    assertThat(ours).containsExactlyElementsOf(theirs.lines().toList());
  }
}
