package io.github.nixml.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nixml.testing.CleanProject;
import io.github.nixml.testing.ProjectTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fix} and {@code set-python} on a realistic flake that is already broken (the seed's FHS template with
 * CUDA packages not guarded for darwin): an edit that succeeds says which files it changed and succeeds; the goal
 * fails only on what its own edit would introduce, and a refusal leaves every file as it was.
 */
class ChangingMojoTest {
  private static final Path SEED = Path.of("src/test/resources/changing/seed-fhs-cuda");
  private static final String CUDA_ERROR = "ERROR flake.nix:40:15: error: [cuda-not-linux-guarded] ";

  @TempDir Path tmp;
  private Path project;

  @BeforeEach
  void copySeed() throws Exception {
    project = ProjectTree.copy(SEED, tmp.resolve("seed"));
  }

  private <M extends ChangingMojo> MojoHarness<M> configured(M mojo) throws ReflectiveOperationException {
    return new MojoHarness<>(mojo)
        .set("directory", project.toFile())
        .set("failOn", "error")
        .set("layout", "auto")
        .set("cuda", "auto")
        .set("today", CleanProject.TODAY)
        .set("maxLockAgeDays", 30);
  }

  @Test
  void setPythonOnAFlakeWithEarlierErrorsMovesItNamesTheChangedFilesAndSucceeds() throws Exception {
    MojoHarness<SetPythonMojo> goal = configured(new SetPythonMojo()).set("python", "3.12");

    goal.mojo.execute();

    assertThat(goal.log).filteredOn(line -> line.matches("INFO nixml: (changed|created) .*"))
        .containsExactly("INFO nixml: changed .python-version", "INFO nixml: changed flake.nix");
    assertThat(goal.log).anyMatch(line -> line.startsWith(CUDA_ERROR))
        .contains("WARN nixml: already there before nixml:set-python and left as is: 1 finding at or above error"
            + " (nixml:validate still fails; see the log above)");
    String flake = Files.readString(project.resolve("flake.nix"));
    assertThat(flake).contains("              python312\n").doesNotContain("python311");
    assertThat(Files.readString(project.resolve(".python-version"))).isEqualTo("3.12\n");
  }

  @Test
  void setPythonThatWouldIntroduceAFindingAtTheGateFailsNamingItAndChangesNothing() throws Exception {
    Files.writeString(project.resolve("uv.lock"), "version = 1\nrequires-python = \">=3.11\"\n");
    Map<String, String> before = ProjectTree.snapshot(project);
    MojoHarness<SetPythonMojo> strict = configured(new SetPythonMojo()).set("python", "3.10").set("failOn", "warning");

    assertThatThrownBy(strict.mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("nixml: set-python 3.10 refused, nothing changed: it would introduce 1 finding at or above"
            + " warning (above)");
    assertThat(strict.log).singleElement().asString()
        .startsWith("ERROR nixml: set-python 3.10 would introduce uv.lock:2:1: warning: [uv-lock-python-excluded] ");
    assertThat(ProjectTree.snapshot(project)).isEqualTo(before);

    // The gate decides: at error, the same move only adds a warning, so it is made.
    MojoHarness<SetPythonMojo> lenient = configured(new SetPythonMojo()).set("python", "3.10");
    lenient.mojo.execute();
    assertThat(lenient.log).contains("INFO nixml: changed pyproject.toml")
        .anyMatch(line -> line.startsWith("WARN uv.lock:2:1: warning: [uv-lock-python-excluded] "));
  }

  @Test
  void aRefusedSetPythonTouchesNoFile() throws Exception {
    Path flake = project.resolve("flake.nix");
    Files.writeString(flake, Files.readString(flake).replace("              python311\n", "              python3\n"));
    Map<String, String> before = ProjectTree.snapshot(project);
    MojoHarness<SetPythonMojo> goal = configured(new SetPythonMojo()).set("python", "3.12");

    assertThatThrownBy(goal.mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("nixml: set-python 3.12 refused, nothing changed (1 reason above)");
    assertThat(goal.log).singleElement().asString().contains("python3 is whatever Python nixpkgs makes default");
    assertThat(ProjectTree.snapshot(project)).isEqualTo(before);
  }

  @Test
  void fixLeavesWhatItCannotFixNamesTheChangedFilesAndSucceeds() throws Exception {
    Files.createDirectories(project.resolve("nix"));
    Files.writeString(project.resolve("nix/extra.nix"), "{ a = missing; }\n");
    MojoHarness<FixMojo> goal = configured(new FixMojo());

    goal.mojo.execute();

    assertThat(goal.log).filteredOn(line -> line.matches("INFO nixml: (changed|created) .*"))
        .containsExactly("INFO nixml: changed flake.nix");
    assertThat(goal.log).noneMatch(line -> line.startsWith(CUDA_ERROR))
        .anyMatch(line -> line.startsWith("ERROR nix/extra.nix:1:7: error: [nix-undefined-variable] "))
        .contains("WARN nixml: already there before nixml:fix and left as is: 1 finding at or above error"
            + " (nixml:validate still fails; see the log above)");
  }
}
