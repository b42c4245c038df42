package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.eval.TreeLowering;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shells written in files the flake imports: understood, positioned in that file. */
class FlakeImportsTest {
  private static final Path REALWORLD = Path.of("src/test/resources/realworld");

  static FlakeModel model(Path directory) throws IOException {
    NixFile flake = NixFrontEnd.analyze(Files.readString(directory.resolve("flake.nix")));
    return FlakeModel.of(flake, TreeLowering.lower(flake), new FlakeDirectory(directory, name -> {
      try {
        return Optional.of(Files.readString(directory.resolve(name)));
      } catch (IOException e) {
        return Optional.empty();
      }
    }));
  }

  private static List<String> names(DevShell shell) {
    return shell.packages().packages().stream().map(PackageRef::name).toList();
  }

  @Test
  void importedShellIsUnderstoodAndPointsIntoItsFile() throws IOException {
    FlakeModel model = model(REALWORLD.resolve("bug-imported-shell-hook-missing"));
    assertThat(model.shellsComplete()).isTrue();
    assertThat(model.shells()).hasSize(2);
    DevShell shell = model.shells().get(0);
    assertThat(shell.location().file()).isEqualTo("nix/shell.nix");
    assertThat(shell.location().line()).isEqualTo(3);
    assertThat(names(shell)).containsExactly("python312", "uv", "ruff");
    assertThat(shell.packages().complete()).isTrue();
    // the default argument `pkgs.python312` is written in the imported file
    assertThat(shell.packages().packages().get(0).location().file()).isEqualTo("nix/shell.nix");
  }

  @Test
  void callPackageFillsFormalsFromThePackageSetAndOverridesWin() throws IOException {
    FlakeModel model = model(REALWORLD.resolve("callpackage-shell-file"));
    assertThat(model.shellsComplete()).isTrue();
    DevShell full = model.shells().stream().filter(s -> s.name().equals("default")).findFirst().orElseThrow();
    DevShell ci = model.shells().stream().filter(s -> s.name().equals("ci")).findFirst().orElseThrow();
    assertThat(names(full)).containsExactly("python312", "python312Packages.venvShellHook", "uv", "ruff");
    assertThat(names(ci)).containsExactly("python312", "python312Packages.venvShellHook", "uv");
    assertThat(full.packages().packages().get(0).location().file()).isEqualTo("shell.nix");
  }

  @Test
  void flakePartsModulesFromImportsMergeTheirShells() throws IOException {
    FlakeModel model = model(REALWORLD.resolve("bug-parts-imported-modules"));
    assertThat(model.shells().stream().map(DevShell::name).distinct()).containsExactlyInAnyOrder("default", "lint");
    assertThat(model.shells()).hasSize(6);
    DevShell python = model.shells().stream().filter(s -> s.name().equals("default")).findFirst().orElseThrow();
    assertThat(python.location().file()).isEqualTo("nix/python.nix");
    assertThat(names(python)).containsExactly("python311", "python311.pkgs.venvShellHook", "uv");
  }

  @Test
  void aFileNotReadIsKeptWithItsReason(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("flake.nix"), "{\n  inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-26.05\";\n"
        + "  outputs = { self, nixpkgs }: {\n    devShells.x86_64-linux.default = import ./nix/shell.nix {\n"
        + "      pkgs = nixpkgs.legacyPackages.x86_64-linux;\n    };\n  };\n}\n");
    FlakeModel model = model(directory);
    assertThat(model.shells()).isEmpty();
    assertThat(model.shellsComplete()).isFalse();
    assertThat(model.importProblems()).containsEntry("nix/shell.nix", "no such file");
  }

  @Test
  void withoutTheDirectoryNothingIsRead() throws IOException {
    Path directory = REALWORLD.resolve("callpackage-shell-file");
    FlakeModel model = FlakeModel.of(Files.readString(directory.resolve("flake.nix")));
    assertThat(model.shells()).isEmpty();
    assertThat(model.shellsComplete()).isFalse();
  }

  @Test
  void selfAnInputAndAnEnvironmentInTextsArePathsWhoseFilesAreNotListed(@TempDir Path directory)
      throws IOException {
    Files.writeString(directory.resolve("flake.nix"), """
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
          inputs.data = { url = "path:./data"; flake = false; };
          outputs = { self, nixpkgs, data }: let
            pkgs = nixpkgs.legacyPackages.x86_64-linux;
            fhs = pkgs.buildFHSEnv { name = "my-fhs"; targetPkgs = p: [ p.zlib ]; runScript = "bash"; };
          in {
            devShells.x86_64-linux.default = pkgs.mkShell {
              NIX_PATH = "nixpkgs=${nixpkgs}";
              DATA = "${data}";
              PYTHONPATH = "${self}/src";
              shellHook = "export PATH=${fhs}/bin:$PATH";
            };
          };
        }
        """);
    DevShell shell = model(directory).shells().get(0);
    assertThat(shell.textsComplete()).isTrue();
    assertThat(shell.env().get("NIX_PATH").text()).isEqualTo("nixpkgs=${nixpkgs}");
    assertThat(shell.env().get("DATA").pieces()).containsExactly(new ShellPiece.InputSource("data"));
    assertThat(shell.env().get("PYTHONPATH").pieces()).containsExactly(new ShellPiece.ProjectPath("./."),
        new ShellPiece.Literal("/src"));
    assertThat(shell.hooks().get(0).pieces()).filteredOn(ShellPiece.BuiltPath.class::isInstance)
        .extracting(ShellPiece::display).containsExactly("${buildFHSEnv \"my-fhs\"}");
  }

  @Test
  void selfOfPerSystemOutputsIsStillTheFlakesSource(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("flake.nix"), """
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
          inputs.flake-utils.url = "github:numtide/flake-utils";
          outputs = { self, nixpkgs, flake-utils }: flake-utils.lib.eachDefaultSystem (system:
            let pkgs = nixpkgs.legacyPackages.${system}; in {
              packages.tool = pkgs.hello;
              devShells.default = pkgs.mkShell {
                packages = [ self.packages.${system}.tool ];
                shellHook = "export PYTHONPATH=${self}/src:$PYTHONPATH";
              };
            });
        }
        """);
    DevShell shell = model(directory).shells().get(0);
    assertThat(shell.textsComplete()).isTrue();
    assertThat(shell.hooks().get(0).pieces()).contains(new ShellPiece.ProjectPath("./."));
    assertThat(names(shell)).containsExactly("hello");
  }

  @Test
  void aSourceInputHasNoOutputsWhileItsFilesCanStillBeImported(@TempDir Path directory) throws IOException {
    // `flake = false`: the input is a source tree; `nixpkgs.legacyPackages` on it is no attribute Nix would find,
    // while `import nixpkgs { … }` reads it as nixpkgs
    Files.writeString(directory.resolve("flake.nix"), """
        {
          inputs.nixpkgs = { url = "github:NixOS/nixpkgs/nixos-24.11"; flake = false; };
          inputs.tools.url = "github:NixOS/nixpkgs/nixos-24.11";
          inputs.tools.flake = false;
          outputs = { self, nixpkgs, tools }: let
            pkgs = import nixpkgs { system = "x86_64-linux"; };
          in {
            devShells.x86_64-linux.default = pkgs.mkShell {
              packages = [ pkgs.uv tools.legacyPackages.x86_64-linux.ruff tools.outputs.lib ];
            };
          };
        }
        """);
    DevShell shell = model(directory).shells().get(0);
    assertThat(shell.packages().packages()).extracting(PackageRef::name).containsExactly("uv");
    assertThat(shell.packages().complete()).isFalse();
  }

  @Test
  void aPythonSetsCallPackageFillsItsOwnBuildersAndTheTopLevelsNames(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("flake.nix"), """
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
          outputs = { self, nixpkgs }: let
            pkgs = import nixpkgs { system = "x86_64-linux"; overlays = [ self.overlays.default ]; };
          in {
            overlays.default = final: prev: { devShell = final.python312Packages.callPackage nix/shell { }; };
            devShells.x86_64-linux.default = pkgs.devShell;
            devShells.x86_64-linux.modules = pkgs.python312.pkgs.callPackage ./modules.nix { };
            devShells.x86_64-linux.base = pkgs.python312.pkgs.callPackage ./base.nix { };
            devShells.x86_64-linux.extended = (import nixpkgs { system = "x86_64-linux"; overlays = [
              (final: prev: { pythonPackagesExtensions = prev.pythonPackagesExtensions ++ [ (py: _: { mine = 1; }) ]; })
            ]; }).python312Packages.callPackage ./extended.nix { };
          };
        }
        """);
    Files.createDirectories(directory.resolve("nix/shell"));
    Files.writeString(directory.resolve("nix/shell/default.nix"), """
        { pkgs, lib, python, ... }: pkgs.mkShell { packages = [ python pkgs.uv ] ++ lib.optional false pkgs.zlib; }
        """);
    // a name of nixpkgs' Python set is its module, any other name the top level's
    Files.writeString(directory.resolve("modules.nix"), """
        { mkShell, numpy, setuptools, zlib, fetchFromGitHub }: mkShell { packages = [ numpy setuptools zlib ]; }
        """);
    // the set's base (`isPy39`, `pythonOlder`) is not modelled: unknown, no top-level package
    Files.writeString(directory.resolve("base.nix"), """
        { mkShell, isPy39 }: mkShell { packages = [ isPy39 ]; }
        """);
    // where an overlay extends the Python set, a name it does not list may be one the extension adds
    Files.writeString(directory.resolve("extended.nix"), """
        { mkShell, numpy, mine }: mkShell { packages = [ numpy mine ]; }
        """);
    FlakeModel model = model(directory);
    assertThat(model.shells()).filteredOn(shell -> shell.name().equals("default")).singleElement()
        .satisfies(shell -> {
          assertThat(shell.packages().complete()).isTrue();
          assertThat(names(shell)).containsExactly("python312Packages.python", "uv");
        });
    assertThat(model.shells()).filteredOn(shell -> shell.name().equals("modules")).singleElement()
        .satisfies(shell -> {
          assertThat(shell.packages().complete()).isTrue();
          assertThat(names(shell)).containsExactly("python312.pkgs.numpy", "python312.pkgs.setuptools", "zlib");
        });
    assertThat(model.shells()).filteredOn(shell -> shell.name().equals("base")).singleElement()
        .satisfies(shell -> assertThat(shell.packages().complete()).isFalse());
    assertThat(model.shells()).filteredOn(shell -> shell.name().equals("extended")).singleElement()
        .satisfies(shell -> {
          assertThat(shell.packages().complete()).isFalse();
          assertThat(names(shell)).containsExactly("python312Packages.numpy");
        });
  }

  @Test
  void aPathOfTheProjectAndAPackageItBuildsAreKnownPathsInTexts(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("flake.nix"), """
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
          outputs = { nixpkgs, ... }: let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
            devShells.x86_64-linux.default = pkgs.mkShell {
              packages = [ (pkgs.callPackage ./tool.nix { }) ];
              LD_LIBRARY_PATH = "${pkgs.callPackage ./tool.nix { }}/lib";
              shellHook = ''
                export PYTHONPATH="${builtins.toString ./.}/src:${toString ./data}"
                cp ${./config.toml} .
              '';
            };
          };
        }
        """);
    Files.writeString(directory.resolve("tool.nix"), """
        { python312Packages }:
        python312Packages.buildPythonApplication { pname = "tool"; version = "1"; src = ./.;
          dependencies = [ python312Packages.numpy ]; }
        """);
    DevShell shell = model(directory).shells().get(0);
    assertThat(shell.packages().complete()).isTrue();
    assertThat(names(shell)).containsExactly("python312Packages.numpy", "python312");
    // the package the project builds stands for a folder whose files the model does not list
    assertThat(shell.env().get("LD_LIBRARY_PATH").pieces().get(0)).isInstanceOf(ShellPiece.BuiltPath.class);
    assertThat(shell.hooksComplete()).isTrue();
    assertThat(shell.hooks().get(0).pieces()).filteredOn(ShellPiece.ProjectPath.class::isInstance)
        .extracting(ShellPiece::display).containsExactly("${./.}", "${./data}", "${./config.toml}");
  }

  @Test
  void meldMergesTheOutputsOfFilesAndSelfIsPassedUnnamed(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("flake.nix"), """
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
          inputs.flake-utils.url = "github:numtide/flake-utils";
          outputs = { flake-utils, ... }@inputs: flake-utils.lib.meld inputs [ ./nix/shells.nix ./nix/common.nix ];
        }
        """);
    Files.createDirectories(directory.resolve("nix"));
    Files.writeString(directory.resolve("nix/shells.nix"), """
        { self, nixpkgs, flake-utils, ... }: flake-utils.lib.eachDefaultSystem (system:
          let pkgs = import nixpkgs { inherit system; }; in {
            devShells.default = pkgs.mkShell { packages = self.common.${system}.core; };
          })
        """);
    Files.writeString(directory.resolve("nix/common.nix"), """
        { nixpkgs, flake-utils, ... }: flake-utils.lib.eachDefaultSystem (system: {
          common.core = [ nixpkgs.legacyPackages.${system}.uv ];
        })
        """);
    FlakeModel model = model(directory);
    assertThat(model.shellsComplete()).isTrue();
    // one shell for the four systems, as eachDefaultSystem makes it
    assertThat(model.shells()).singleElement().satisfies(shell -> {
      assertThat(shell.systems().orElseThrow()).hasSize(4);
      assertThat(names(shell)).containsExactly("uv");
      assertThat(shell.packages().complete()).isTrue();
      assertThat(shell.location().file()).isEqualTo("nix/shells.nix");
    });
  }
}
