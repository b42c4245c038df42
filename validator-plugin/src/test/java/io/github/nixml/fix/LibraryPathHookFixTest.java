package io.github.nixml.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.ast.AttrSet;
import io.github.nixml.nix.ast.Binding;
import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.ast.StringLit;
import io.github.nixml.nix.ast.StringPart;
import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.testing.NixStrings;
import io.github.nixml.testing.Oracle;
import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Fixer;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hook line that the library-path fixes write, as Nix and then the shell read it: on each fix case of both
 * rules (an indented shellHook, a double-quoted one, none), the edited shellHook literal evaluated by
 * {@code nix-instantiate --eval} holds the export line exactly, and bash running that line leaves no empty
 * element (the current directory) on LD_LIBRARY_PATH whether it was unset, empty or set.
 */
class LibraryPathHookFixTest {
  private static final String LD_RULE = "ld-library-path-not-exported";
  private static final String DRIVER_RULE = "opengl-driver-path-missing";
  private static final String PREVIOUS = "${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}";
  /** The line each rule's fix adds to a CUDA shell, as the shell reads it. */
  private static final Map<String, String> LINES = Map.of(
      LD_RULE, "export LD_LIBRARY_PATH=/run/opengl-driver/lib:$NIX_LD_LIBRARY_PATH" + PREVIOUS,
      DRIVER_RULE, "export LD_LIBRARY_PATH=/run/opengl-driver/lib" + PREVIOUS);
  private static final String NIX_LD = "/nix/store/a-zlib/lib:/nix/store/b-glib/lib";
  /** What each rule's line leaves in LD_LIBRARY_PATH before any previous value, with {@link #NIX_LD}. */
  private static final Map<String, String> FRONTS = Map.of(
      LD_RULE, "/run/opengl-driver/lib:" + NIX_LD,
      DRIVER_RULE, "/run/opengl-driver/lib");

  @TempDir Path tempDir;

  static Stream<Arguments> cases() throws Exception {
    return Stream.of(LD_RULE, DRIVER_RULE).flatMap(rule -> {
      try (Stream<Path> dirs = Files.list(FixFixturesTest.FIXTURES.resolve(rule))) {
        return dirs.sorted().toList().stream()
            .map(dir -> Arguments.of(Named.of(rule + "/" + dir.getFileName(), dir)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void nixAndTheShellReadTheFixedHookAsIntended(Path caseDir) throws Exception {
    String rule = caseDir.getParent().getFileName().toString();
    String edited = fix(caseDir, rule);

    StringLit hook = shellHook(edited);
    String value = NixStrings.evaluate(tempDir, hook.syntax().text());
    assertThat(value).as("Nix's value of the hook is ours").isEqualTo(hook.cookedText());
    assertThat(value.split("\n")).as("hook lines").contains(LINES.get(rule));

    assertThat(runInBash(LINES.get(rule), "unset LD_LIBRARY_PATH")).isEqualTo(FRONTS.get(rule));
    assertThat(runInBash(LINES.get(rule), "export LD_LIBRARY_PATH=")).isEqualTo(FRONTS.get(rule));
    assertThat(runInBash(LINES.get(rule), "export LD_LIBRARY_PATH=/usr/lib/x"))
        .isEqualTo(FRONTS.get(rule) + ":/usr/lib/x");
  }

  @Test
  void theOldLineLeftAnEmptyElementWhichTheBashCheckSees() {
    // shows the check above can fail: the line the fixes wrote before
    assertThat(runInBash("export LD_LIBRARY_PATH=/run/opengl-driver/lib:$LD_LIBRARY_PATH", "unset LD_LIBRARY_PATH"))
        .isEqualTo("/run/opengl-driver/lib:");
  }

  @Test
  void aHookWithAnInterpolationGetsTheLineAfterIt() throws Exception {
    Path project = variant(LD_RULE, "bad-ld-path", "            shellHook = ''\n",
        "            shellHook = ''\n              echo \"python: ${python_with_pkgs}\"\n");
    String edited = fix(project, LD_RULE);
    StringLit hook = shellHook(edited);
    List<StringPart> parts = hook.parts();
    assertThat(parts.get(parts.size() - 1)).isInstanceOfSatisfying(StringPart.Text.class,
        last -> assertThat(last.text()).contains("\n" + LINES.get(LD_RULE) + "\n"));
    String value = NixStrings.evaluate(tempDir,
        "let python_with_pkgs = \"/nix/store/p-python\"; in " + hook.syntax().text());
    assertThat(value).isEqualTo("echo \"python: /nix/store/p-python\"\nrunHook venvShellHook\n"
        + LINES.get(LD_RULE) + "\n");
  }

  @Test
  void aHookBuiltWithPlusGetsNoFix() throws Exception {
    Path project = variant(LD_RULE, "bad-ld-path", "            shellHook = ''\n",
        "            shellHook = \"echo start\\n\" + ''\n");
    String before = Files.readString(project.resolve("flake.nix"));
    Validator validator = new Validator(BuiltInRules.registry());
    ValidationRequest request = new ValidationRequest(project, FixFixturesTest.onlyRule(LD_RULE, project));
    List<Finding> found = validator.validate(request).findings().stream()
        .filter(f -> f.ruleId().equals(LD_RULE)).toList();
    assertThat(found).as("the rule still fires").hasSize(1);
    assertThat(found.get(0).fix()).as("but offers no fix").isEmpty();
    new Fixer(validator, FailOn.ERROR).fix(request, false);
    assertThat(Files.readString(project.resolve("flake.nix"))).isEqualTo(before);
  }

  /** Applies the rule's fix to a copy of {@code caseDir}; the edited flake.nix, checked to parse. */
  private String fix(Path caseDir, String rule) throws Exception {
    Path project = tempDir.resolve("project");
    if (!Files.exists(project)) {
      FixFixturesTest.copy(caseDir, project);
    }
    Validator validator = new Validator(BuiltInRules.registry());
    Fixer.FixResult result = new Fixer(validator, FailOn.ERROR)
        .fix(new ValidationRequest(project, FixFixturesTest.onlyRule(rule, caseDir)), false);
    assertThat(result.applied()).as("fixes applied").isNotEmpty();
    Path flake = project.resolve("flake.nix");
    String edited = Files.readString(flake, StandardCharsets.UTF_8);
    assertThat(NixEdits.diagnosticsAfter(edited)).as("our parser").isEmpty();
    Oracle.Verdict verdict = Oracle.NIX_PARSE.check(flake);
    assertThat(verdict.accepted()).as("nix-instantiate --parse: %s", verdict.output()).isTrue();
    return edited;
  }

  /** A copy of a fix case with one piece of its flake.nix replaced, as the test's project. */
  private Path variant(String rule, String caseName, String from, String to) throws Exception {
    Path project = tempDir.resolve("project");
    FixFixturesTest.copy(FixFixturesTest.FIXTURES.resolve(rule).resolve(caseName), project);
    Path flake = project.resolve("flake.nix");
    String text = Files.readString(flake);
    assertThat(text).contains(from);
    Files.writeString(flake, text.replace(from, to));
    return project;
  }

  /** The one {@code shellHook = <string>;} binding of {@code text}. */
  private static StringLit shellHook(String text) {
    NixFile file = NixFrontEnd.analyze(text);
    ArrayDeque<SyntaxNode> nodes = new ArrayDeque<>(List.of(file.root()));
    List<StringLit> hooks = new java.util.ArrayList<>();
    while (!nodes.isEmpty()) {
      SyntaxNode node = nodes.pop();
      if (Expr.cast(node) instanceof AttrSet set) {
        NixShellEdits.binding(set, "shellHook").map(Binding::value).map(Expr::unparenthesized)
            .filter(StringLit.class::isInstance).ifPresent(value -> hooks.add((StringLit) value));
      }
      nodes.addAll(node.children());
    }
    assertThat(hooks).as("shellHook literals").hasSize(1);
    return hooks.get(0);
  }

  /** LD_LIBRARY_PATH after bash runs {@code line}, with NIX_LD_LIBRARY_PATH set and LD_LIBRARY_PATH as given. */
  private String runInBash(String line, String previous) {
    try {
      Path script = Files.createTempFile(tempDir, "hook", ".sh");
      Files.writeString(script, previous + "\nNIX_LD_LIBRARY_PATH=" + NIX_LD + "\n" + line
          + "\nprintf '%s' \"$LD_LIBRARY_PATH\"\n");
      Oracle.Verdict verdict = Oracle.BASH.check(script);
      assertThat(verdict.accepted()).as("bash: %s", verdict.output()).isTrue();
      return verdict.output();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
