package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A devenv project without a flake: devenv.nix read by the same evaluator as a module of
 * {@code { pkgs, lib, config, inputs, ... }}, with devenv's semantics for {@code languages.python} (its interpreter,
 * uv's variables, the venv tasks under {@code .devenv/state/venv}), module and devenv.yaml imports, and the module
 * system's properties ({@code mkForce}, {@code mkDefault}, {@code mkIf}).
 */
class DevenvProjectTest {
  @TempDir Path root;

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private DevShell shell(DevenvSettings settings) {
    FlakeModel model = FlakeModel.ofDevenv(settings, new FlakeDirectory(root, name -> {
      try {
        return Optional.of(Files.readString(root.resolve(name)));
      } catch (IOException e) {
        return Optional.empty();
      }
    }), "devenv.nix");
    assertThat(model.readable()).isTrue();
    assertThat(model.shells()).hasSize(1);
    return model.shells().get(0);
  }

  private DevShell shell() {
    return shell(DevenvSettings.DEFAULTS);
  }

  private static List<String> names(DevShell shell) {
    return shell.packages().packages().stream().map(PackageRef::name).toList();
  }

  @Test
  void versionGivesThatInterpreterAtTheStringAndUvBringsDevenvsVariables() throws IOException {
    write("devenv.nix", """
        { pkgs, lib, config, ... }:
        {
          packages = [ pkgs.git ];
          env.APP = "dev";
          languages.python = {
            enable = true;
            version = "3.11";
            uv.enable = true;
          };
          enterShell = ''
            python --version
          '';
        }
        """);
    DevShell shell = shell();
    assertThat(shell.layout()).isEqualTo(Layout.DEVENV);
    assertThat(shell.systems()).isEmpty();
    assertThat(names(shell)).containsExactly("git", "python311", "uv");
    PackageRef python = shell.packages().packages().get(1);
    assertThat(python.location().file()).isEqualTo("devenv.nix");
    assertThat(python.location().line()).isEqualTo(7);
    assertThat(python.location().column()).isEqualTo(15);
    assertThat(shell.env().get("UV_PYTHON_DOWNLOADS").text()).isEqualTo("never");
    assertThat(shell.env().get("UV_PROJECT_ENVIRONMENT").text()).isEqualTo(".devenv/state/venv");
    assertThat(shell.env().get("APP").text()).isEqualTo("dev");
    assertThat(shell.hook("enterShell").orElseThrow().commands().get(0).programName()).isEqualTo("python");
    assertThat(shell.attributesComplete()).isTrue();
  }

  @Test
  void withoutVersionTheInterpreterIsPkgsPython3AndDisabledPythonBringsNothing() throws IOException {
    write("devenv.nix", "{ pkgs, ... }: { languages.python.enable = true; }");
    assertThat(names(shell())).containsExactly("python3");
    write("devenv.nix", "{ pkgs, ... }: { languages.python = { enable = false; version = \"3.11\"; }; }");
    assertThat(names(shell())).isEmpty();
  }

  @Test
  void venvTasksMakeTheVenvUnderDevenvStateAndPoetryUsesDotVenv() throws IOException {
    write("devenv.nix", """
        { pkgs, ... }: {
          languages.python = { enable = true; uv.enable = true; uv.sync.enable = true; venv.enable = true; };
        }
        """);
    List<VenvStrategy> strategies = VenvStrategy.of(shell());
    assertThat(strategies).extracting(VenvStrategy::kind)
        .containsExactly(VenvStrategy.Kind.UV_SYNC, VenvStrategy.Kind.ACTIVATE);
    assertThat(strategies).allSatisfy(s -> assertThat(s.directory()).contains(".devenv/state/venv"));
    write("devenv.nix", "{ pkgs, ... }: { languages.python = { enable = true; venv.enable = true; }; }");
    assertThat(VenvStrategy.of(shell())).extracting(VenvStrategy::kind)
        .containsExactly(VenvStrategy.Kind.PYTHON_VENV, VenvStrategy.Kind.ACTIVATE);
    write("devenv.nix", "{ pkgs, ... }: { languages.python = { enable = true; poetry.enable = true;"
        + " poetry.install.enable = true; }; }");
    assertThat(read(VenvStrategy.of(shell()))).containsExactly("POETRY:.venv", "ACTIVATE:.venv");
  }

  private static List<String> read(List<VenvStrategy> strategies) {
    return strategies.stream().map(s -> s.kind() + ":" + s.directory().orElse("?")).toList();
  }

  @Test
  void poetryBringsItselfItsVariablesAndByDefaultItsInstall() throws IOException {
    // devenv's python module: poetry's package, the variables that keep its venv in the project, install on
    write("devenv.nix", "{ pkgs, ... }: { languages.python = { enable = true; poetry.enable = true; }; }");
    DevShell shell = shell();
    assertThat(names(shell)).contains("poetry");
    assertThat(shell.env().get("POETRY_VIRTUALENVS_IN_PROJECT").text()).isEqualTo("true");
    assertThat(read(VenvStrategy.of(shell))).containsExactly("POETRY:.venv", "ACTIVATE:.venv");
    write("devenv.nix", "{ pkgs, ... }: { languages.python = { enable = true; poetry.enable = true;"
        + " poetry.install.enable = false; }; env.POETRY_VIRTUALENVS_IN_PROJECT = \"false\"; }");
    shell = shell();
    assertThat(shell.env().get("POETRY_VIRTUALENVS_IN_PROJECT").text()).isEqualTo("false");
    assertThat(VenvStrategy.of(shell)).isEmpty();
  }

  @Test
  void tasksInAnotherPythonDirectoryAreNotGuessed() throws IOException {
    write("devenv.nix", "{ ... }: { languages.python = { enable = true; directory = \"./backend\";"
        + " uv.enable = true; uv.sync.enable = true; }; }");
    DevShell shell = shell();
    assertThat(shell.hooks()).isEmpty();
    assertThat(shell.attributesComplete()).isFalse();
  }

  @Test
  void moduleImportsAndYamlImportsAreReadAndFindingsPointIntoThoseFiles() throws IOException {
    write("devenv.nix", "{ pkgs, ... }: { imports = [ ./nix/python.nix ]; packages = [ pkgs.jq ]; }");
    write("nix/python.nix", "{ lib, ... }: { languages.python.enable = lib.mkDefault true;\n"
        + "  languages.python.version = \"3.13\"; }");
    write("backend/devenv.nix", "{ pkgs, ... }: { packages = [ pkgs.redis ]; }");
    DevenvSettings settings = new DevenvSettings(Map.of("nixpkgs", Optional.of(DevenvSettings.DEFAULT_NIXPKGS)),
        List.of("./backend"), true, Tristate.FALSE, Tristate.FALSE, Tristate.FALSE);
    DevShell shell = shell(settings);
    assertThat(names(shell)).containsExactly("jq", "redis", "python313");
    assertThat(shell.packages().packages().get(2).location().file()).isEqualTo("nix/python.nix");
    assertThat(shell.packages().packages().get(1).location().file()).isEqualTo("backend/devenv.nix");
    assertThat(shell.attributesComplete()).isTrue();
  }

  @Test
  void userVariablesWinOverDevenvsAndMkForceNullUnsetsThem() throws IOException {
    write("devenv.nix", """
        { pkgs, lib, ... }: {
          env.UV_PROJECT_ENVIRONMENT = lib.mkForce null;
          env.UV_PYTHON_DOWNLOADS = lib.mkForce "manual";
          languages.python = { enable = true; uv.enable = true; };
        }
        """);
    DevShell shell = shell();
    assertThat(shell.env()).doesNotContainKey("UV_PROJECT_ENVIRONMENT");
    assertThat(shell.env().get("UV_PYTHON_DOWNLOADS").text()).isEqualTo("manual");
    assertThat(shell.env().get("UV_PYTHON_PREFERENCE").text()).isEqualTo("only-system");
  }

  @Test
  void aBooleanVariableIsWhatTheDerivationMakesOfIt() throws IOException {
    write("devenv.nix", "{ ... }: { env.ON = true; env.OFF = false; env.GONE = null; }");
    DevShell shell = shell();
    assertThat(shell.env().get("ON").text()).isEqualTo("1");
    assertThat(shell.env().get("OFF").text()).isEmpty();
    assertThat(shell.env()).doesNotContainKey("GONE");
    assertThat(shell.attributesComplete()).isTrue();
  }

  @Test
  void yamlConfigurationReachesThePackageSetAndOverlaysMakeItsAttributesUncertain() throws IOException {
    write("devenv.nix", "{ pkgs, ... }: { packages = [ pkgs.cudaPackages.cudatoolkit ]; }");
    DevenvSettings unfree = new DevenvSettings(Map.of("nixpkgs", Optional.of("github:NixOS/nixpkgs/nixos-25.05")),
        List.of(), true, Tristate.TRUE, Tristate.TRUE, Tristate.FALSE);
    DevShell shell = shell(unfree);
    assertThat(shell.instance().unfreeAllowed()).isEqualTo(Tristate.TRUE);
    assertThat(shell.instance().cudaSupport()).isEqualTo(Tristate.TRUE);
    assertThat(shell.cudaPackages()).hasSize(1);
    write("devenv.nix", "{ pkgs, ... }: { overlays = [ (final: prev: { }) ]; packages = [ pkgs.python3 ]; }");
    assertThat(shell().packages().packages().get(0).source().overlays()).isEqualTo(Tristate.TRUE);
  }

  @Test
  void overlaysApplyToThePackagesVariablesAndLibraryListsName() throws IOException {
    // one package set for all: a variable's or a library list's package is the packages' overlaid one
    write("devenv.nix", """
        { pkgs, lib, ... }: let cuda = pkgs.symlinkJoin { name = "cuda"; paths = [ pkgs.cudaPackages.cudatoolkit ]; };
        in {
          overlays = [ (final: prev: { }) ];
          packages = [ pkgs.cudaPackages.cuda_nvcc ];
          env.CUDA_HOME = cuda;
          env.CUDA_PATH = "${pkgs.cudaPackages.cudatoolkit}";
          env.LD_LIBRARY_PATH = lib.makeLibraryPath [ pkgs.cudaPackages.cuda_cudart ];
        }
        """);
    DevShell shell = shell();
    assertThat(shell.cudaPackages()).extracting(PackageRef::name).contains("cudaPackages.cuda_nvcc",
        "cudaPackages.cudatoolkit", "cudaPackages.cuda_cudart");
    assertThat(shell.cudaPackages()).allSatisfy(ref -> assertThat(ref.source().sameAs(shell.instance())).isTrue());
    assertThat(shell.env().get("LD_LIBRARY_PATH").pieces()).singleElement()
        .isInstanceOfSatisfying(ShellPiece.LibraryPathRef.class,
            ref -> assertThat(ref.path()).isSameAs(shell.libraryPaths().get(0)));
  }

  @Test
  void directoriesDevenvComputesAtRunTimeAreKnownPathsOfUnknownText() throws IOException {
    write("devenv.nix", """
        { config, ... }: {
          env.PYTHONPATH = config.git.root;
          env.DATA = "${config.devenv.root}/data";
          env.STATE = "${config.devenv.state}";
          devenv.warnOnNewVersion = false;
        }
        """);
    DevShell shell = shell();
    assertThat(shell.env().get("PYTHONPATH").complete()).isTrue();
    assertThat(shell.env().get("PYTHONPATH").pieces()).containsExactly(new ShellPiece.RuntimeDirectory("git.root"));
    assertThat(shell.env().get("DATA").pieces()).containsExactly(new ShellPiece.RuntimeDirectory("devenv.root"),
        new ShellPiece.Literal("/data"));
    assertThat(shell.env().get("DATA").value().literal()).isNull();
    assertThat(shell.env().get("STATE").complete()).isTrue();
    // a module's own definition wins
    write("devenv.nix", "{ config, ... }: { devenv.root = \"/srv/app\"; env.ROOT = config.devenv.root; }");
    assertThat(shell().env().get("ROOT").value().literal()).isEqualTo("/srv/app");
  }

  @Test
  void variablesDevenvSetsFromItsDirectoriesReadBackThroughConfigEnv() throws IOException {
    write("devenv.nix", """
        { config, ... }: {
          env.UV_PROJECT_ENVIRONMENT = "${config.env.DEVENV_STATE}/venv";
          env.DATA = config.env.DEVENV_ROOT + "/data";
        }
        """);
    DevShell shell = shell();
    assertThat(shell.attributesComplete() && shell.textsComplete()).isTrue();
    assertThat(shell.env().get("UV_PROJECT_ENVIRONMENT").pieces()).containsExactly(
        new ShellPiece.RuntimeDirectory("devenv.state"), new ShellPiece.Literal("/venv"));
    assertThat(shell.env().get("DATA").pieces()).containsExactly(new ShellPiece.RuntimeDirectory("devenv.root"),
        new ShellPiece.Literal("/data"));
    // only the read-back: the shell's variables are what the modules define
    assertThat(shell.env()).doesNotContainKey("DEVENV_ROOT");
    // a module's own definition wins
    write("devenv.nix", "{ config, ... }: { env.DEVENV_ROOT = \"/srv\"; env.ROOT = config.env.DEVENV_ROOT; }");
    assertThat(shell().env().get("ROOT").value().literal()).isEqualTo("/srv");
  }

  @Test
  void configReadsBackWhatModulesDefineMergedAcrossImports() throws IOException {
    write("devenv.nix", """
        { config, ... }:
        {
          imports = [ ./other.nix ];
          env.GREETING = "hello";
          env.BOTH = "${config.env.GREETING}-${config.env.OTHER}";
          packages = [ config.languages.python.package ];
          languages.python = { enable = true; version = "3.12"; };
        }
        """);
    write("other.nix", "{ ... }: { env.OTHER = \"world\"; }");
    DevShell shell = shell();
    assertThat(shell.env().get("BOTH").complete()).isTrue();
    assertThat(shell.env().get("BOTH").value().literal()).isEqualTo("hello-world");
    assertThat(names(shell)).containsExactly("python312", "python312");
    assertThat(shell.packages().complete()).isTrue();
  }

  @Test
  void configGivesDevenvsDefaultInterpreterWhoseInterpreterIsThatPackagesPath() throws IOException {
    write("devenv.nix", """
        { pkgs, config, ... }:
        {
          env.UV_PYTHON = toString config.languages.python.package.interpreter;
          languages.python = { enable = true; uv.enable = true; };
        }
        """);
    ShellText uvPython = shell().env().get("UV_PYTHON");
    assertThat(uvPython.complete()).isTrue();
    assertThat(uvPython.pieces()).containsExactly(new ShellPiece.PackagePath(List.of("python3", "interpreter"),
        ((ShellPiece.PackagePath) uvPython.pieces().get(0)).instance(),
        ((ShellPiece.PackagePath) uvPython.pieces().get(0)).location()));
    write("devenv.nix", """
        { pkgs, config, ... }:
        {
          env.UV_PYTHON = "${config.languages.python.package}/bin/python";
          languages.python = { enable = true; package = pkgs.python311; };
        }
        """);
    assertThat(((ShellPiece.PackagePath) shell().env().get("UV_PYTHON").pieces().get(0)).attrPath())
        .containsExactly("python311");
  }

  @Test
  void aCycleThroughConfigStaysUnknown() throws IOException {
    write("devenv.nix", """
        { config, lib, ... }:
        {
          env.A = config.env.B;
          env.B = config.env.A;
          env.FORCED = lib.mkForce "x";
          env.READ = config.env.FORCED;
        }
        """);
    write("other.nix", "{ ... }: { env.FORCED = \"y\"; }");
    DevShell shell = shell();
    assertThat(shell.env().get("A").complete()).isFalse();
    assertThat(shell.env().get("B").complete()).isFalse();
    assertThat(shell.env().get("READ").value().literal()).isEqualTo("x");
  }

  @Test
  void aModuleWhoseShapeNeedsConfigIsNotFollowed() throws IOException {
    write("devenv.nix", """
        { config, lib, ... }:
        lib.mkIf config.languages.python.enable { packages = [ ]; }
        """);
    assertThat(shell().packages().complete()).isFalse();
  }
}
