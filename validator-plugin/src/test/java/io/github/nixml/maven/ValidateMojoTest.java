package io.github.nixml.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mojo as Maven would configure it (fields set as the plugin descriptor's defaults say), with a recording log. */
class ValidateMojoTest {
  @TempDir Path root;
  private final List<String> log = new ArrayList<>();
  private ValidateMojo mojo;

  @BeforeEach
  void setUp() throws Exception {
    // A dev shell the model understands and finds nothing wrong with (an empty flake would be layout-unknown).
    Files.writeString(root.resolve("flake.nix"), String.join("\n",
        "{",
        "  inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-26.05\";",
        "  outputs = { self, nixpkgs }:",
        "    let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {",
        "      devShells.x86_64-linux.default = pkgs.mkShell {",
        "        packages = [ pkgs.python3 pkgs.python3Packages.venvShellHook pkgs.uv ];",
        "        venvDir = \".venv\";",
        "        UV_PYTHON_DOWNLOADS = \"never\";",
        "      };",
        "    };",
        "}", ""));
    Files.writeString(root.resolve(".python-version"), "3.12\n");
    Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"x\"\nrequires-python = \">=3.12\"\n");
    Files.writeString(root.resolve(".gitignore"), ".venv/\n");
    Files.writeString(root.resolve(".envrc"), "use flake\n");
    Files.writeString(root.resolve("flake.lock"), String.join("\n",
        "{",
        "  \"nodes\": {",
        "    \"nixpkgs\": {",
        "      \"locked\": { \"lastModified\": 1795132800, \"narHash\": \"sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",",
        "        \"owner\": \"NixOS\", \"repo\": \"nixpkgs\", \"rev\": \"0123456789abcdef0123456789abcdef01234567\", \"type\": \"github\" },",
        "      \"original\": { \"owner\": \"NixOS\", \"ref\": \"nixos-26.05\", \"repo\": \"nixpkgs\", \"type\": \"github\" }",
        "    },",
        "    \"root\": { \"inputs\": { \"nixpkgs\": \"nixpkgs\" } }",
        "  },",
        "  \"root\": \"root\",",
        "  \"version\": 7",
        "}", ""));
    mojo = new ValidateMojo();
    mojo.setLog(new SystemStreamLog() {
      @Override public void error(CharSequence content) { log.add("ERROR " + content); }
      @Override public void warn(CharSequence content) { log.add("WARN " + content); }
      @Override public void info(CharSequence content) { log.add("INFO " + content); }
    });
    set("basedir", root.toFile());
    set("failOn", "error");
    set("formats", "text,sarif");
    set("layout", "auto");
    set("cuda", "auto");
    set("today", "2026-11-25"); // the lock above is 5 days old then
    set("maxLockAgeDays", 30);
  }

  private void set(String field, Object value) throws Exception {
    Field f = ValidateMojo.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(mojo, value);
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
        .hasMessageStartingWith("1 finding at or above error; see target/nixml/nixml.sarif");
    assertThat(log).contains(
        "WARN .envrc: warning: [envrc-no-flake] .envrc never runs `use flake`: direnv will not enter the flake's dev shell; add the line `use flake`");
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
        .hasMessageContaining("unknown failOn 'sometimes'");
    set("failOn", "error");
    set("cuda", "maybe");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("cuda 'maybe'");
    set("cuda", "auto");
    set("formats", "pdf");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("'pdf'");
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
        .hasMessageContaining("cannot write reports to");
  }

  @Test
  void skipDoesNothingAndDirectoryOverridesBasedir() throws Exception {
    set("skip", true);
    set("directory", new File("/nonexistent/nixml"));
    mojo.execute();
    assertThat(log).containsExactly("INFO nixml: skipped");
    set("skip", false);
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("not a directory");
  }
}
