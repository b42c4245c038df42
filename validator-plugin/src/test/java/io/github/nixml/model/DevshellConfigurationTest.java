package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** numtide devshell's configuration read as its modules merge it: files, devshell.toml, env kinds, commands. */
class DevshellConfigurationTest {
  private static final String FLAKE_HEAD = """
      {
        inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
        inputs.devshell.url = "github:numtide/devshell";
        outputs = { nixpkgs, devshell, ... }:
          let
            pkgs = import nixpkgs { system = "x86_64-linux"; overlays = [ devshell.overlays.default ]; };
          in {
            devShells.x86_64-linux.default = """;

  /**
   * The one shell of a project written to a fresh directory: flake.nix with {@code shell} as its shell, and the
   * other files by name.
   */
  static DevShell shell(String shell, String... files) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("flake.nix", FLAKE_HEAD + shell + ";\n    };\n}\n");
    for (int i = 0; i + 1 < files.length; i += 2) {
      texts.put(files[i], files[i + 1]);
    }
    try {
      Path directory = Files.createTempDirectory("devshell-test");
      for (Map.Entry<String, String> file : texts.entrySet()) {
        Path target = directory.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
      FlakeModel model = FlakeImportsTest.model(directory);
      assertThat(model.shells()).hasSize(1);
      return model.shells().get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> names(DevShell shell) {
    return shell.packages().packages().stream().map(PackageRef::name).toList();
  }

  @Test
  void tomlPackagesByNameAndCommandPackagesArePositionedInTheTomlFile() {
    DevShell shell = shell("pkgs.devshell.mkShell { imports = [ (pkgs.devshell.importTOML ./devshell.toml) ]; }",
        "devshell.toml", """
            [devshell]
            packages = [
              # the interpreter
              "python312",
              "python312Packages.black",
            ]

            [[commands]]
            package = "uv"

            [[commands]]
            name = "fmt"
            command = "black ."
            """);
    assertThat(names(shell)).containsExactly("python312", "python312Packages.black", "uv");
    assertThat(shell.packages().complete()).isTrue();
    PackageRef python = shell.packages().packages().get(0);
    assertThat(python.location().file()).isEqualTo("devshell.toml");
    assertThat(python.location().line()).isEqualTo(4);
    assertThat(python.location().column()).isEqualTo(3);
    assertThat(python.location().length()).isEqualTo("\"python312\"".length());
    assertThat(shell.packages().packages().get(2).location().line()).isEqualTo(9);
    assertThat(shell.packagesLocation().file()).isEqualTo("devshell.toml");
  }

  @Test
  void functionModulesSeeTheMergedConfigurationAndTomlImportsFollow() {
    DevShell shell = shell("pkgs.devshell.fromTOML ./devshell.toml",
        "devshell.toml", """
            imports = ["./nix/python.nix", "./more.toml"]
            [devshell]
            name = "demo"
            """,
        "more.toml", """
            [devshell]
            packages = ["ruff"]
            """,
        "nix/python.nix", """
            { pkgs, config, ... }: {
              config.devshell.packages = [ pkgs.python312 ];
              config.devshell.startup.hello.text = "echo ${config.devshell.name}";
            }
            """);
    assertThat(names(shell)).containsExactlyInAnyOrder("python312", "ruff");
    assertThat(shell.hookCommands()).singleElement()
        .satisfies(command -> assertThat(command.runs("echo", "demo")).isTrue());
    assertThat(shell.attributesComplete()).isTrue();
  }

  @Test
  void envKindsFollowDevshellsEnvModule() {
    DevShell shell = shell("""
        pkgs.devshell.mkShell {
          packages = [ pkgs.zlib ];
          env = [
            { name = "PLAIN"; value = "$HOME/literal"; }
            { name = "COUNT"; value = 3; }
            { name = "CACHE"; eval = "$PRJ_ROOT/.cache"; }
            { name = "GONE"; value = "x"; }
            { name = "GONE"; unset = true; }
            { name = "LD_LIBRARY_PATH"; prefix = "$DEVSHELL_DIR/lib"; }
          ];
        }""");
    assertThat(shell.env().get("PLAIN").value().literal()).isEqualTo("$HOME/literal");
    assertThat(shell.env().get("COUNT").value().literal()).isEqualTo("3");
    assertThat(shell.env().get("CACHE").complete()).isFalse();
    assertThat(shell.env()).doesNotContainKey("GONE");
    assertThat(shell.env().get("LD_LIBRARY_PATH").value().hasLibraryPath()).isTrue();
    assertThat(shell.libraryPaths()).singleElement().satisfies(path ->
        assertThat(path.entries().packages()).extracting(PackageRef::name).containsExactly("zlib"));
  }

  @Test
  void languageCLibrariesArePackagesOfTheShell() {
    DevShell shell = shell("""
        pkgs.devshell.mkShell {
          imports = [ "${devshell}/extra/language/c.nix" ];
          language.c.libraries = [ pkgs.openssl ];
        }""");
    assertThat(names(shell)).contains("openssl", "clang");
    assertThat(shell.env().get("LD_LIBRARY_PATH").value().hasLibraryPath()).isTrue();
    assertThat(shell.libraryPaths()).singleElement().satisfies(path ->
        assertThat(path.entries().packages()).extracting(PackageRef::name).contains("openssl"));
  }

  @Test
  void whatTheModelCannotFollowLeavesThePackagesIncomplete() {
    assertThat(shell("pkgs.devshell.mkShell { packagesFrom = [ pkgs.hello ]; packages = [ pkgs.uv ]; }")
        .packages().complete()).isFalse();
    DevShell extra = shell("pkgs.devshell.mkShell { imports = [ (pkgs.devshell.importTOML ./devshell.toml) ]; }",
        "devshell.toml", """
            imports = ["services.postgres"]
            [devshell]
            packages = ["uv"]
            """);
    assertThat(names(extra)).containsExactly("uv");
    assertThat(extra.packages().complete()).isFalse();
    DevShell missing = shell("pkgs.devshell.mkShell { imports = [ (pkgs.devshell.importTOML ./devshell.toml) ]; }");
    assertThat(missing.packages().complete()).isFalse();
  }

  @Test
  void tomlThatNixRejectsLeavesTheShellUnknown() {
    DevShell shell = shell("pkgs.devshell.mkShell { imports = [ (pkgs.devshell.importTOML ./devshell.toml) ]; }",
        "devshell.toml", "[devshell\npackages = [\"uv\"]\n");
    assertThat(shell.packages().packages()).isEmpty();
    assertThat(shell.attributesComplete()).isFalse();
  }

  @Test
  void theFlakeModuleBuildsEachDevshellOfThePerSystemConfig() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-parts.url = "github:hercules-ci/flake-parts";
          inputs.devshell.url = "github:numtide/devshell";
          outputs = inputs@{ flake-parts, devshell, ... }:
            flake-parts.lib.mkFlake { inherit inputs; } {
              imports = [ devshell.flakeModule ];
              systems = [ "x86_64-linux" ];
              perSystem = { ... }: {
                devshells.default = { packages = [ "uv" ]; env = [ { name = "A"; value = "b"; } ]; };
              };
            };
        }
        """);
    assertThat(model.shells()).singleElement().satisfies(shell -> {
      assertThat(shell.layout()).isEqualTo(Layout.DEVSHELL);
      assertThat(names(shell)).containsExactly("uv");
      assertThat(shell.packages().packages().get(0).source()).isNotNull();
      assertThat(shell.env().get("A").value().literal()).isEqualTo("b");
    });
  }
}
