package io.github.nixml.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nixml.testing.CleanProject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mojo as Maven would configure it (fields set as the plugin descriptor's defaults say), with a recording log. */
class ValidateMojoTest {
  @TempDir Path root;
  private List<String> log;
  private ValidateMojo mojo;
  private MojoHarness<ValidateMojo> harness;

  @BeforeEach
  void setUp() throws Exception {
    CleanProject.write(root);
    harness = new MojoHarness<>(new ValidateMojo());
    mojo = harness.mojo;
    log = harness.log;
    set("basedir", root.toFile());
    set("failOn", "error");
    set("formats", "text,sarif");
    set("layout", "auto");
    set("cuda", "auto");
    set("today", CleanProject.TODAY);
    set("maxLockAgeDays", 30);
  }

  private void set(String field, Object value) throws Exception {
    harness.set(field, value);
  }

  @Test
  void aCleanProjectPassesAndWritesTheSarifReport() throws Exception {
    mojo.execute();
    assertThat(root.resolve("target/nixml/nixml.sarif")).isRegularFile();
    assertThat(log).anyMatch(l -> l.startsWith("INFO nixml: 1 project, 1 Nix file: 0 errors, 0 warnings, 0 notes"));
  }

  @Test
  void findingsAreLoggedAtTheirLevelThenFailOnce() throws Exception {
    Files.writeString(root.resolve(".python-version"), "3.11\n");
    Files.writeString(root.resolve(".envrc"), "use nix\n");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("1 finding at or above error; see " + root.toRealPath().resolve("target/nixml/nixml.sarif")
            + " (set nixml.failOn to change the threshold)");
    assertThat(log).contains(
        "WARN .envrc:1:1: warning: [envrc-no-flake] .envrc runs `use nix`, but the project has no shell.nix or"
            + " default.nix for it, only flake.nix: direnv fails instead of entering the dev shell; replace it with"
            + " `use flake`");
    assertThat(log).anyMatch(l -> l.startsWith("ERROR .python-version:1:1: error: [requires-python-mismatch]"));
  }

  @Test
  void failOnWarningCountsWarningsAndNoneNeverFails() throws Exception {
    Files.writeString(root.resolve(".envrc"), "use nix\n");
    set("failOn", "warning");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("1 finding at or above warning");
    set("failOn", "none");
    mojo.execute();
  }

  @Test
  void severitiesAndDisabledRulesApply() throws Exception {
    Files.writeString(root.resolve(".python-version"), "3.11\n");
    set("severities", Map.of("requires-python-mismatch", "note"));
    mojo.execute();
    assertThat(log).anyMatch(l -> l.startsWith("INFO .python-version:1:1: note: [requires-python-mismatch]"));
    set("severities", null);
    set("disabledRules", "requires-python-mismatch, envrc-no-flake");
    log.clear();
    mojo.execute();
    assertThat(log).noneMatch(l -> l.contains("requires-python-mismatch"));
  }

  @Test
  void invalidParametersAreExecutionErrorsWithClearMessages() throws Exception {
    set("failOn", "sometimes");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("nixml: invalid configuration: unknown failOn 'sometimes' (expected error, warning, note or none)");
    set("failOn", "error");
    set("cuda", "maybe");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("cuda 'maybe'");
    set("cuda", "auto");
    set("formats", "pdf");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("'pdf'");
    set("formats", " ");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("nixml: invalid configuration: nixml.formats is empty"
            + " (expected a comma-separated list of text, sarif, junit, json, html)");
    set("formats", "text");
    set("severities", Map.of("no-such-rule", "off"));
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("unknown rule id 'no-such-rule'");
    set("severities", null);
    set("today", "25/11/2026");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("nixml.today must be an ISO date like 2026-11-25, not '25/11/2026'");
  }

  @Test
  void anUnwritableOutputDirectoryIsAToolFailure() throws Exception {
    Path blocker = root.resolve("blocker");
    Files.writeString(blocker, "");
    set("outputDirectory", blocker.resolve("reports").toFile());
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("nixml: cannot write reports to " + blocker.resolve("reports") + ": not a directory");
  }

  @Test
  void aBaselineExcusesKnownFindingsAndANewOneFails() throws Exception {
    Files.writeString(root.resolve(".python-version"), "3.11\n");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    Path baseline = root.resolve("nixml-baseline.sarif");
    Files.copy(root.resolve("target/nixml/nixml.sarif"), baseline);
    set("baseline", baseline.toFile());
    log.clear();
    mojo.execute();
    assertThat(log).contains("INFO nixml: 1 project, 1 Nix file: 1 error, 0 warnings, 0 notes (0 at or above error);"
        + " baseline: 1 known, 0 fixed");
    Files.writeString(root.resolve("flake.nix"), Files.readString(root.resolve("flake.nix"))
        .replace("UV_PYTHON_DOWNLOADS = \"never\";", "UV_PYTHON_DOWNLOADS = \"never\"; x = undefinedName;"));
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("1 finding at or above error;");
  }

  @Test
  void skipDoesNothingAndDirectoryOverridesBasedir() throws Exception {
    set("skip", true);
    set("directory", new File("/nonexistent/nixml"));
    mojo.execute();
    assertThat(log).containsExactly("INFO nixml: skipped");
    set("skip", false);
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("nixml: invalid configuration: directory /nonexistent/nixml does not exist");
  }
}
