package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.eval.TreeLowering;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A project without a flake: the dev shell of its shell.nix (or default.nix), as {@code nix-shell} would read it. */
class ShellFileModelTest {

  private static FlakeModel model(String text) {
    NixFile file = NixFrontEnd.analyze(text);
    assertThat(file.hasErrors()).as("parses: %s", file.diagnostics()).isFalse();
    return FlakeModel.ofShellFile(file, TreeLowering.lower(file), null, "shell.nix");
  }

  private static DevShell onlyShell(FlakeModel model) {
    assertThat(model.readable()).isTrue();
    assertThat(model.shellsComplete()).isTrue();
    assertThat(model.shells()).hasSize(1);
    return model.shells().get(0);
  }

  private static List<String> names(DevShell shell) {
    return shell.packages().packages().stream().map(PackageRef::name).toList();
  }

  @Test
  void aPinnedSourceIsImportedByItsOutPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    // a pin tool's shape (npins, niv): JSON pins turned into sets whose outPath is the fetched archive
    java.nio.file.Files.createDirectories(dir.resolve("pins"));
    java.nio.file.Files.writeString(dir.resolve("pins/pins.json"), """
        { "nixpkgs": { "url": "https://releases.nixos.org/nixpkgs/nixpkgs-25.05pre7.0123abcd/nixexprs.tar.xz" },
          "tools": { "url": "https://example.org/tools.tar.gz" } }
        """);
    java.nio.file.Files.writeString(dir.resolve("pins/default.nix"), """
        builtins.mapAttrs (name: pin: pin // { outPath = builtins.fetchTarball { inherit (pin) url; }; })
          (builtins.fromJSON (builtins.readFile ./pins.json))
        """);
    String text = """
        let pins = import ./pins; pkgs = import pins.nixpkgs { }; tools = import pins.tools { }; in
        pkgs.mkShell { packages = [ pkgs.uv ]; }
        """;
    java.nio.file.Files.writeString(dir.resolve("shell.nix"), text);
    NixFile file = NixFrontEnd.analyze(text);
    FlakeModel model = FlakeModel.ofShellFile(file, TreeLowering.lower(file), new FlakeDirectory(dir, name -> {
      try {
        return java.util.Optional.of(java.nio.file.Files.readString(dir.resolve(name)));
      } catch (java.io.IOException e) {
        return java.util.Optional.empty();
      }
    }), "shell.nix");
    DevShell shell = onlyShell(model);
    assertThat(names(shell)).containsExactly("uv");
    assertThat(shell.instance().input()).isEqualTo("nixpkgs-25.05pre7.0123abcd");
  }

  @Test
  void aPinToolsOverrideVariableIsReadAsUnset(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    // npins' loader: NPINS_OVERRIDE_<name> swaps a pin for a local checkout on one machine, as --override-input
    // does for a flake; any other variable stays unknown
    java.nio.file.Files.createDirectories(dir.resolve("pins"));
    java.nio.file.Files.writeString(dir.resolve("pins/default.nix"), """
        let
          mayOverride = name: path:
            let ersatz = builtins.getEnv "NPINS_OVERRIDE_${name}"; in
            if ersatz == "" then path else /. + ersatz;
          url = "https://releases.nixos.org/nixpkgs/nixpkgs-25.05pre7.0123abcd/nixexprs.tar.xz";
        in { nixpkgs = { outPath = mayOverride "nixpkgs" (builtins.fetchTarball { inherit url; }); }; }
        """);
    FlakeDirectory directory = new FlakeDirectory(dir, name -> {
      try {
        return java.util.Optional.of(java.nio.file.Files.readString(dir.resolve(name)));
      } catch (java.io.IOException e) {
        return java.util.Optional.empty();
      }
    });
    for (String variable : java.util.List.of("NPINS_OVERRIDE_${name}", "MY_NIXPKGS")) {
      String text = "let pins = import ./pins; ersatz = builtins.getEnv \"" + variable + "\";\n"
          + "  pkgs = import (if ersatz == \"\" then pins.nixpkgs else /. + ersatz) { }; in\n"
          + "pkgs.mkShell { packages = [ pkgs.uv ]; }\n";
      java.nio.file.Files.writeString(dir.resolve("shell.nix"), text.replace("${name}", "nixpkgs"));
      NixFile file = NixFrontEnd.analyze(text.replace("${name}", "nixpkgs"));
      FlakeModel model = FlakeModel.ofShellFile(file, TreeLowering.lower(file), directory, "shell.nix");
      if (variable.startsWith("NPINS")) {
        DevShell shell = onlyShell(model);
        assertThat(names(shell)).containsExactly("uv");
        assertThat(shell.instance().input()).isEqualTo("nixpkgs-25.05pre7.0123abcd");
      } else {
        assertThat(model.shells()).isEmpty(); // the machine decides which nixpkgs: not read
      }
    }
  }

  @Test
  void channelsNamedAsNixpkgsAreNixpkgsEachItsOwnInstance() {
    DevShell shell = onlyShell(model("""
        let
          pkgs = import <nixpkgs> { };
          unstable = import <nixpkgs-unstable> { config.allowUnfree = true; };
        in pkgs.mkShell { packages = [ pkgs.python312 unstable.cudatoolkit ]; }
        """));
    assertThat(shell.packages().packages()).extracting(ref -> ref.source().input())
        .containsExactly("<nixpkgs>", "<nixpkgs-unstable>");
    // another search path is whatever NIX_PATH says: unknown
    assertThat(model("(import <mytools> { }).mkShell { }").shells()).isEmpty();
  }

  @Test
  void functionWithDefaultSearchPathNixpkgsIsCalledWithItsDefaults() {
    String text = """
        { pkgs ? import <nixpkgs> { config.allowUnfree = true; } }:
        pkgs.mkShell {
          packages = [ pkgs.python312 pkgs.uv ];
          shellHook = "export UV_PYTHON_DOWNLOADS=never";
        }
        """;
    DevShell shell = onlyShell(model(text));
    assertThat(shell.name()).isEqualTo("shell.nix");
    assertThat(shell.layout()).isEqualTo(Layout.LD_PATH);
    assertThat(shell.systems()).isEmpty();
    assertThat(names(shell)).containsExactly("python312", "uv");
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.instance().input()).isEqualTo("<nixpkgs>");
    assertThat(shell.instance().allowUnfree()).isEqualTo(Tristate.TRUE);
    // positions are in the file itself (no imported file), line and column exact
    PackageRef uv = shell.packages().packages().get(1);
    assertThat(uv.location().file()).isNull();
    assertThat(uv.location().line()).isEqualTo(3);
    assertThat(uv.location().column()).isEqualTo(31);
    assertThat(shell.hook("shellHook")).isPresent();
  }

  @Test
  void callPackageFillsADefaultedFormalThatNixpkgsAlwaysHas() {
    // nixpkgs' callPackage passes every formal its set has, defaulted or not: `cudaPackages ? { }` is nixpkgs' own;
    // a name the model cannot tell keeps its default
    DevShell shell = onlyShell(model("""
        let pkgs = import <nixpkgs> { config.allowUnfree = true; }; in
        pkgs.mkShell {
          packages = [
            (pkgs.callPackage ({ stdenv, cudaPackages ? { }, cudaSupport ? false, extraTool ? null }:
              (if cudaSupport then cudaPackages.backendStdenv else stdenv).mkDerivation {
                pname = "tool";
                version = "1";
                propagatedBuildInputs = [ cudaPackages.cudatoolkit ]
                  ++ (if extraTool == null then [ ] else [ extraTool ]);
              }) { cudaSupport = true; })
          ];
        }
        """));
    assertThat(names(shell)).containsExactly("cudaPackages.cudatoolkit");
    assertThat(shell.packages().complete()).isTrue();
  }

  @Test
  void withImportNixpkgsBringsTheBuilderIntoScope() {
    DevShell shell = onlyShell(model("""
        with import <nixpkgs> { };
        mkShellNoCC {
          buildInputs = [ python311 python311Packages.venvShellHook ];
          venvDir = ".venv";
        }
        """));
    assertThat(names(shell)).containsExactly("python311", "python311Packages.venvShellHook");
    assertThat(shell.env()).containsKey("venvDir");
  }

  @Test
  void fetchedNixpkgsArchiveIsAnInstanceNamedByItsRevision() {
    FlakeModel model = model("""
        let
          pkgs = import (fetchTarball "https://github.com/NixOS/nixpkgs/archive/0123456789abcdef0123456789abcdef01234567.tar.gz") { };
          newer = import (builtins.fetchTarball {
            url = "https://github.com/nixos/nixpkgs/archive/nixos-24.11.tar.gz";
            sha256 = "0000000000000000000000000000000000000000000000000000";
          }) { config.cudaSupport = true; };
          branch = import (fetchTarball "https://github.com/NixOS/nixpkgs/tarball/nixos-23.11") { };
        in
        pkgs.mkShell { packages = [ pkgs.python312 newer.pkgs.uv branch.poetry ]; }
        """);
    DevShell shell = onlyShell(model);
    assertThat(shell.packages().packages()).extracting(ref -> ref.source().input())
        .containsExactly("0123456789abcdef0123456789abcdef01234567", "nixos-24.11", "nixos-23.11");
    assertThat(shell.packages().packages().get(1).source().cudaSupport()).isEqualTo(Tristate.TRUE);
  }

  @Test
  void anArchiveThatIsNotNixpkgsStaysUnknown() {
    DevShell shell = onlyShell(model("""
        let
          pkgs = import <nixpkgs> { };
          other = import (fetchTarball "https://github.com/cachix/nixpkgs-python/archive/refs/heads/main.zip");
        in
        pkgs.mkShell { packages = [ other.packages.x86_64-linux."3.10.14" pkgs.uv ]; }
        """));
    assertThat(names(shell)).containsExactly("uv");
    assertThat(shell.packages().complete()).isFalse();
  }

  @Test
  void fhsEnvironmentEnteredThroughEnvIsAnFhsShell() {
    DevShell shell = onlyShell(model("""
        { pkgs ? import <nixpkgs> { } }:
        (pkgs.buildFHSEnv {
          name = "ml";
          targetPkgs = p: with p; [ python312 uv zlib ];
          profile = "export UV_PYTHON_DOWNLOADS=never";
        }).env
        """));
    assertThat(shell.layout()).isEqualTo(Layout.FHS);
    assertThat(names(shell)).containsExactly("python312", "uv", "zlib");
  }

  @Test
  void aFormalWithoutDefaultNeedsArgumentsTheModelDoesNotHave() {
    FlakeModel model = model("""
        { pkgs }:
        pkgs.mkShell { packages = [ pkgs.uv ]; }
        """);
    assertThat(model.readable()).isTrue();
    assertThat(model.shells()).isEmpty();
    assertThat(model.shellsComplete()).isFalse();
  }

  @Test
  void aPackageOfNixpkgsIsABuildEnvironmentTheModelDoesNotRead() {
    FlakeModel model = model("""
        { pkgs ? import <nixpkgs> { } }:
        pkgs.python312Packages.numpy
        """);
    assertThat(model.readable()).isTrue();
    assertThat(model.shells()).isEmpty();
    assertThat(model.shellsComplete()).isFalse();
  }

  @Test
  void aPythonPackageTheProjectBuildsIsItsBuildEnvironment() {
    // buildPythonPackage hands mkDerivation the interpreter and build-system as build tools, dependencies propagated
    DevShell shell = onlyShell(model("""
        { pkgs ? import <nixpkgs> { } }:
        pkgs.python312Packages.buildPythonPackage {
          pname = "demo"; version = "0.1"; src = ./.;
          build-system = [ pkgs.python312Packages.setuptools ];
          dependencies = [ pkgs.python312Packages.numpy ];
        }
        """));
    assertThat(shell.packages().packages()).extracting(PackageRef::name).containsExactly("python312",
        "python312Packages.setuptools", "python312Packages.numpy");
    assertThat(shell.packages().complete()).isTrue();
  }

  @Test
  void aDerivationsBuildEnvironmentIsTheShellNixShellEnters() {
    // mkShell is mkDerivation with a few defaults: the same attributes, but `packages` is only mkShell's
    DevShell shell = onlyShell(model("""
        { pkgs ? import <nixpkgs> { } }:
        pkgs.stdenv.mkDerivation {
          name = "env";
          buildInputs = [ pkgs.python312 ];
          nativeBuildInputs = [ pkgs.uv ];
          packages = [ pkgs.ruff ];
          UV_PYTHON_DOWNLOADS = "never";
          shellHook = "echo ready";
        }
        """));
    assertThat(names(shell)).containsExactlyInAnyOrder("python312", "uv");
    assertThat(shell.env().get("UV_PYTHON_DOWNLOADS").text()).isEqualTo("never");
    assertThat(shell.hooks()).singleElement().satisfies(hook -> assertThat(hook.text()).isEqualTo("echo ready"));
    assertThat(shell.location().line()).isEqualTo(2);
  }

  @Test
  void aDerivationInInputsFromBringsItsInputsAndHook() {
    DevShell shell = onlyShell(model("""
        { pkgs ? import <nixpkgs> { } }:
        let app = pkgs.stdenv.mkDerivation { name = "app"; buildInputs = [ pkgs.python312 ]; shellHook = "echo app"; };
        in pkgs.mkShell { inputsFrom = [ app ]; packages = [ pkgs.uv ]; }
        """));
    assertThat(names(shell)).containsExactlyInAnyOrder("python312", "uv");
    assertThat(shell.hooks()).extracting(ShellText::text).contains("echo app");
  }

  @Test
  void aFunctionOfSomeAttributesTakesThemFromThePackageSet() {
    // `import ./tool.nix pkgs` with a file `{ stdenv, fetchurl, ... }: stdenv.mkDerivation { … }`: pkgs is a set
    DevShell shell = onlyShell(model("""
        { pkgs ? import <nixpkgs> { } }:
        let
          tool = ({ stdenv, python312, cudaSupport ? false, ... }:
            stdenv.mkDerivation { name = "tool"; propagatedBuildInputs = [ python312 ]; }) pkgs;
        in pkgs.mkShell { packages = [ tool pkgs.uv ]; }
        """));
    assertThat(names(shell)).containsExactlyInAnyOrder("python312", "uv");
  }

  @Test
  void withoutEllipsisAFunctionOfThePackageSetStaysUnknown() {
    // Nix refuses every attribute of pkgs the function does not name
    FlakeModel model = model("""
        { pkgs ? import <nixpkgs> { } }:
        let tool = ({ stdenv }: stdenv.mkDerivation { name = "tool"; }) pkgs;
        in pkgs.mkShell { packages = [ tool pkgs.uv ]; }
        """);
    assertThat(model.shells()).singleElement()
        .satisfies(shell -> assertThat(shell.packages().complete()).isFalse());
  }

  @Test
  void aScriptWhoseBuildIsOverriddenIsStillAScript() {
    DevShell shell = onlyShell(model("""
        { pkgs ? import <nixpkgs> { } }:
        let
          build = (pkgs.writeScriptBin "build" "make").overrideAttrs (old: {
            buildCommand = "${old.buildCommand}\n patchShebangs $out";
          });
        in pkgs.mkShell { packages = [ build pkgs.uv ]; }
        """));
    assertThat(names(shell)).containsExactly("uv");
  }

  @Test
  void aScriptOverriddenToPropagateInputsIsNotReadAsAScript() {
    FlakeModel model = model("""
        { pkgs ? import <nixpkgs> { } }:
        let
          build = (pkgs.writeScriptBin "build" "make").overrideAttrs (old: {
            propagatedBuildInputs = [ pkgs.python312 ];
          });
        in pkgs.mkShell { packages = [ build pkgs.uv ]; }
        """);
    assertThat(model.shells()).singleElement()
        .satisfies(shell -> assertThat(shell.packages().complete()).isFalse());
  }

  @Test
  void aTexDistributionBringsNoPackageThePythonRulesLookFor() {
    DevShell shell = onlyShell(model("""
        { pkgs ? import <nixpkgs> { } }:
        pkgs.mkShell {
          packages = [ pkgs.uv (pkgs.texlive.combine { inherit (pkgs.texlive) scheme-medium latexmk; }) ];
        }
        """));
    assertThat(names(shell)).containsExactly("uv");
  }

  @Test
  void aNestedListOfPackagesIsFlattenedAsMkDerivationDoes() {
    DevShell shell = onlyShell(model("""
        { pkgs ? import <nixpkgs> { } }:
        pkgs.mkShell {
          packages = with pkgs; [ python313 (with python313.pkgs; [ numpy [ scipy ] ]) uv ];
        }
        """));
    assertThat(names(shell)).containsExactly("python313", "python313.pkgs.numpy", "python313.pkgs.scipy", "uv");
  }

  @Test
  void nixpkgsFetchedFromGitHubOrGitIsThatRevision() {
    DevShell fromGitHub = onlyShell(model("""
        let
          host = import <nixpkgs> { };
          pkgs = import (host.fetchFromGitHub {
            owner = "NixOS"; repo = "nixpkgs"; rev = "nixos-24.05"; sha256 = "0000000000000000000000000000000000000000000000000000";
          }) { config.allowUnfree = true; };
        in pkgs.mkShell { packages = [ pkgs.uv ]; }
        """));
    assertThat(fromGitHub.instance().input()).isEqualTo("nixos-24.05");
    DevShell fromGit = onlyShell(model("""
        let pkgs = import (builtins.fetchGit { url = "https://github.com/NixOS/nixpkgs"; ref = "refs/heads/nixos-24.11"; }) { };
        in pkgs.mkShell { packages = [ pkgs.uv ]; }
        """));
    assertThat(fromGit.instance().input()).isEqualTo("nixos-24.11");
    // another repository fetched is no nixpkgs the model knows
    FlakeModel other = model("""
        let pkgs = import (builtins.fetchGit { url = "https://github.com/example/packages"; ref = "main"; }) { };
        in pkgs.mkShell { packages = [ pkgs.uv ]; }
        """);
    assertThat(other.shells()).isEmpty();
  }

  @Test
  void aShellsOwnAttributeIsReadBackFromIt() {
    // mkShell hands the attributes it does not merge to mkDerivation, and the derivation has them
    DevShell shell = onlyShell(model("""
        { pkgs ? import <nixpkgs> { } }:
        let shell = pkgs.mkShell {
          libPath = "/opt/lib";
          packages = [ pkgs.uv ];
          shellHook = "export LD_LIBRARY_PATH=${shell.libPath}";
        };
        in shell
        """));
    assertThat(shell.hooks()).singleElement()
        .satisfies(hook -> assertThat(hook.text()).isEqualTo("export LD_LIBRARY_PATH=/opt/lib"));
  }

  @Test
  void searchPathsOtherThanNixpkgsStayUnknown() {
    FlakeModel model = model("""
        let pkgs = import <other> { }; in pkgs.mkShell { packages = [ pkgs.uv ]; }
        """);
    assertThat(model.shells()).isEmpty();
    assertThat(model.shellsComplete()).isFalse();
  }
}
