package io.github.nixml.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.python.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every venv-not-ignored fixture: create a real venv layout in each project, validate, ask git which of its
 * files {@code git add .} would pick up, and check the rule fires exactly for the projects git would commit a venv
 * of.
 */
class VenvNotIgnoredDifferentialTest {
  @TempDir Path temp;

  @Test
  void theRuleFiresExactlyWhereGitWouldCommitTheVenv() throws Exception {
    Validator validator = new Validator(BuiltInRules.registry());
    Path cases = RuleFixturesTest.FIXTURES.resolve("venv-not-ignored");
    List<Path> caseDirs;
    try (Stream<Path> list = Files.list(cases)) {
      // the cases about .venv: those held to the nixml contract (the others make venvs of other names)
      caseDirs = list.filter(Files::isDirectory).filter(dir -> Files.exists(dir.resolve("nixml.properties")))
          .sorted().collect(Collectors.toList());
    }
    assertThat(caseDirs).hasSizeGreaterThan(5);
    for (Path caseDir : caseDirs) {
      Path copy = RuleFixturesTest.copyTree(caseDir, temp.resolve(caseDir.getFileName().toString()));
      List<String> projects =
          validator.validate(new ValidationRequest(copy, ValidationConfig.defaults())).projects();
      for (String project : projects) {
        Path venv = project.isEmpty() ? copy.resolve(".venv") : copy.resolve(project).resolve(".venv");
        Files.createDirectories(venv.resolve("bin"));
        Files.createDirectories(venv.resolve("lib/python3.12/site-packages"));
        Files.writeString(venv.resolve("pyvenv.cfg"), "home = /nix/store\n");
        Files.writeString(venv.resolve("bin/activate"), "");
        Files.writeString(venv.resolve("lib/python3.12/site-packages/x.py"), "");
      }
      // the venv on disk is the evidence the rule judges, as git does
      ValidationResult result = validator.validate(new ValidationRequest(copy, ValidationConfig.defaults()));
      Set<String> flagged = new TreeSet<>();
      result.findings().stream().filter(f -> f.ruleId().equals("venv-not-ignored"))
          .forEach(f -> flagged.add(result.projectOf(f.location().path())));
      ExternalTool.run(List.of("git", "init", "-q"), "", copy, "install git");
      String status = ExternalTool.run(List.of("git", "-c", "core.excludesFile=/dev/null", "status", "--porcelain", "--untracked-files=all"), "", copy,
          "install git");
      Set<String> committed = new TreeSet<>();
      for (String line : status.lines().toList()) {
        String path = line.substring(3);
        int venvAt = path.indexOf(".venv/");
        if (venvAt >= 0) {
          String project = venvAt == 0 ? "" : path.substring(0, venvAt - 1);
          committed.add(project);
        }
      }
      assertThat(flagged).as("projects flagged in %s (git status: %s)", caseDir.getFileName(), status)
          .isEqualTo(committed);
    }
  }
}
