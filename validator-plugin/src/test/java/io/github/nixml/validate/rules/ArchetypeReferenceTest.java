package io.github.nixml.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.FlakeModel;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every project the archetypes generate must validate with zero findings when {@code nixml.cuda} matches the
 * project ({@code cuda=false} in its archetype.properties: {@code off}; otherwise {@code required}). The inputs
 * are the archetype modules' expected trees, {@code archetype-*}/src/test/resources/projects/<case>/reference, and,
 * when an archetype module has been built, what its tests generated for every case of its property matrix
 * ({@code target/test-classes/projects/<case>/project/*}).
 * Zero findings alone could mean the model understood nothing, so the model must also have found every shell
 * with its packages fully resolved.
 */
class ArchetypeReferenceTest {
  /** The reactor root holding the archetype modules; overridable to check another checkout. */
  private static final Path REACTOR = Path.of(System.getProperty("nixml.reactor", ".."));

  static Stream<Arguments> references() throws IOException {
    List<Arguments> found = new ArrayList<>();
    try (Stream<Path> modules = Files.list(REACTOR)) {
      for (Path module : modules.filter(p -> p.getFileName().toString().startsWith("archetype-")).sorted().toList()) {
        Path projects = module.resolve("src/test/resources/projects");
        if (!Files.isDirectory(projects)) {
          continue;
        }
        try (Stream<Path> cases = Files.list(projects)) {
          for (Path caseDir : cases.sorted().toList()) {
            Path reference = caseDir.resolve("reference");
            if (Files.isRegularFile(reference.resolve("flake.nix"))) {
              found.add(Arguments.of(Named.of(module.getFileName() + "/" + caseDir.getFileName(), caseDir), reference));
            }
            // What the archetype module's own build generated for this case (every property combination of
            // its matrix), when that module has been built in this checkout.
            Path generated = module.resolve("target/test-classes/projects").resolve(caseDir.getFileName())
                .resolve("project");
            if (Files.isDirectory(generated)) {
              try (Stream<Path> outputs = Files.list(generated)) {
                for (Path output : outputs.filter(p -> Files.isRegularFile(p.resolve("flake.nix"))).sorted()
                    .toList()) {
                  found.add(Arguments.of(Named.of(module.getFileName() + "/" + caseDir.getFileName()
                      + " (generated)", caseDir), output));
                }
              }
            }
          }
        }
      }
    }
    return found.stream();
  }

  @Test
  void referenceProjectsArePresent() throws IOException {
    assertThat(references().findAny()).as("archetype reference projects in this checkout").isPresent();
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("references")
  void generatedProjectHasNoFindings(Path caseDir, Path reference) throws Exception {
    String cuda = "required";
    // Judged on the day the case was generated on (a generated branch is supported then, whatever the clock says
    // later); cases that pin no day were generated with an explicit branch that was out on 2026-11-25.
    String day = "2026-11-25";
    Path properties = caseDir.resolve("archetype.properties");
    if (Files.exists(properties)) {
      Properties loaded = new Properties();
      try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
        loaded.load(reader);
      }
      cuda = "false".equals(loaded.getProperty("cuda", "true").trim()) ? "off" : "required";
      day = loaded.getProperty("nixml.today", day);
    }
    ValidationConfig config = ValidationConfig.builder().set("cuda", cuda).set("today", day).build();
    ValidationResult result = new Validator(BuiltInRules.registry()).validate(new ValidationRequest(reference, config));
    // A fresh project has no flake.lock (locking needs the network): that note is the only finding allowed.
    // LockedProjectTest proves the flake.lock rules stay silent once it is locked.
    assertThat(result.findings()).as("findings with nixml.cuda=" + cuda)
        .extracting(finding -> finding.ruleId() + " " + finding.severity())
        .containsExactly("flake-lock-missing note");

    FlakeModel model = FlakeModel.of(Files.readString(reference.resolve("flake.nix")));
    assertThat(model.readable()).as("the model reads flake.nix").isTrue();
    assertThat(model.shellsComplete()).as("every devShells entry is understood").isTrue();
    assertThat(model.shells()).as("dev shells").isNotEmpty();
    for (DevShell shell : model.shells()) {
      assertThat(shell.packages().complete()).as("packages of " + shell.name() + " fully resolved").isTrue();
      assertThat(shell.interpreters()).as("interpreter of " + shell.name()).isNotEmpty();
    }
  }
}
