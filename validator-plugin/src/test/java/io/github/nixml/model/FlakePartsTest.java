package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flake-parts' {@code mkFlake} as nixml's own Nix source ({@code nixml/nix/flake-parts.nix}): its module system
 * (imports, merging, lib's {@code mkIf}/{@code mkForce}/{@code mkDefault}, {@code _module.args}, the arguments of
 * {@code perSystem}) on small flakes through the model, and the same source under Nix itself.
 */
class FlakePartsTest {
  private static FlakeModel model(String module) {
    return FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-parts.url = "github:hercules-ci/flake-parts";
          outputs = inputs@{ self, flake-parts, nixpkgs, ... }:
            flake-parts.lib.mkFlake { inherit inputs; } (%s);
        }
        """.formatted(module));
  }

  private static List<String> names(DevShell shell) {
    return shell.packages().packages().stream().map(PackageRef::name).toList();
  }

  private static DevShell shell(FlakeModel model, String name, String system) {
    return model.shells().stream().filter(s -> s.name().equals(name)
        && s.systems().equals(Optional.of(Set.of(system)))).findFirst().orElseThrow();
  }

  @Test
  void perSystemShellsPerSystemWithTheirOwnPkgs() {
    FlakeModel model = model("""
        {
          systems = [ "x86_64-linux" "aarch64-darwin" ];
          perSystem = { pkgs, system, ... }: {
            _module.args.pkgs = import nixpkgs { inherit system; config.allowUnfree = true; };
            devShells.default = pkgs.mkShell { packages = [ pkgs.python312 ]; };
          };
        }""");
    assertThat(model.shellsComplete()).isTrue();
    assertThat(model.shells()).hasSize(2).allSatisfy(shell -> {
      assertThat(names(shell)).containsExactly("python312");
      assertThat(shell.packages().packages().get(0).source().allowUnfree()).isEqualTo(Tristate.TRUE);
    });
  }

  @Test
  void modulesOfImportsMergeTheirShellsAndTheirSystems() {
    FlakeModel model = model("""
        {
          imports = [
            { systems = [ "aarch64-darwin" ]; perSystem = { pkgs, ... }: { devShells.lint = pkgs.mkShell { packages = [ pkgs.ruff ]; }; }; }
            ({ lib, ... }: { perSystem = { pkgs, ... }: { devShells.default = pkgs.mkShell { packages = [ pkgs.uv ]; }; }; })
          ];
          systems = [ "x86_64-linux" ];
        }""");
    assertThat(model.shells()).extracting(DevShell::name).containsExactlyInAnyOrder("lint", "default", "lint",
        "default");
    assertThat(names(shell(model, "lint", "aarch64-darwin"))).containsExactly("ruff");
  }

  @Test
  void mkIfMkForceAndMkDefaultDecideBetweenDefinitions() {
    FlakeModel model = model("""
        {
          systems = [ "x86_64-linux" "aarch64-darwin" ];
          imports = [ { perSystem = { pkgs, lib, ... }: { devShells.default = lib.mkForce (pkgs.mkShell { packages = [ pkgs.uv ]; }); }; } ];
          perSystem = { pkgs, lib, system, ... }: {
            devShells.default = pkgs.mkShell { packages = [ pkgs.hello ]; };
            devShells.cuda = lib.mkIf (system == "x86_64-linux") (pkgs.mkShell { packages = [ pkgs.cudatoolkit ]; });
            devShells.low = lib.mkDefault (pkgs.mkShell { packages = [ pkgs.hello ]; });
          };
        }""");
    assertThat(names(shell(model, "default", "x86_64-linux"))).containsExactly("uv");
    assertThat(names(shell(model, "cuda", "x86_64-linux"))).containsExactly("cudatoolkit");
    assertThat(model.shells()).noneMatch(s -> s.name().equals("cuda")
        && s.systems().equals(Optional.of(Set.of("aarch64-darwin"))));
    assertThat(names(shell(model, "low", "aarch64-darwin"))).containsExactly("hello");
  }

  @Test
  void moduleArgumentsFromModuleArgsAndPerSystemArguments() {
    FlakeModel model = model("""
        {
          systems = [ "x86_64-linux" ];
          imports = [ ({ tools, ... }: { perSystem = { inputs', ... }: { devShells.default = inputs'.nixpkgs.legacyPackages.mkShell { packages = tools inputs'.nixpkgs.legacyPackages; }; }; }) ];
          _module.args.tools = pkgs: [ pkgs.uv ];
          perSystem = { self', ... }: { devShells.again = self'.devShells.default; };
        }""");
    assertThat(names(shell(model, "default", "x86_64-linux"))).containsExactly("uv");
    // self' is the flake's own per-system outputs: `again` is the default shell
    assertThat(names(shell(model, "again", "x86_64-linux"))).containsExactly("uv");
    assertThat(model.shellsComplete()).isTrue();
  }

  @Test
  void withSystemGivesThePerSystemArguments() {
    FlakeModel model = model("""
        ({ withSystem, ... }: {
          systems = [ "x86_64-linux" ];
          flake.devShells.x86_64-linux.other = withSystem "x86_64-linux" ({ pkgs, ... }: pkgs.mkShell { packages = [ pkgs.ruff ]; });
          perSystem = { pkgs, ... }: { devShells.default = pkgs.mkShell { packages = [ pkgs.uv ]; }; };
        })""");
    assertThat(model.shells()).extracting(DevShell::name).containsExactlyInAnyOrder("default", "other");
    assertThat(names(shell(model, "other", "x86_64-linux"))).containsExactly("ruff");
  }

  @Test
  void anUnknownListOfSystemsKeepsTheShellsForSomeSystem() {
    FlakeModel model = model("""
        {
          systems = import inputs.unknown-systems;
          perSystem = { pkgs, ... }: { devShells.default = pkgs.mkShell { packages = [ pkgs.uv ]; }; };
        }""");
    assertThat(model.shells()).singleElement().satisfies(shell -> {
      assertThat(shell.systems()).isEmpty();
      assertThat(names(shell)).containsExactly("uv");
    });
  }

  @Test
  void devshellsOfDevshellsFlakeModuleMergeAcrossModules() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-parts.url = "github:hercules-ci/flake-parts";
          inputs.tools.url = "github:numtide/devshell";
          outputs = inputs@{ flake-parts, tools, ... }:
            flake-parts.lib.mkFlake { inherit inputs; } {
              imports = [ tools.flakeModule { perSystem = { pkgs, ... }: { devshells.default.packages = [ pkgs.uv ]; }; } ];
              systems = [ "x86_64-linux" ];
              perSystem = { pkgs, ... }: {
                devshells.default = { packages = [ pkgs.python312 ]; env = [ { name = "UV_PYTHON_DOWNLOADS"; value = "never"; } ]; };
              };
            };
        }
        """);
    DevShell shell = shell(model, "default", "x86_64-linux");
    assertThat(shell.layout()).isEqualTo(Layout.DEVSHELL);
    assertThat(names(shell)).containsExactly("python312", "uv");
    assertThat(shell.env()).containsKey("UV_PYTHON_DOWNLOADS");
    assertThat(shell.location().line()).isEqualTo(6); // where the flake calls mkFlake
  }

  private static FlakeModel withForeignModules(String imports) {
    return FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-parts.url = "github:hercules-ci/flake-parts";
          inputs.treefmt-nix.url = "github:numtide/treefmt-nix";
          inputs.git-hooks.url = "github:cachix/git-hooks.nix";
          inputs.mystery.url = "github:someone/flake-modules";
          outputs = inputs@{ flake-parts, ... }:
            flake-parts.lib.mkFlake { inherit inputs; } {
              imports = [ %s ];
              systems = [ "x86_64-linux" ];
              perSystem = { pkgs, config, ... }: {
                treefmt.programs.ruff-format.enable = true;
                pre-commit.settings.hooks.ruff.enable = true;
                overlayAttrs = { inherit (config.packages) tool; };
                packages.tool = pkgs.hello;
                devShells.default = pkgs.mkShell { packages = [ pkgs.python312 pkgs.uv ]; };
              };
            };
        }
        """.formatted(imports));
  }

  @Test
  void treefmtGitHooksAndEasyOverlayModulesDeclareOptionsButNoShell() {
    FlakeModel model = withForeignModules("inputs.treefmt-nix.flakeModule inputs.git-hooks.flakeModule "
        + "inputs.flake-parts.flakeModules.easyOverlay inputs.treefmt-nix.flakeModules.default");
    assertThat(model.shellsComplete()).isTrue();
    assertThat(names(shell(model, "default", "x86_64-linux"))).containsExactly("python312", "uv");
  }

  @Test
  void treefmtsWrapperAndGitHooksInstallationScriptAreKnownInAShell() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-parts.url = "github:hercules-ci/flake-parts";
          inputs.treefmt-nix.url = "github:numtide/treefmt-nix";
          inputs.git-hooks.url = "github:cachix/git-hooks.nix";
          outputs = inputs@{ flake-parts, ... }:
            flake-parts.lib.mkFlake { inherit inputs; } {
              imports = [ inputs.treefmt-nix.flakeModule inputs.git-hooks.flakeModule ];
              systems = [ "x86_64-linux" ];
              perSystem = { pkgs, config, ... }: {
                treefmt.projectRootFile = "flake.nix";
                pre-commit.settings.hooks.ruff.enable = true;
                formatter = config.treefmt.build.wrapper;
                devShells.default = pkgs.mkShell {
                  packages = [ pkgs.uv config.treefmt.build.wrapper ];
                  shellHook = config.pre-commit.installationScript + "\\necho ${config.treefmt.projectRootFile}";
                  ROOT = "${config.treefmt.programs.ruff.package}";
                };
                devShells.hooks = pkgs.mkShell { inputsFrom = [ config.pre-commit.devShell ]; };
                pre-commit.settings.hooks.pytest = { enable = true; package = pkgs.python312; };
                pre-commit.settings.hooks.mypy.enable = false;
                treefmt.programs.nixfmt.enable = true;
                devShells.formatters = config.treefmt.build.devShell;
              };
            };
        }
        """);
    DevShell shell = shell(model, "default", "x86_64-linux");
    assertThat(names(shell)).containsExactly("uv");
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.hooksComplete()).isTrue();
    assertThat(shell.hooks().get(0).pieces().get(0)).isInstanceOf(ShellPiece.BuiltPath.class);
    assertThat(shell.hooks().get(0).text()).contains("echo flake.nix");
    // what the module's documentation does not fix stays unknown, not missing
    assertThat(shell.env().get("ROOT").complete()).isFalse();
    // git-hooks' shell: the package a hook is given and pre-commit; the tool the module picks for a hook is not
    // known (many are Python applications, whose interpreter nixpkgs puts on PATH too); the installation script as
    // its hook; disabled hooks bring nothing
    DevShell hooks = shell(model, "hooks", "x86_64-linux");
    assertThat(hooks.packages().complete()).isFalse();
    assertThat(names(hooks)).containsExactly("python312", "pre-commit");
    // what nixml's source writes for the module is placed where the flake takes the module's shell: a report names
    // no file of nixml's own
    assertThat(hooks.hooks()).singleElement().satisfies(hook -> {
      assertThat(hook.complete()).isTrue();
      assertThat(hook.location().file()).isNull();
      assertThat(hook.location().line()).isEqualTo(19);
    });
    assertThat(hooks.packages().packages()).allSatisfy(ref -> assertThat(ref.location().file()).isNull());
    assertThat(hooks.packagesLocation()).isNull();
    // treefmt's shell: the wrapper and the enabled formatters, here one the module picks
    DevShell formatters = shell(model, "formatters", "x86_64-linux");
    assertThat(formatters.packages().complete()).isFalse();
    assertThat(names(formatters)).isEmpty();
    // a shell nixml's source makes, entered as it is, stands where the flake names it
    assertThat(formatters.location().file()).isNull();
    assertThat(formatters.location().line()).isEqualTo(23);
  }

  @Test
  void flakeRootsModuleGivesItsCommandAndAShellThatExportsFlakeRoot() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-parts.url = "github:hercules-ci/flake-parts";
          inputs.flake-root.url = "github:srid/flake-root";
          outputs = inputs@{ flake-parts, ... }:
            flake-parts.lib.mkFlake { inherit inputs; } {
              imports = [ inputs.flake-root.flakeModule ];
              systems = [ "x86_64-linux" ];
              perSystem = { pkgs, config, ... }: {
                flake-root.projectRootFile = "pyproject.toml";
                devShells.default = pkgs.mkShell {
                  inputsFrom = [ config.flake-root.devShell ];
                  packages = [ pkgs.uv config.flake-root.package ];
                };
              };
            };
        }
        """);
    assertThat(model.shellsComplete()).isTrue();
    DevShell shell = shell(model, "default", "x86_64-linux");
    assertThat(names(shell)).containsExactly("uv");
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.hooksComplete()).isTrue();
    assertThat(shell.hooks().get(0).text()).contains("export FLAKE_ROOT");
  }

  @Test
  void devenvsFlakeModulesDefaultIsItsFlakeModule() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-parts.url = "github:hercules-ci/flake-parts";
          inputs.devenv.url = "github:cachix/devenv";
          outputs = inputs@{ flake-parts, ... }:
            flake-parts.lib.mkFlake { inherit inputs; } {
              imports = [ inputs.devenv.flakeModules.default ];
              systems = [ "x86_64-linux" ];
              perSystem = { pkgs, ... }: {
                devenv.shells.default = { languages.python.enable = true; packages = [ pkgs.uv ]; };
                devenv.modules = [ ({ pkgs, ... }: { packages = [ pkgs.ruff ]; }) ];
              };
            };
        }
        """);
    assertThat(model.shellsComplete()).isTrue();
    assertThat(shell(model, "default", "x86_64-linux").layout()).isEqualTo(Layout.DEVENV);
    // `devenv.modules` are imported into every shell
    assertThat(names(shell(model, "default", "x86_64-linux"))).contains("uv", "ruff");
  }

  @Test
  void aModuleOfAnotherFlakeNixmlHasNoFactsForMayDefineAnyShell() {
    // partitions or a module of someone's own flake may define or move dev shells: they stay unknown
    assertThat(withForeignModules("inputs.mystery.flakeModule").shellsComplete()).isFalse();
    assertThat(withForeignModules("inputs.flake-parts.flakeModules.partitions").shellsComplete()).isFalse();
  }

  @Test
  void devenvShellsOfDevenvsFlakeModule() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-parts.url = "github:hercules-ci/flake-parts";
          inputs.devenv.url = "github:cachix/devenv";
          outputs = inputs@{ flake-parts, ... }:
            flake-parts.lib.mkFlake { inherit inputs; } {
              imports = [ inputs.devenv.flakeModule ];
              systems = [ "x86_64-linux" "aarch64-darwin" ];
              perSystem = { pkgs, ... }: {
                devenv.shells.default = { languages.python = { enable = true; package = pkgs.python313; }; env.A = "b"; };
              };
            };
        }
        """);
    assertThat(model.shells()).hasSize(2).allSatisfy(shell -> {
      assertThat(shell.layout()).isEqualTo(Layout.DEVENV);
      assertThat(names(shell)).containsExactly("python313");
      assertThat(shell.env()).containsKey("A");
    });
  }

  @Test
  void aDevenvModuleOfDevenvsFlakeModuleReadsItsConfigBack() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-parts.url = "github:hercules-ci/flake-parts";
          inputs.devenv.url = "github:cachix/devenv";
          outputs = inputs@{ flake-parts, ... }:
            flake-parts.lib.mkFlake { inherit inputs; } {
              imports = [ inputs.devenv.flakeModule ];
              systems = [ "x86_64-linux" ];
              perSystem = { pkgs, ... }: {
                devenv.shells.default = { config, ... }: {
                  languages.python = { enable = true; version = "3.12"; };
                  env.UV_PYTHON = "${config.languages.python.package}/bin/python";
                };
              };
            };
        }
        """);
    assertThat(model.shells()).singleElement().satisfies(shell -> {
      assertThat(shell.env().get("UV_PYTHON").pieces().get(0)).isInstanceOfSatisfying(ShellPiece.PackagePath.class,
          path -> assertThat(path.attrPath()).containsExactly("python312"));
      assertThat(shell.attributesComplete()).isTrue();
    });
  }

  /** The source under Nix itself: merging, imports of files once, priorities, order, _module.args.pkgs. */
  @Test
  void theSourceEvaluatesUnderNixAsFlakePartsDocumentsIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("lib.nix"), NixLibrary.text(NixLibrary.Source.LIB));
    Files.writeString(dir.resolve("flake-parts.nix"), NixLibrary.text(NixLibrary.Source.FLAKE_PARTS));
    Files.writeString(dir.resolve("m.nix"), """
        { lib, ... }: { perSystem = { system, ... }: { packages.p = [ "b" ]; names = lib.mkAfter [ "z" ]; }; }
        """);
    Files.writeString(dir.resolve("test.nix"), """
        let
          lib = import ./lib.nix { };
          flake-parts = import ./flake-parts.nix { inherit lib; };
          inputs.nixpkgs.legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-darwin" ] (s: { tag = s; });
          flake = flake-parts.mkFlake { inherit inputs; } ({ withSystem, ... }: {
            imports = [ ./m.nix ./m.nix { systems = [ "aarch64-darwin" ]; perSystem.hook = "two"; } ];
            systems = [ "x86_64-linux" ];
            flake.tags = withSystem "x86_64-linux" ({ pkgs, ... }: pkgs.tag);
            flake.hook = withSystem "x86_64-linux" ({ config, ... }: config.hook);
            flake.names = withSystem "x86_64-linux" ({ config, ... }: config.names);
            perSystem = { pkgs, config, lib, system, ... }: {
              _module.args.pkgs = if system == "x86_64-linux" then { tag = "own"; } else inputs.nixpkgs.legacyPackages.${system};
              devShells.default = "shell-${pkgs.tag}-${config.name}";
              name = lib.mkDefault "low";
              names = lib.mkBefore [ "a" ];
              hook = "one";
              packages.p = lib.mkIf (system == "x86_64-linux") [ "a" ];
              packages.q = lib.mkMerge [ (lib.mkForce "forced") "plain" ];
            };
          });
        in {
          inherit (flake) tags hook names;
          shells = flake.devShells;
          packages = flake.packages;
        }
        """);
    Oracle.NIX_EVAL.assumeAvailable();
    Oracle.Verdict verdict = Oracle.NIX_EVAL.check(dir.resolve("test.nix"));
    assertThat(verdict.accepted()).as(verdict.output()).isTrue();
    assertThat(verdict.output().strip()).isEqualTo("{\"hook\":\"one\\ntwo\",\"names\":[\"a\",\"z\"],\"packages\":{\"aarch64-darwin\":{\"p\":[\"b\"],"
        + "\"q\":\"forced\"},\"x86_64-linux\":{\"p\":[\"a\",\"b\"],\"q\":\"forced\"}},\"shells\":{\"aarch64-darwin\":"
        + "{\"default\":\"shell-aarch64-darwin-low\"},\"x86_64-linux\":{\"default\":\"shell-own-low\"}},"
        + "\"tags\":\"own\"}");
  }
}
