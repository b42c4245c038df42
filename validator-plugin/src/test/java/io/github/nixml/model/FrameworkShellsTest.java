package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shells built by frameworks (flakelight's {@code mkFlake}, with its files auto-loaded from {@code nixDir}) and
 * Python environments built by builders (pyproject-nix {@code mkVirtualEnv}, poetry2nix {@code mkPoetryEnv}).
 */
class FrameworkShellsTest {
  @TempDir
  Path dir;

  private static final String INPUTS = """
        inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
        inputs.flakelight.url = "github:nix-community/flakelight";
      """;

  private FlakeModel model(String flake, String... files) throws IOException {
    Files.writeString(dir.resolve("flake.nix"), flake);
    for (int i = 0; i < files.length; i += 2) {
      Path file = dir.resolve(files[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, files[i + 1]);
    }
    return FlakeImportsTest.model(dir);
  }

  private static List<String> names(DevShell shell) {
    return shell.packages().packages().stream().map(PackageRef::name).toList();
  }

  private static DevShell shell(FlakeModel model, String name) {
    return model.shells().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void flakelightDevShellFunctionOfPkgsOnItsDefaultSystems() throws IOException {
    FlakeModel model = model("{\n" + INPUTS + """
          outputs = { flakelight, ... }@inputs: flakelight ./. {
            inherit inputs;
            devShell = pkgs: {
              packages = [ pkgs.python312 pkgs.uv ];
              env.UV_PYTHON_DOWNLOADS = "never";
              shellHook = "uv sync";
            };
          };
        }
        """);
    assertThat(model.shellsComplete()).isTrue();
    DevShell shell = shell(model, "default");
    assertThat(shell.systems()).contains(Set.of("x86_64-linux", "aarch64-linux"));
    assertThat(names(shell)).containsExactly("python312", "uv");
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.env()).containsKey("UV_PYTHON_DOWNLOADS");
    assertThat(shell.hooks()).hasSize(1);
    // placed where the user wrote the definition (the function), not inside nixml's own flakelight source
    assertThat(shell.location().file()).isNull();
    assertThat(shell.location().line()).isEqualTo(6);
  }

  @Test
  void flakelightLoadsDevShellsFromNixDirWithEscapedDefault() throws IOException {
    FlakeModel model = model("{\n" + INPUTS + """
          outputs = { flakelight, ... }@inputs: flakelight.lib.mkFlake ./. ({ lib, ... }: {
            inherit inputs;
            systems = [ "x86_64-linux" ];
          });
        }
        """,
        "nix/devShells/_default.nix", "{ mkShell, python311, uv }: mkShell { packages = [ python311 uv ]; }\n",
        "nix/devShells/lint.nix", "{ packages = pkgs: [ pkgs.ruff ]; }\n");
    assertThat(model.shells().stream().map(DevShell::name)).containsExactlyInAnyOrder("default", "lint");
    DevShell main = shell(model, "default");
    assertThat(names(main)).containsExactly("python311", "uv");
    assertThat(main.location().file()).isEqualTo("nix/devShells/_default.nix");
    DevShell lint = shell(model, "lint");
    assertThat(names(lint)).containsExactly("ruff");
    assertThat(lint.location().file()).isEqualTo("nix/devShells/lint.nix");
  }

  @Test
  void flakelightWithoutNixDirFindsNoAutoLoadedShell() throws IOException {
    FlakeModel model = model("{\n" + INPUTS + """
          outputs = { flakelight, ... }@inputs: flakelight ./. { inherit inputs; nixDir = null; };
        }
        """, "nix/devShell.nix", "pkgs: { packages = [ pkgs.python312 ]; }\n");
    assertThat(model.shells()).isEmpty();
  }

  @Test
  void blueprintReadsItsFolderWithWhatItPassesEachFile() throws IOException {
    FlakeModel model = model("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.blueprint.url = "github:numtide/blueprint";
          inputs.systems.url = "github:nix-systems/default-linux";
          outputs = inputs: inputs.blueprint { inherit inputs; prefix = "nix"; nixpkgs.config.allowUnfree = true; };
        }
        """, "nix/devshell.nix", """
        { pkgs, perSystem, pname, ... }:
        pkgs.mkShell { packages = [ perSystem.self.tool pkgs.uv ]; shellHook = "echo ${pname}"; }
        """, "nix/devshells/cuda/default.nix", """
        { pkgs, ... }: pkgs.mkShell { packages = [ pkgs.cudatoolkit ]; }
        """, "nix/packages/tool.nix", """
        { pkgs, ... }: pkgs.python312.withPackages (ps: [ ps.numpy ])
        """);
    assertThat(model.shellsComplete()).isTrue();
    DevShell shell = shell(model, "default");
    assertThat(shell.systems()).contains(Set.of("x86_64-linux", "aarch64-linux"));
    assertThat(shell.packages().complete()).isTrue();
    assertThat(names(shell)).containsExactly("python312", "uv");
    assertThat(shell.hooks().get(0).text()).isEqualTo("echo default");
    assertThat(shell.location().file()).isEqualTo("nix/devshell.nix");
    DevShell cuda = shell(model, "cuda");
    assertThat(names(cuda)).containsExactly("cudatoolkit");
    assertThat(cuda.packages().packages().get(0).source().unfreeAllowed()).isEqualTo(Tristate.TRUE);
  }

  @Test
  void flakeUtilsPlusChannelsAndOutputsBuilder() throws IOException {
    FlakeModel model = model("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.utils.url = "github:gytis-ivaskevicius/flake-utils-plus";
          outputs = inputs@{ self, nixpkgs, utils, ... }: utils.lib.mkFlake {
            inherit self inputs;
            supportedSystems = [ "x86_64-linux" "aarch64-darwin" ];
            channelsConfig.allowUnfree = true;
            channels.nixpkgs.input = nixpkgs;
            outputsBuilder = channels: {
              devShells.default = channels.nixpkgs.mkShell { packages = [ channels.nixpkgs.python312 ]; };
            };
          };
        }
        """);
    DevShell shell = shell(model, "default");
    assertThat(shell.systems()).contains(Set.of("x86_64-linux", "aarch64-darwin"));
    assertThat(names(shell)).containsExactly("python312");
    assertThat(shell.instance().allowUnfree()).isEqualTo(Tristate.TRUE);
    // flake-utils-plus adds overlays of its own to every channel
    assertThat(shell.instance().overlays()).isEqualTo(Tristate.TRUE);
  }

  @Test
  void pyprojectVirtualEnvIsAnEnvironmentOfItsPython() throws IOException {
    String flake = """
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.pyproject-nix.url = "github:pyproject-nix/pyproject.nix";
          outputs = { nixpkgs, pyproject-nix, ... }:
            let
              pkgs = nixpkgs.legacyPackages.x86_64-linux;
              set = (pkgs.callPackage pyproject-nix.build.packages { python = PYTHON; }).overrideScope (_: _: { });
            in {
              devShells.x86_64-linux.default = pkgs.mkShell { packages = [ (set.mkVirtualEnv "env" { }) ]; };
            };
        }
        """;
    DevShell known = shell(model(flake.replace("PYTHON", "pkgs.python312")), "default");
    assertThat(names(known)).containsExactly("python312");
    assertThat(known.packages().complete()).isTrue();
    // an interpreter the model cannot name: the environment is unknown, the package list incomplete
    DevShell unknown = shell(model(flake.replace("PYTHON", "builtins.getEnv \"PY\"")), "default");
    assertThat(unknown.packages().packages()).isEmpty();
    assertThat(unknown.packages().complete()).isFalse();
  }

  @Test
  void poetryEnvDefaultsToThePackageSetsPython3() throws IOException {
    String flake = """
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.poetry2nix.url = "github:nix-community/poetry2nix";
          outputs = { nixpkgs, poetry2nix, ... }:
            let
              pkgs = nixpkgs.legacyPackages.x86_64-linux;
              inherit (poetry2nix.lib.mkPoetry2Nix { inherit pkgs; }) mkPoetryEnv;
            in {
              devShells.x86_64-linux.default = pkgs.mkShell { packages = [ (mkPoetryEnv ARGS) pkgs.poetry ]; };
            };
        }
        """;
    assertThat(names(shell(model(flake.replace("ARGS", "{ projectDir = ./.; }")), "default")))
        .containsExactly("python3", "poetry");
    assertThat(names(shell(model(flake.replace("ARGS", "{ projectDir = ./.; python = pkgs.python311; }")),
        "default"))).containsExactly("python311", "poetry");
  }

  @Test
  void packageSetUpdatedWithASetKeepsBoth() throws IOException {
    FlakeModel model = model("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          outputs = { nixpkgs, ... }:
            let pkgs = nixpkgs.legacyPackages.x86_64-linux // { tools = [ "ruff" ]; };
            in {
              devShells.x86_64-linux.default = pkgs.mkShell {
                packages = [ pkgs.python312 ] ++ map (name: pkgs.${name}) pkgs.tools;
              };
            };
        }
        """);
    assertThat(names(shell(model, "default"))).containsExactly("python312", "ruff");
    assertThat(Optional.of(model.shellsComplete())).contains(true);
  }
}
