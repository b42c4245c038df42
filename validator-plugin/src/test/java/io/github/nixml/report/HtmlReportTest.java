package io.github.nixml.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.Oracle;
import io.github.nixml.testing.ProjectTree;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a browser shows it: each page is written by {@link ReportWriter}, opened in headless
 * Chromium ({@link Oracle#CHROMIUM}) and judged on its rendered text.
 */
class HtmlReportTest {
  private static final Path GENERATED_CUDA =
      Path.of("../archetype-nixos-pythonml/src/test/resources/projects/ld-default/reference");
  private static final ToolInfo TOOL = new ToolInfo("nixml", "9.9.9", ToolInfo.INFORMATION_URI);
  private static final ValidationConfig CONFIG =
      ValidationConfig.builder().set("cuda", "required").set("today", "2026-11-25").build();

  @TempDir
  Path temp;

  @Test
  void aGeneratedCudaProjectWithoutItsVenvHookShowsEveryFindingAndTheShellAsUnderstood() throws Exception {
    Path project = ProjectTree.copy(GENERATED_CUDA, temp.resolve("project"));
    Path flake = project.resolve("flake.nix");
    String original = Files.readString(flake);
    String broken = original.replace("              runHook venvShellHook\n", "");
    assertThat(broken).as("the hook line was removed").isNotEqualTo(original);
    Files.writeString(flake, broken);

    ValidationResult result = validate(project);
    assertThat(result.findings()).extracting(Finding::ruleId).contains("venv-hook-not-run");
    Path page = write(result);

    String text = Oracle.CHROMIUM.renderedText(page);
    for (Finding finding : result.findings()) {
      assertThat(text).as("rule id of " + finding).contains("[" + finding.ruleId() + "]");
    }
    assertThat(text)
        .contains("Errors 1")
        .containsPattern("Interpreter python311 \\(Python 3\\.11, flake\\.nix:\\d+:\\d+\\) Venv strategy")
        .contains("Venv strategy venvShellHook into .venv")
        .contains("LD_LIBRARY_PATH /run/opengl-driver/lib:$NIX_LD_LIBRARY_PATH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
        .contains("devShells.x86_64-linux.default")
        .contains("devShells.aarch64-darwin.default")
        .contains("cudatoolkit nixpkgs only on linux yes")
        .contains("cudatoolkit nixpkgs only on linux no")
        .contains("python311Packages.venvShellHook nixpkgs all platforms yes")
        .contains("Commands of shellHook")
        .contains("export UV_PYTHON_DOWNLOADS=never")
        .contains("Unknowns: none, the model resolved everything in this shell.")
        // the source around the finding, and the rule's documentation with its fix
        .contains("export LD_LIBRARY_PATH=/run/opengl-driver/lib")
        .contains("## venv-hook-not-run");
    assertSelfContained(page);
  }

  @Test
  void aShellTheModelDoesNotUnderstandSaysWhatAndWhy() throws Exception {
    Path project = temp.resolve("odd");
    Files.createDirectories(project);
    Files.writeString(project.resolve("flake.nix"), """
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          outputs = { self, nixpkgs, ... }:
            let
              pkgs = import nixpkgs { system = "x86_64-linux"; config.allowUnfree = builtins.getEnv "UNFREE" == "1"; };
              extra = import ./extra.nix;
            in {
              devShells.x86_64-linux.default = pkgs.mkShell {
                packages = [ pkgs.python312 extra.tool ];
                shellHook = ''
                  echo "<script>alert(1)</script> & ${extra.greeting}"
                '';
              };
              devShells.x86_64-linux.merged = pkgs.mkShell ({ packages = [ pkgs.zlib ]; } // extra.attrs);
            };
        }
        """);
    Path page = write(validate(project));
    String text = Oracle.CHROMIUM.renderedText(page);
    assertThat(text)
        .contains("devShells.x86_64-linux.default")
        .contains("devShells.x86_64-linux.merged")
        .contains("Interpreter python312")
        .contains("allowUnfree the configuration value is not literal")
        .contains("attributes some attributes of the call come from an expression the model cannot resolve")
        .contains("packages some entries of the list could not be resolved")
        .contains("shellHook: ${extra.greeting} the interpolation could not be resolved")
        .contains("<script>alert(1)</script>");
    assertThat(Files.readString(page)).doesNotContain("<script>alert");
    assertSelfContained(page);
  }

  @Test
  void aFlakeNixRejectsSaysThatTheModelReadNothing() throws Exception {
    Path project = temp.resolve("broken");
    Files.createDirectories(project);
    Files.writeString(project.resolve("flake.nix"), "{ outputs = { self }: { devShells = ; }; }\n");
    String text = Oracle.CHROMIUM.renderedText(write(validate(project)));
    assertThat(text)
        .contains("[nix-syntax]")
        .contains("Unknown: flake.nix: Nix would reject the file");
  }

  @Test
  void textOfTheModelMatchesThePage() throws Exception {
    String shells = TextPage.shells(NixmlPage.of(validate(GENERATED_CUDA), CONFIG, TOOL));
    assertThat(shells)
        .contains("devShells.x86_64-linux.default\n")
        .contains("Interpreter: python311 (Python 3.11, flake.nix:")
        .contains("Venv strategy: venvShellHook into .venv")
        .contains("  cudatoolkit | nixpkgs | only on linux | yes | flake.nix:")
        .doesNotContain("Findings");
  }

  private static ValidationResult validate(Path project) throws Exception {
    return new Validator(BuiltInRules.registry()).validate(new ValidationRequest(project, CONFIG));
  }

  private Path write(ValidationResult result) throws IOException {
    List<Path> written = new ReportWriter(TOOL, CONFIG).write(result, EnumSet.of(ReportFormat.HTML),
        temp.resolve("out-" + System.nanoTime()));
    assertThat(written).hasSize(1);
    assertThat(written.get(0).getFileName()).hasToString("nixml.html");
    return written.get(0);
  }

  /** No script, and nothing that would be fetched: no src, no link element, no external URL in the style. */
  private static void assertSelfContained(Path page) throws IOException {
    String html = Files.readString(page);
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase(" src=")
        .doesNotContainIgnoringCase("<link").doesNotContain("url(").doesNotContain("@import");
  }
}
