package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The venv strategies read from a shell's packages, variables and hook commands. */
class VenvStrategyTest {

  private static List<VenvStrategy> strategies(String shellBody) {
    FlakeModel model = FlakeModel.of("{ inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-26.05\";\n"
        + "  outputs = { self, nixpkgs }: let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {\n"
        + "    devShells.x86_64-linux.default = pkgs.mkShell {\n" + shellBody + "\n    };\n  };\n}\n");
    assertThat(model.shells()).hasSize(1);
    return VenvStrategy.of(model.shells().get(0));
  }

  private static List<String> read(List<VenvStrategy> strategies) {
    return strategies.stream().map(s -> s.kind() + ":" + s.directory().orElse("?")).toList();
  }

  @Test
  void venvShellHookMakesVenvDir() {
    assertThat(read(strategies("venvDir = \"./.venv-py/\"; packages = [ pkgs.python312Packages.venvShellHook ];")))
        .containsExactly("VENV_SHELL_HOOK:.venv-py");
  }

  @Test
  void venvDirAssignedInAHookCounts() {
    assertThat(read(strategies("packages = [ pkgs.python312Packages.venvShellHook ];\n"
        + "shellHook = ''\n  venvDir=.pyenv\n  runHook venvShellHook\n'';")))
        .containsExactly("VENV_SHELL_HOOK:.pyenv");
  }

  @Test
  void uvSyncMakesTheProjectEnvironment() {
    assertThat(read(strategies("UV_PROJECT_ENVIRONMENT = \".venv-nix\";\n"
        + "shellHook = ''\n  uv sync --frozen\n  source .venv-nix/bin/activate\n'';")))
        .containsExactly("UV_SYNC:.venv-nix", "ACTIVATE:.venv-nix");
  }

  @Test
  void uvVenvSkipsOptionValues() {
    assertThat(read(strategies("shellHook = ''\n  uv venv --python ${pkgs.python312}/bin/python3 --seed env\n'';")))
        .containsExactly("UV_VENV:env");
  }

  @Test
  void pythonMinusMVenvAndVirtualenvNameTheirDirectory() {
    assertThat(read(strategies("shellHook = ''\n  test -d venv || python3 -m venv --prompt x venv\n"
        + "  virtualenv $PWD/env2\n  . ./venv/bin/activate\n'';")))
        .containsExactly("PYTHON_VENV:venv", "VIRTUALENV:env2", "ACTIVATE:venv");
  }

  @Test
  void echoedOrCommentedCommandsAreNoStrategy() {
    assertThat(strategies("shellHook = ''\n  echo \"python -m venv .venv\"\n  # uv sync\n'';")).isEmpty();
  }

  @Test
  void directoriesOutsideTheProjectOrUnknownAreNotNamed() {
    List<VenvStrategy> found = strategies("shellHook = ''\n  python -m venv $HOME/.venvs/x\n"
        + "  source $SOMEWHERE/bin/activate\n'';");
    assertThat(found).extracting(VenvStrategy::directory).containsExactly(Optional.empty(), Optional.empty());
    assertThat(found).extracting(VenvStrategy::creates).containsExactly(true, false);
  }

  @Test
  void poetryMakesDotVenvOnlyWhereTheShellKeepsItsVenvsInTheProject() {
    assertThat(read(strategies("POETRY_VIRTUALENVS_IN_PROJECT = true;\n"
        + "shellHook = ''\n  poetry env use ${pkgs.python312}/bin/python\n  poetry install --sync\n"
        + "  source .venv/bin/activate\n'';")))
        .containsExactly("POETRY:.venv", "POETRY:.venv", "ACTIVATE:.venv");
    // elsewhere poetry keeps its venvs in its cache, outside the project; `poetry lock` makes none
    assertThat(read(strategies("shellHook = ''\n  poetry lock\n  poetry install\n'';")))
        .containsExactly("POETRY:?");
    assertThat(read(strategies("shellHook = ''\n  export POETRY_VIRTUALENVS_IN_PROJECT=1\n"
        + "  export POETRY_VIRTUALENVS_CREATE=false\n  poetry install\n'';")))
        .containsExactly("POETRY:?");
  }
}
