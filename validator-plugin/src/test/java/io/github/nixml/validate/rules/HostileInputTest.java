package io.github.nixml.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.CleanProject;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in rule on a clean project with one file replaced by hostile text (nesting far beyond any real file):
 * the run reports the file's syntax error once, at its position, and no rule crashes into "internal error".
 */
class HostileInputTest {
  private static final Validator VALIDATOR = new Validator(BuiltInRules.registry());
  private static final int DEEP = 100_000;

  static Stream<Arguments> cases() {
    return Stream.of(
        hostile("deep arrays in pyproject.toml", "pyproject.toml", "a = " + "[".repeat(DEEP),
            "pyproject.toml:1:…: error: [toml-syntax] invalid TOML: nested too deeply…"),
        hostile("deep closed arrays in pyproject.toml", "pyproject.toml",
            "[project]\nname = \"x\"\nx = " + "[".repeat(DEEP) + "]".repeat(DEEP) + "\n",
            "pyproject.toml:3:…: error: [toml-syntax] invalid TOML: nested too deeply…"),
        hostile("deep inline tables in pyproject.toml", "pyproject.toml",
            "[project]\nname = \"x\"\nx = " + "{ a = ".repeat(DEEP) + "1" + " }".repeat(DEEP) + "\n",
            "pyproject.toml:3:…: error: [toml-syntax] invalid TOML: nested too deeply…"),
        hostile("deep arrays in uv.lock", "uv.lock", "version = 1\nrequires-python = \">=3.12\"\nx = "
                + "[".repeat(DEEP) + "\n",
            "uv.lock:3:…: error: [toml-syntax] invalid TOML: nested too deeply…"),
        hostile("deep inline tables in uv.lock", "uv.lock", "version = 1\n[[package]]\nwheels = "
                + "[{ a = ".repeat(DEEP) + "\n",
            "uv.lock:3:…: error: [toml-syntax] invalid TOML: nested too deeply…"),
        hostile("deep arrays in flake.lock", "flake.lock", "[".repeat(DEEP),
            "flake.lock:1:…: error: [flake-lock-syntax] flake.lock is nested deeper than a lock file can be…"));
  }

  private static Arguments hostile(String name, String file, String text, String expected) {
    return Arguments.of(Named.of(name, file), text, expected);
  }

  @TempDir Path root;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneSyntaxFindingAndNoInternalError(String file, String text, String expected) throws Exception {
    CleanProject.write(root);
    Files.writeString(root.resolve(file), text);

    List<Finding> findings = VALIDATOR.validate(new ValidationRequest(root,
        ValidationConfig.builder().set("today", CleanProject.TODAY).build())).findings();

    assertThat(findings).extracting(Finding::message).noneMatch(message -> message.contains("internal error"));
    String ruleId = expected.substring(expected.indexOf('[') + 1, expected.indexOf(']'));
    List<String> syntax = findings.stream().filter(f -> f.ruleId().equals(ruleId))
        .map(f -> RuleFixturesTest.expectedForm(f) + " " + f.message()).collect(Collectors.toList());
    assertThat(syntax).as("all findings: %s", findings).hasSize(1);
    String[] pinned = expected.split("…", -1);
    assertThat(syntax.get(0)).startsWith(pinned[0]).contains(pinned[1]);
  }
}
