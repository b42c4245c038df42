package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.model.KnownFunctions.KnownFunction;
import io.github.nixml.nix.eval.PlatformGuard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Each entry of the known-functions table, on a small inline flake: one case per entry, and every entry has one. */
class KnownFunctionsTest {
  private static final Set<String> DEFAULT_SYSTEMS =
      Set.of("x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin");

  private static FlakeModel model(String outputs) {
    return FlakeModel.of("{\n  inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-25.05\";\n"
        + "  inputs.flake-utils.url = \"github:numtide/flake-utils\";\n"
        + "  outputs = { self, nixpkgs, flake-utils }:\n"
        // a package set for no one system (`legacyPackages.x86_64-linux` would decide its platform tests)
        + "    let\n      pkgs = import nixpkgs { };\n      lib = nixpkgs.lib;\n"
        + "    in " + outputs + ";\n}\n");
  }

  /** A flake with one shell, {@code devShells.x86_64-linux.default = <shell>}. */
  private static DevShell shell(String shell) {
    FlakeModel model = model("{ devShells.x86_64-linux.default = " + shell + "; }");
    assertThat(model.shells()).hasSize(1);
    return model.shells().get(0);
  }

  private static List<String> names(DevShell shell) {
    return shell.packages().packages().stream().map(PackageRef::name).toList();
  }

  private static Consumer<String> opaque() {
    return name -> assertThat(shell("pkgs.mkShell { packages = [ pkgs." + name + " ]; }").packages().complete())
        .as("pkgs.%s is no package", name).isFalse();
  }

  /** A script or text file in packages: no package, and the list stays complete. */
  private static Consumer<String> textFile(String call) {
    return name -> {
      DevShell shell = shell("pkgs.mkShell { packages = [ pkgs.uv " + call.formatted(name) + " ]; }");
      assertThat(names(shell)).containsExactly("uv");
      assertThat(shell.packages().complete()).as("%s leaves the list complete", name).isTrue();
      // run from a hook, its store path is known as a project file's would be: the hook stays complete
      DevShell hooked = shell("pkgs.mkShell { shellHook = \"${" + call.formatted(name) + "}/bin/greet\"; }");
      assertThat(hooked.hooksComplete()).isTrue();
      assertThat(hooked.hooks().get(0).pieces().get(0)).isInstanceOfSatisfying(ShellPiece.BuiltPath.class,
          built -> assertThat(built.name()).isEqualTo("greet"));
    };
  }

  private static Consumer<String> shellBuilder(Layout layout) {
    return name -> assertThat(shell("pkgs." + name + " { name = \"x\"; }").layout()).isEqualTo(layout);
  }

  private static Consumer<String> returnsThePackage() {
    return name -> assertThat(names(shell("pkgs.mkShell { packages = [ (pkgs.python312." + name + " (x: x)) ]; }")))
        .containsExactly("python312");
  }

  private static Map<String, Consumer<String>> cases() {
    Map<String, Consumer<String>> cases = new LinkedHashMap<>();
    cases.put("BUILTINS.import", name -> assertThat(onlyShell(model("""
        let p = import nixpkgs { system = "x86_64-linux"; config.allowUnfree = true; };
        in { devShells.x86_64-linux.default = p.mkShell { }; }""")).instance().allowUnfree())
        .isEqualTo(Tristate.TRUE));
    cases.put("BUILTINS.toString", name -> {
      DevShell shell = shell("pkgs.mkShell { UV_PYTHON = toString pkgs.python312.interpreter; N = toString 3; }");
      // CPython's passthru: interpreter = "${self}/bin/${executable}"
      assertThat(shell.env().get("UV_PYTHON").pieces()).satisfiesExactly(
          first -> assertThat(first).isInstanceOfSatisfying(ShellPiece.PackagePath.class,
              path -> assertThat(path.attrPath()).containsExactly("python312")),
          second -> assertThat(second).isEqualTo(new ShellPiece.Literal("/bin/python3.12")));
      assertThat(shell.env().get("N").text()).isEqualTo("3");
    });
    for (String builder : List.of("mkShell", "mkShellNoCC")) {
      cases.put("NIXPKGS." + builder, shellBuilder(Layout.LD_PATH));
    }
    for (String builder : List.of("buildFHSEnv", "buildFHSUserEnv", "buildFHSEnvBubblewrap", "buildFHSEnvChroot")) {
      cases.put("NIXPKGS." + builder, shellBuilder(Layout.FHS));
    }
    cases.put("NIXPKGS.callPackage", name -> {
      String function = "({ mkShell, python312, cudaSupport ? false, extra }: mkShell { packages = [ python312 ]"
          + " ++ (if cudaSupport then [ extra ] else [ ]); })";
      assertThat(names(shell("pkgs.callPackage " + function + " { extra = pkgs.uv; }"))).containsExactly("python312");
      assertThat(names(shell("pkgs.callPackage " + function + " { extra = pkgs.uv; cudaSupport = true; }")))
          .containsExactly("python312", "uv");
    });
    cases.put("NIXPKGS.system", opaque());
    for (String fetcher : List.of("fetchurl", "fetchzip", "fetchgit", "fetchFromGitHub", "fetchFromGitLab",
        "fetchFromGitea", "fetchFromSourcehut", "fetchFromBitbucket")) {
      cases.put("NIXPKGS." + fetcher, name -> {
        opaque().accept(name); // the function itself is no package
        // what it fetches: a store path in a text, nothing in a package list; imported or called, unknown
        String fetched = "(pkgs." + name + " { owner = \"o\"; repo = \"r\"; url = \"https://example.org/s.zip\";"
            + " rev = \"1\"; hash = \"\"; })";
        DevShell shell = shell("pkgs.mkShell { src = " + fetched + "; packages = [ pkgs.uv " + fetched + " ]; }");
        assertThat(names(shell)).containsExactly("uv");
        assertThat(shell.packages().complete()).isTrue();
        assertThat(shell.env().get("src").complete()).isTrue();
        assertThat(shell.env().get("src").pieces()).singleElement().isInstanceOf(ShellPiece.BuiltPath.class);
        assertThat(shell("pkgs.mkShell { packages = [ (import " + fetched + " { }) ]; }").packages().complete())
            .isFalse();
        assertThat(shell("pkgs.mkShell { packages = [ (pkgs.callPackage " + fetched + " { }) ]; }").packages()
            .complete()).isFalse();
      });
    }
    for (String member : List.of("runCommand", "runCommandLocal", "runCommandCC", "runCommandNoCC",
        "runCommandNoCCLocal")) {
      cases.put("NIXPKGS." + member, name -> {
        // a package the project builds: it propagates nothing; its store path is known as a path in the project is
        DevShell shell = shell("let d = pkgs." + name + " \"ld.so\" { } \"ln -s x $out\"; in pkgs.mkShell {"
            + " packages = [ pkgs.uv d ]; NIX_LD = d; L = \"${d}/lib\"; }");
        assertThat(names(shell)).containsExactly("uv");
        assertThat(shell.packages().complete()).isTrue();
        assertThat(shell.env().get("NIX_LD").complete()).isTrue();
        assertThat(shell.env().get("NIX_LD").pieces()).singleElement().isInstanceOfSatisfying(
            ShellPiece.BuiltPath.class, built -> assertThat(built.display()).isEqualTo("${" + name + " \"ld.so\"}"));
      });
    }
    for (String member : List.of("linkFarm", "linkFarmFromDrvs")) {
      cases.put("NIXPKGS." + member, name -> {
        // a folder of links the project builds: no package, its files not listed
        DevShell shell = shell("let w = pkgs." + name + " \"weights\" [ ]; in pkgs.mkShell {"
            + " packages = [ pkgs.uv w ]; WEIGHTS = w; }");
        assertThat(names(shell)).containsExactly("uv");
        assertThat(shell.packages().complete()).isTrue();
        assertThat(shell.env().get("WEIGHTS").pieces()).singleElement().isInstanceOfSatisfying(
            ShellPiece.BuiltPath.class, built -> assertThat(built.display()).isEqualTo("${" + name + " \"weights\"}"));
      });
    }
    cases.put("NIXPKGS.texlive.combine", name -> {
      // a TeX distribution: no package the rules look for, and nothing unknown left in the list
      DevShell shell = shell("pkgs.mkShell { packages = [ pkgs.uv (pkgs." + name
          + " { inherit (pkgs.texlive) scheme-small latexmk; }) ]; }");
      assertThat(names(shell)).containsExactly("uv");
      assertThat(shell.packages().complete()).isTrue();
    });
    cases.put("PACKAGE.mkDerivation", name -> {
      // what it propagates enters the shell; a function of the final attributes reads them
      DevShell shell = shell("pkgs.mkShell { packages = [ (pkgs.stdenv." + name + " (finalAttrs: { pname = \"c\";"
          + " version = \"1\"; propagatedBuildInputs = [ pkgs.zlib ] ++ lib.optional pkgs.stdenv.isLinux"
          + " pkgs.cudaPackages.cudatoolkit; buildInputs = [ pkgs.openssl ]; N = finalAttrs.pname; })) ]; }");
      assertThat(names(shell)).containsExactly("zlib", "cudaPackages.cudatoolkit");
      assertThat(shell.packages().packages().get(1).guard()).isEqualTo(PlatformGuard.LINUX_ONLY);
      assertThat(shell.packages().complete()).isTrue();
      // `dependencies` is a Python package's list; to mkDerivation it is a variable of the build
      assertThat(names(shell("pkgs.mkShell { packages = [ (pkgs.stdenv." + name + " { name = \"d\";"
          + " dependencies = [ pkgs.zlib ]; }) ]; }"))).isEmpty();
      // its own setup hook runs in the shell: what it does is not known
      assertThat(shell("pkgs.mkShell { packages = [ (pkgs.stdenv." + name + " { name = \"h\";"
          + " setupHook = ./hook.sh; }) ]; }").packages().complete()).isFalse();
      // so are attributes the model cannot read
      assertThat(shell("pkgs.mkShell { packages = [ (pkgs.stdenv." + name + " (builtins.getEnv \"X\")) ]; }")
          .packages().complete()).isFalse();
    });
    for (String builder : List.of("buildPythonPackage", "buildPythonApplication")) {
      cases.put("PACKAGE." + builder, name -> {
        // nixpkgs propagates the package set's interpreter and the dependencies
        for (String set : List.of("python311Packages", "python311.pkgs")) {
          DevShell shell = shell("pkgs.mkShell { packages = [ (pkgs." + set + "." + name + " { pname = \"tool\";"
              + " version = \"1\"; dependencies = [ pkgs.python311Packages.numpy ]; }) ]; }");
          assertThat(names(shell)).containsExactly("python311Packages.numpy", "python311");
          assertThat(shell.packages().complete()).isTrue();
        }
        // its build environment, entered through inputsFrom, holds the interpreter, build-system and
        // dependencies; its passthru and its own attributes read back
        DevShell entered = shell("let drv = pkgs.python312Packages." + name + " { pname = \"demo\";"
            + " version = \"0.1.0\"; pyproject = true; build-system = [ pkgs.python312Packages.hatchling ];"
            + " dependencies = [ pkgs.python312Packages.numpy ];"
            + " nativeCheckInputs = [ pkgs.python312Packages.hypothesis ];"
            + " passthru.optional-dependencies.dev = [ pkgs.python312Packages.pytest ]; };"
            + " in pkgs.mkShell { inputsFrom = [ drv ]; packages = drv.optional-dependencies.dev;"
            + " VERSION = drv.version; DESCRIPTION = drv.meta.description; }");
        assertThat(names(entered)).containsExactlyInAnyOrder("python312", "python312Packages.hatchling",
            "python312Packages.hypothesis", "python312Packages.numpy", "python312Packages.pytest");
        assertThat(entered.packages().complete()).isTrue();
        assertThat(entered.hooksComplete()).isTrue();
        assertThat(entered.env().get("VERSION").text()).isEqualTo("0.1.0");
        // nixpkgs adds to meta (broken, available, …): not read from the call
        assertThat(entered.env().get("DESCRIPTION").complete()).isFalse();
        // with doCheck = false the check inputs are no build inputs; a legacy setuptools build's shell hook
        // (setuptoolsShellHook: an editable install) is not read
        DevShell legacy = shell("pkgs.mkShell { inputsFrom = [ (pkgs.python312Packages." + name + " {"
            + " pname = \"old\"; version = \"1\"; doCheck = false;"
            + " nativeCheckInputs = [ pkgs.python312Packages.hypothesis ]; }) ]; }");
        assertThat(names(legacy)).containsExactly("python312");
        assertThat(legacy.hooksComplete()).isFalse();
        // a passthru the model cannot read hides its attributes
        assertThat(shell("let drv = pkgs.python312Packages." + name + " { pname = \"d\";"
            + " passthru = builtins.getEnv \"P\"; }; in pkgs.mkShell { packages = drv.extras; }")
            .packages().complete()).isFalse();
        // its store path in a text names the builder
        assertThat(shell("pkgs.mkShell { T = pkgs.python311Packages." + name + " { pname = \"t\"; }; }").env()
            .get("T").text()).isEqualTo("${python311Packages." + name + " \"t\"}");
        // a set whose interpreter the model cannot name leaves it unknown
        assertThat(shell("pkgs.mkShell { packages = [ (pkgs.mypackages." + name + " { pname = \"t\"; }) ]; }")
            .packages().complete()).isFalse();
      });
    }
    for (String writer : List.of("writeShellScriptBin", "writeScriptBin", "writeShellScript", "writeScript",
        "writeText", "writeTextDir", "writeScriptDir")) {
      cases.put("NIXPKGS." + writer, textFile("(pkgs.%s \"greet\" \"echo hi\")"));
    }
    // pkgs.writers: settings always for the compiled and Python writers, optional for the shells
    for (String writer : List.of("writePython3", "writePython3Bin", "writePyPy3", "writePyPy3Bin", "writePerl",
        "writePerlBin", "writeJS", "writeJSBin")) {
      cases.put("NIXPKGS.writers." + writer,
          textFile("(pkgs.%s \"greet\" { libraries = ps: [ ps.torch ]; } \"print(1)\")"));
    }
    for (String writer : List.of("writeBash", "writeBashBin", "writeDash", "writeDashBin", "writeFish",
        "writeFishBin")) {
      cases.put("NIXPKGS.writers." + writer, name -> {
        textFile("(pkgs.%s \"greet\" \"echo hi\")").accept(name);
        textFile("(pkgs.%s \"greet\" { makeWrapperArgs = [ ]; } \"echo hi\")").accept(name);
      });
    }
    cases.put("NIXPKGS.writeShellApplication",
        textFile("(pkgs.%s { name = \"greet\"; runtimeInputs = [ pkgs.hello ]; text = \"hello\"; })"));
    cases.put("NIXPKGS.writeTextFile",
        textFile("(pkgs.%s { name = \"greet\"; destination = \"/bin/greet\"; text = \"echo hi\"; })"));
    for (String join : List.of("symlinkJoin", "buildEnv")) {
      cases.put("NIXPKGS." + join, name -> {
        DevShell shell = shell("pkgs.mkShell { packages = [ pkgs.python312 (pkgs." + name + " { name = \"cuda\";"
            + " paths = [ pkgs.cudaPackages.cudatoolkit ] ++ lib.optional pkgs.stdenv.isLinux pkgs.zlib; }) ]; }");
        assertThat(names(shell)).containsExactly("python312", "cudaPackages.cudatoolkit", "zlib");
        assertThat(shell.packages().packages().get(2).guard()).isEqualTo(PlatformGuard.LINUX_ONLY);
        assertThat(shell.packages().complete()).isTrue();
        // a join of something the model cannot resolve leaves the list incomplete
        assertThat(shell("pkgs.mkShell { packages = [ (pkgs." + name + " { name = \"x\"; paths = [ (builtins.getEnv"
            + " \"P\") pkgs.uv ]; }) ]; }").packages().complete()).isFalse();
        // `lib.getDev` of a join is the join (its only output is out); its name reads back
        DevShell named = shell("let j = pkgs." + name + " { name = \"cuda\"; paths = [ ]; }; in pkgs.mkShell {"
            + " N = (lib.getDev j).name; T = j.type; }");
        assertThat(named.env().get("N").text()).isEqualTo("cuda");
        assertThat(named.env().get("T").text()).isEqualTo("derivation");
        // its store path in a variable stands for the packages it links
        DevShell home = shell("let j = pkgs." + name + " { name = \"cuda\"; paths = [ pkgs.cudaPackages.cudatoolkit ];"
            + " }; in pkgs.mkShell { CUDA_HOME = j; L = \"${j}/lib\"; }");
        assertThat(home.env().get("CUDA_HOME").complete()).isTrue();
        assertThat(home.env().get("L").pieces().get(0)).isInstanceOfSatisfying(ShellPiece.BuiltPath.class,
            built -> assertThat(built.packagePaths()).extracting(p -> String.join(".", p.attrPath()))
                .containsExactly("cudaPackages.cudatoolkit"));
        assertThat(home.interpolatedPackages()).extracting(PackageRef::name)
            .containsExactly("cudaPackages.cudatoolkit", "cudaPackages.cudatoolkit");
      });
    }
    for (String setter : List.of("addDriverRunpath", "addOpenGLRunpath")) {
      cases.put("NIXPKGS." + setter + ".driverLink", name -> assertThat(shell(
          "pkgs.mkShell { shellHook = \"export LD_LIBRARY_PATH=${pkgs." + name + "}/lib\"; }").hookAssignments()
          .get(0).value().containsText("/run/opengl-driver/lib")).isTrue());
    }
    cases.put("NIXPKGS.devshell.mkShell", name -> assertThat(shell(
        "pkgs.devshell.mkShell { packages = [ pkgs.uv ]; env = [ { name = \"A\"; value = \"b\"; } ]; }"))
        .satisfies(devshell -> {
          assertThat(devshell.layout()).isEqualTo(Layout.DEVSHELL);
          assertThat(devshell.env().get("A").text()).isEqualTo("b");
        }));
    cases.put("DEVSHELL.mkShell", name -> {
      DevShell shell = onlyShell(FlakeModel.of("""
          {
            inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
            inputs.devshell.url = "github:numtide/devshell";
            outputs = { nixpkgs, devshell, ... }: {
              devShells.x86_64-linux.default = devshell.legacyPackages.x86_64-linux.mkShell {
                packages = [ nixpkgs.legacyPackages.x86_64-linux.python312 ];
                devshell.startup.hello.text = "echo hello";
              };
            };
          }
          """));
      assertThat(shell.layout()).isEqualTo(Layout.DEVSHELL);
      assertThat(names(shell)).containsExactly("python312");
      assertThat(shell.hookCommands()).singleElement().satisfies(c -> assertThat(c.runs("echo", "hello")).isTrue());
    });
    String toml = "[devshell]\npackages = [\"python312\"]\n";
    cases.put("NIXPKGS.devshell.importTOML", name -> assertThat(names(DevshellConfigurationTest.shell(
        "pkgs.devshell.mkShell { imports = [ (pkgs." + name + " ./devshell.toml) ]; }", "devshell.toml", toml)))
        .containsExactly("python312"));
    cases.put("NIXPKGS.devshell.fromTOML", name -> assertThat(DevshellConfigurationTest.shell(
        "pkgs." + name + " ./devshell.toml", "devshell.toml", toml)).satisfies(shell -> {
          assertThat(shell.layout()).isEqualTo(Layout.DEVSHELL);
          assertThat(names(shell)).containsExactly("python312");
        }));
    cases.put("DEVSHELL.importTOML", name -> assertThat(names(DevshellConfigurationTest.shell(
        "devshell.legacyPackages.x86_64-linux.mkShell { imports = [ (devshell.legacyPackages.x86_64-linux." + name
            + " ./devshell.toml) ]; }", "devshell.toml", toml))).containsExactly("python312"));
    cases.put("DEVSHELL.fromTOML", name -> assertThat(names(DevshellConfigurationTest.shell(
        "devshell.legacyPackages.x86_64-linux." + name + " ./devshell.toml", "devshell.toml", toml)))
        .containsExactly("python312"));
    cases.put("DEVENV.mkShell", name -> {
      DevShell shell = onlyShell(FlakeModel.of("""
          {
            inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
            inputs.devenv.url = "github:cachix/devenv";
            outputs = inputs@{ nixpkgs, devenv, ... }: let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
              devShells.x86_64-linux.default = devenv.lib.mkShell {
                inherit inputs pkgs;
                modules = [ { languages.python = { enable = true; package = pkgs.python313; }; env.A = "b"; } ];
              };
            };
          }
          """));
      assertThat(shell.layout()).isEqualTo(Layout.DEVENV);
      assertThat(names(shell)).containsExactly("python313");
      assertThat(shell.env()).containsKey("A");
    });
    cases.put("POETRY2NIX.mkPoetry2Nix", name -> {
      assertThat(names(onlyShell(FlakeModel.of("""
          {
            inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
            inputs.poetry2nix.url = "github:nix-community/poetry2nix";
            outputs = { nixpkgs, poetry2nix, ... }: let
              pkgs = nixpkgs.legacyPackages.x86_64-linux;
              p2n = poetry2nix.lib.mkPoetry2Nix { inherit pkgs; };
            in {
              devShells.x86_64-linux.default = pkgs.mkShell {
                packages = [ (p2n.mkPoetryEnv { projectDir = ./.; python = pkgs.python311; }) ];
              };
            };
          }
          """)))).containsExactly("python311");
      // the application's build environment, entered through inputsFrom, holds its interpreter
      DevShell fromApplication = onlyShell(FlakeModel.of("""
          {
            inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
            inputs.poetry2nix.url = "github:nix-community/poetry2nix";
            outputs = { self, nixpkgs, poetry2nix, ... }: let
              pkgs = nixpkgs.legacyPackages.x86_64-linux;
              inherit (poetry2nix.lib.mkPoetry2Nix { inherit pkgs; }) mkPoetryApplication;
            in {
              packages.x86_64-linux.default = mkPoetryApplication { projectDir = self; python = pkgs.python310; };
              devShells.x86_64-linux.default = pkgs.mkShell {
                inputsFrom = [ self.packages.x86_64-linux.default ];
                packages = [ pkgs.poetry ];
              };
            };
          }
          """));
      assertThat(names(fromApplication)).containsExactly("python310", "poetry");
      assertThat(fromApplication.packages().complete()).isTrue();
    });
    // poetry2nix's `legacyPackages.${system}` (its README's older form), on poetry2nix's own nixpkgs or the one its
    // `inputs.nixpkgs.follows` names
    cases.put("POETRY2NIX_PACKAGES.mkPoetryEnv", name -> {
      DevShell shell = onlyShell(FlakeModel.of("""
          {
            inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
            inputs.poetry2nix.url = "github:nix-community/poetry2nix";
            inputs.poetry2nix.inputs.nixpkgs.follows = "nixpkgs";
            outputs = { nixpkgs, poetry2nix, ... }: let
              pkgs = nixpkgs.legacyPackages.x86_64-linux;
              inherit (poetry2nix.legacyPackages.x86_64-linux) mkPoetryEnv;
            in {
              devShells.x86_64-linux.default = (mkPoetryEnv { projectDir = ./.; python = pkgs.python311; }).env
                .overrideAttrs (_: { buildInputs = [ pkgs.poetry ]; });
            };
          }
          """));
      assertThat(names(shell)).containsExactly("python311", "poetry");
      assertThat(shell.packages().complete()).isTrue();
    });
    cases.put("POETRY2NIX_PACKAGES.mkPoetryApplication", name -> {
      DevShell shell = onlyShell(FlakeModel.of("""
          {
            inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
            inputs.poetry2nix.url = "github:nix-community/poetry2nix";
            outputs = { self, nixpkgs, poetry2nix, ... }: let
              pkgs = nixpkgs.legacyPackages.x86_64-linux;
              p2n = poetry2nix.legacyPackages.x86_64-linux;
            in {
              devShells.x86_64-linux.default = pkgs.mkShell {
                inputsFrom = [ (p2n.mkPoetryApplication { projectDir = self; }) ];
              };
            };
          }
          """));
      // without `python`, poetry2nix's own nixpkgs' python3
      assertThat(shell.packages().packages()).singleElement().satisfies(ref -> {
        assertThat(ref.name()).isEqualTo("python3");
        assertThat(ref.source().input()).isEqualTo("poetry2nix/nixpkgs");
      });
      // `legacyPackages` holds systems: a function named on it without one is no member Nix would find
      DevShell noSystem = onlyShell(FlakeModel.of("""
          {
            inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
            inputs.poetry2nix.url = "github:nix-community/poetry2nix";
            outputs = { self, nixpkgs, poetry2nix, ... }: let
              pkgs = nixpkgs.legacyPackages.x86_64-linux;
            in {
              devShells.x86_64-linux.default = pkgs.mkShell {
                inputsFrom = [ (poetry2nix.legacyPackages.mkPoetryApplication { projectDir = self; }) ];
              };
            };
          }
          """));
      assertThat(noSystem.packages().packages()).isEmpty();
      assertThat(noSystem.packages().complete()).isFalse();
    });
    cases.put("NIXPKGS.poetry2nix.mkPoetryApplication", name -> {
      DevShell shell = shell("pkgs.mkShell { inputsFrom = [ (pkgs.poetry2nix.mkPoetryApplication {"
          + " projectDir = ./.; }) ]; }");
      assertThat(names(shell)).containsExactly("python3");
      assertThat(shell.packages().complete()).isTrue();
      // an interpreter the model cannot name leaves the application unknown
      assertThat(shell("pkgs.mkShell { inputsFrom = [ (pkgs.poetry2nix.mkPoetryApplication {"
          + " projectDir = ./.; python = builtins.getEnv \"PY\"; }) ]; }").packages().complete()).isFalse();
    });
    cases.put("NIXPKGS.poetry2nix.mkPoetryEnv", name -> {
      // through poetry2nix's overlay; without `python`, poetry2nix takes the package set's python3
      DevShell shell = shell("pkgs.mkShell { packages = [ (pkgs.poetry2nix.mkPoetryEnv { projectDir = ./.; }) ]; }");
      assertThat(names(shell)).containsExactly("python3");
      assertThat(shell.packages().complete()).isTrue();
    });
    for (String method : List.of("withPackages", "override", "overrideAttrs", "overridePythonAttrs",
        "overrideDerivation")) {
      cases.put("PACKAGE." + method, returnsThePackage());
    }
    for (String mark : List.of("toPythonApplication", "toPythonModule")) {
      // a Python set's: the package it is given, whatever set that comes from; the top level has no such function
      cases.put("PACKAGE." + mark, name -> {
        DevShell shell = shell("let python = pkgs.python312; in pkgs.mkShell { packages = [ (python.pkgs." + name
            + " python.pkgs.black) (pkgs.python311Packages." + name + " pkgs.hello) ]; }");
        assertThat(shell.packages().complete()).isTrue();
        assertThat(names(shell)).containsExactly("python312.pkgs.black", "hello");
        assertThat(shell("pkgs.mkShell { packages = [ (pkgs." + name + " pkgs.hello) ]; }").packages().complete())
            .isFalse();
      });
    }
    return cases;
  }

  private static DevShell onlyShell(FlakeModel model) {
    assertThat(model.shells()).hasSize(1);
    return model.shells().get(0);
  }

  @TestFactory
  Stream<DynamicTest> everyEntryBehavesAsDocumented() {
    Map<String, Consumer<String>> cases = cases();
    return KnownFunctions.all().stream().map(function -> DynamicTest.dynamicTest(key(function), () -> {
      assertThat(cases).as("a test case for %s", key(function)).containsKey(key(function));
      cases.get(key(function)).accept(function.name());
    }));
  }

  @Test
  void everyCaseNamesAnEntry() {
    assertThat(KnownFunctions.all().stream().map(KnownFunctionsTest::key).toList())
        .containsExactlyInAnyOrderElementsOf(cases().keySet());
  }

  @Test
  void getOutputSelectsAnOutputOnceAndAPackageIsAVariable() {
    DevShell shell = shell("pkgs.mkShell { L = \"${lib.getLib pkgs.zlib}/lib\"; D = lib.getDev pkgs.zlib.dev;"
        + " CUDA_HOME = pkgs.cudatoolkit; }");
    assertThat(shell.env().get("L").pieces().get(0)).isInstanceOfSatisfying(ShellPiece.PackagePath.class,
        path -> assertThat(path.attrPath()).containsExactly("zlib", "lib"));
    // an output already selected (`zlib.dev ? outputSpecified`) is kept, not selected again
    assertThat(shell.env().get("D").pieces()).singleElement().isInstanceOfSatisfying(ShellPiece.PackagePath.class,
        path -> assertThat(path.attrPath()).containsExactly("zlib", "dev"));
    // a package as an attribute of mkShell is a variable holding its store path, as Nix makes it
    assertThat(shell.env().get("CUDA_HOME").pieces()).singleElement().isInstanceOfSatisfying(
        ShellPiece.PackagePath.class, path -> assertThat(path.attrPath()).containsExactly("cudatoolkit"));
    assertThat(shell.interpolatedPackages()).extracting(PackageRef::name).contains("cudatoolkit");
  }

  @Test
  void getIncludeJoinsTheFirstOutputAndKeepsAChosenOne() {
    // `lib.getInclude` asks the outputs in turn as getOutput does; one already selected stays
    DevShell shell = shell("pkgs.mkShell { packages = [ (pkgs.symlinkJoin { name = \"cuda\"; paths ="
        + " [ (lib.getInclude pkgs.cudaPackages.cuda_cudart) (lib.getInclude pkgs.zlib.dev) ]; }) ];"
        + " S = if builtins.hasAttr \"outputSpecified\" pkgs.zlib.dev then \"chosen\" else \"whole\"; }");
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.packages().packages()).extracting(PackageRef::name)
        .contains("cudaPackages.cuda_cudart.include", "zlib.dev");
    // builtins.hasAttr asks a package what `?` asks it
    assertThat(shell.env().get("S").pieces()).singleElement().hasToString("Literal[text=chosen]");
  }

  @Test
  void theCompilersDynamicLinkerFileHoldsItsPath() {
    // nix-ld's NIX_LD: the file's text is the linker's path and a newline; lib.fileContents cuts the newline
    String file = "\"${pkgs.stdenv.cc}/nix-support/dynamic-linker\"";
    DevShell shell = shell("pkgs.mkShell { NIX_LD = lib.fileContents " + file + "; RAW = builtins.readFile " + file
        + "; OTHER = builtins.readFile \"${pkgs.zlib}/nix-support/setup-hook\"; KEPT = lib.removeSuffix \".so\""
        + " \"${pkgs.zlib}/lib\"; SHORT = lib.removeSuffix \"/lib/x\" \"${pkgs.zlib}/x\"; }");
    assertThat(shell.env().get("NIX_LD").pieces()).singleElement().isInstanceOfSatisfying(
        ShellPiece.PackagePath.class,
        path -> assertThat(path.attrPath()).containsExactly("stdenv", "cc", "bintools", "dynamicLinker"));
    assertThat(shell.env().get("RAW").pieces()).hasSize(2).last().hasToString("Literal[text=\n]");
    assertThat(shell.env().get("OTHER").pieces()).singleElement().isInstanceOf(ShellPiece.Unknown.class);
    // text at the end that does not end in the suffix: the string as it was
    assertThat(shell.env().get("KEPT").pieces()).hasSize(2).last().hasToString("Literal[text=/lib]");
    // a suffix longer than the text after the package: the Nix definition, which cannot tell
    assertThat(shell.env().get("SHORT").pieces()).singleElement().isInstanceOf(ShellPiece.Unknown.class);
  }

  @Test
  void aVersionedInterpretersPassthruIsWhatItsNameSays() {
    DevShell shell = shell("let python = pkgs.python312; in pkgs.mkShell { packages = [ pkgs.\"python${"
        + "lib.replaceStrings [ \".\" ] [ \"\" ] python.pythonVersion}Packages\".numpy ];"
        + " SITE = \"${python}/${python.sitePackages}\"; EXE = python.executable;"
        + " SHORT = \"${python.sourceVersion.major}${python.sourceVersion.minor}\"; ALIAS = pkgs.python3.pythonVersion; }");
    assertThat(names(shell)).containsExactly("python312Packages.numpy");
    assertThat(shell.env().get("SITE").pieces()).hasSize(2).last().hasToString("Literal[text=/lib/python3.12/site-packages]");
    assertThat(shell.env().get("EXE").pieces()).singleElement().hasToString("Literal[text=python3.12]");
    assertThat(shell.env().get("SHORT").pieces()).singleElement().hasToString("Literal[text=312]");
    // plain python3 is what the release makes it: not decided by its name
    assertThat(shell.env().get("ALIAS").pieces()).singleElement().isNotInstanceOf(ShellPiece.Literal.class);
  }

  @Test
  void stringsInPiecesCompareWhereTheirLiteralTextDecides() {
    // a helper that drops empty lines before joining them: each line holds a package's path and text
    DevShell shell = shell("let lines = [ \"export PATH=${lib.makeBinPath [ pkgs.uv ]}:$PATH\" \"\""
        + " \"uv sync\" ]; pick = a: b: if a == b then \"same\" else \"different\"; in pkgs.mkShell {"
        + " shellHook = lib.concatStringsSep \"\\n\" (lib.filter (line: line != \"\") lines);"
        + " LONGER = pick \"${pkgs.zlib}/lib\" \"/l\"; PREFIX = pick \"x${pkgs.zlib}\" \"y${pkgs.zlib}\";"
        + " SUFFIX = pick \"${pkgs.zlib}/a\" \"${pkgs.zlib}/b\"; PATH_ONLY = pick \"${pkgs.zlib}\" \"\";"
        + " SAME_SHAPE = pick \"${pkgs.zlib}/lib\" \"${pkgs.zlib}/lib\"; }");
    assertThat(shell.hooksComplete()).isTrue();
    assertThat(shell.hookCommands()).extracting(command -> command.words().get(0).literal())
        .containsExactly("export", "uv");
    assertThat(shell.env().get("LONGER").toString()).contains("different");
    assertThat(shell.env().get("PREFIX").toString()).contains("different");
    assertThat(shell.env().get("SUFFIX").toString()).contains("different");
    // a package's path may be anything as far as its length goes; the same shape may be the same string
    assertThat(shell.env().get("PATH_ONLY").pieces()).singleElement().isInstanceOf(ShellPiece.Unknown.class);
    assertThat(shell.env().get("SAME_SHAPE").pieces()).singleElement().isInstanceOf(ShellPiece.Unknown.class);
  }

  @Test
  void aPythonBuildEnvWithExtraLibsIsItsWithPackagesEnvironment() {
    // `(python3.buildEnv.override { extraLibs = …; }).env`, the long form of withPackages, entered by nix-shell
    DevShell shell = shell("(pkgs.python311.buildEnv.override { extraLibs = with pkgs.python311Packages; [ numpy"
        + " scipy ]; ignoreCollisions = true; }).env");
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.packages().packages()).extracting(PackageRef::name).containsExactly("python311");
    assertThat(shell.packages().pythonModules()).extracting(PackageRef::name)
        .containsExactly("python311Packages.numpy", "python311Packages.scipy");
  }

  @Test
  void aBuiltPackagesPropagatedBuildInputsAreItsListAndForPythonItsInterpreter() {
    DevShell shell = shell("let py = pkgs.python311.pkgs.buildPythonPackage { pname = \"a\"; version = \"1\";"
        + " pyproject = true; src = ./.; propagatedBuildInputs = [ pkgs.python311.pkgs.numpy ]; };"
        + " c = pkgs.stdenv.mkDerivation { name = \"c\"; propagatedBuildInputs = [ pkgs.zlib ]; };"
        + " none = pkgs.stdenv.mkDerivation { name = \"n\"; }; in pkgs.mkShell { packages ="
        + " py.propagatedBuildInputs ++ c.propagatedBuildInputs ++ none.propagatedBuildInputs; }");
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.packages().packages()).extracting(PackageRef::name)
        .containsExactly("python311.pkgs.numpy", "python311", "zlib");
  }

  @Test
  void toStringOfAPackageIsItsPath() {
    DevShell shell = shell("pkgs.mkShell { MODEL = toString (pkgs.stdenvNoCC.mkDerivation { name = \"m\"; });"
        + " Z = toString pkgs.zlib; }");
    assertThat(shell.env().get("Z").pieces()).singleElement().isInstanceOfSatisfying(ShellPiece.PackagePath.class,
        path -> assertThat(path.attrPath()).containsExactly("zlib"));
    assertThat(shell.env().get("MODEL").pieces()).singleElement().isNotInstanceOf(ShellPiece.Unknown.class);
  }

  @Test
  void stringsInALibraryListAreAPackageOrUnknown() {
    // "${pkgs.zlib}" is zlib; a folder inside a package is no package's lib folder the model can list
    DevShell shell = shell("pkgs.mkShell { A = lib.makeLibraryPath [ \"${pkgs.zlib}\" \"/run/opengl-driver\" ];"
        + " B = lib.makeLibraryPath [ \"${pkgs.python312}/lib/python3.12/site-packages/nvidia/cudnn\" ]; }");
    assertThat(shell.libraryPaths()).hasSize(2);
    assertThat(shell.libraryPaths().get(0).entries().complete()).isTrue();
    assertThat(shell.libraryPaths().get(0).entries().packages()).extracting(PackageRef::name).containsExactly("zlib");
    assertThat(shell.libraryPaths().get(1).entries().complete()).isFalse();
  }

  @Test
  void importAppliesTheOverlaysInOrder() {
    DevShell shell = onlyShell(model("""
        let
          first = final: prev: { myPython = prev.python311; tools = [ final.uv ]; };
          second = final: prev: { myPython = prev.myPython.override { }; driver = prev.linuxPackages.nvidia_x11; };
          p = import nixpkgs { system = "x86_64-linux"; overlays = [ first second (builtins.getEnv "O") ]; };
        in { devShells.x86_64-linux.default = p.mkShell {
          packages = [ p.myPython p.zlib ] ++ p.tools;
          L = lib.makeLibraryPath [ p.driver ];
        }; }"""));
    assertThat(names(shell)).containsExactly("python311", "zlib", "uv");
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.interpreters()).extracting(PythonInterpreter::version).containsExactly("3.11");
    assertThat(shell.libraryPaths().get(0).entries().packages()).extracting(PackageRef::name)
        .containsExactly("linuxPackages.nvidia_x11");
    // the instance still says that overlays may change nixpkgs' own packages
    assertThat(shell.instance().overlays()).isEqualTo(Tristate.TRUE);
  }

  @Test
  void extendAddsAnOverlayAndSaysSo() {
    DevShell shell = onlyShell(model("""
        let p = (import nixpkgs { system = "x86_64-linux"; }).extend (final: prev: { myPython = prev.python312; });
        in { devShells.x86_64-linux.default = p.mkShell { packages = [ p.myPython p.uv ]; }; }"""));
    assertThat(names(shell)).containsExactly("python312", "uv");
    assertThat(shell.instance().overlays()).isEqualTo(Tristate.TRUE);
  }

  @Test
  void withPackagesKeepsTheModulesItsEnvironmentHolds() {
    DevShell shell = shell("pkgs.mkShell { packages = [ (pkgs.python312.withPackages (ps: with ps; [ numpy"
        + " pkgs.cudatoolkit venvShellHook ] ++ lib.optionals pkgs.stdenv.isLinux [ ps.torchWithCuda ])) ]; }");
    assertThat(names(shell)).containsExactly("python312");
    // nixpkgs drops what is no Python module (a package of the set, a setup hook) from the environment
    assertThat(shell.packages().pythonModules()).extracting(PackageRef::name)
        .containsExactly("python312Packages.numpy", "python312Packages.torchWithCuda");
    assertThat(shell.packages().pythonModules().get(1).guard().allowsNonLinux()).isFalse();
    assertThat(shell.packages().pythonModules()).allMatch(PackageRef::pythonModule);
    assertThat(shell.cudaPackages()).isEmpty(); // a module is the environment's, not the shell's own package
  }

  @Test
  void aPythonEnvironmentsEnvIsTheShellNixShellEnters() {
    DevShell shell = shell("(pkgs.python312.withPackages (ps: [ ps.numpy ])).env");
    assertThat(names(shell)).containsExactly("python312");
    assertThat(shell.packages().pythonModules()).extracting(PackageRef::name)
        .containsExactly("python312Packages.numpy");
    assertThat(shell.interpreters()).extracting(PythonInterpreter::version).containsExactly("3.12");
  }

  @Test
  void overrideAttrsOfAShellPutsItsAttributesOverTheShells() {
    DevShell shell = shell("(pkgs.mkShell { packages = [ pkgs.uv ]; shellHook = \"echo one\"; }).overrideAttrs"
        + " (old: { packages = old.packages ++ [ pkgs.ruff ]; shellHook = old.shellHook + \"; echo two\"; })");
    assertThat(names(shell)).containsExactly("uv", "ruff");
    assertThat(shell.hook("shellHook").orElseThrow().text()).isEqualTo("echo one; echo two");
    // nixpkgs' two-argument form (finalAttrs: previousAttrs: …) reads the same
    assertThat(names(shell("(pkgs.mkShell { packages = [ pkgs.uv ]; }).overrideAttrs (final: old: {"
        + " packages = old.packages ++ [ pkgs.git ]; })"))).containsExactly("uv", "git");
  }

  @Test
  void inputsFromOfNothingAddsNothing() {
    assertThat(shell("pkgs.mkShell { packages = [ pkgs.uv ]; inputsFrom = [ ]; }").packages().complete()).isTrue();
    assertThat(shell("pkgs.mkShell { packages = [ pkgs.uv ]; inputsFrom = [ pkgs.hello ]; }").packages().complete())
        .isFalse();
  }

  @Test
  void inputsFromAnotherShellBringsItsPackagesAndShellHookNotItsVariables() {
    DevShell shell = shell("""
        let
          base = pkgs.mkShell { packages = [ pkgs.python312 pkgs.uv ]; UV_PYTHON_DOWNLOADS = "never";
            shellHook = "uv sync"; };
          tools = pkgs.mkShell { packages = [ pkgs.ruff ]; shellHook = "echo tools"; };
        in pkgs.mkShell { inputsFrom = [ base ] ++ lib.optional pkgs.stdenv.isLinux tools; packages = [ pkgs.git ];
          shellHook = "echo own"; }""");
    assertThat(names(shell)).containsExactly("python312", "uv", "ruff", "git");
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.packages().packages().get(2).guard()).isEqualTo(PlatformGuard.LINUX_ONLY);
    // mkShell runs the hooks of inputsFrom, the later one first, then its own
    assertThat(shell.hooks()).extracting(ShellText::text).containsExactly("echo tools", "uv sync", "echo own");
    assertThat(shell.env()).doesNotContainKey("UV_PYTHON_DOWNLOADS");
    // an input whose packages are not all known leaves the list incomplete
    assertThat(shell("pkgs.mkShell { inputsFrom = [ (pkgs.mkShell { packages = [ (builtins.getEnv \"P\") ]; }) ];"
        + " }").packages().complete()).isFalse();
  }

  @Test
  void selfIsTheFlakesOwnOutputs() {
    DevShell plain = onlyShell(model("""
        { packages.x86_64-linux.env = pkgs.python312.withPackages (ps: [ ps.numpy ]);
          devShells.x86_64-linux.default = pkgs.mkShell {
            packages = [ self.packages.x86_64-linux.env ];
            SRC = "${self}";
          };
        }"""));
    assertThat(names(plain)).containsExactly("python312");
    // the flake's source in the store is not known here
    assertThat(plain.env().get("SRC").complete()).isFalse();
    FlakeModel perSystem = model("""
        flake-utils.lib.eachDefaultSystem (system: let p = nixpkgs.legacyPackages.${system}; in {
          packages.env = p.python311;
          devShells.default = p.mkShell { packages = [ self.packages.${system}.env p.uv ]; };
        })""");
    // one shell, defined for each default system
    assertThat(perSystem.shells()).singleElement().satisfies(shell -> {
      assertThat(names(shell)).containsExactly("python311", "uv");
      assertThat(shell.packages().complete()).isTrue();
    });
  }

  @Test
  void aNameThatDiffersPerPlatformSelectsEachPlatformsAttribute() {
    FlakeModel model = model("""
        let tools = { x86_64-linux = [ pkgs.cudatoolkit ]; aarch64-darwin = [ ]; }; in
        flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-darwin" ] (system: {
          devShells.default = pkgs.mkShell { packages = [ pkgs.uv ] ++ tools.${system}; };
        })""");
    assertThat(model.shells()).singleElement().satisfies(shell -> assertThat(shell.packages().complete()).isTrue());
    PackageRef cuda = model.shells().get(0).packages().packages().stream()
        .filter(ref -> ref.name().equals("cudatoolkit")).findFirst().orElseThrow();
    assertThat(cuda.guard().isNever()).isFalse();
    assertThat(cuda.guard()).isNotEqualTo(PlatformGuard.ALWAYS); // only where the key is x86_64-linux
  }

  @Test
  void manylinuxPoliciesAreTheirPackagesAndAPackagesVersionIsNoPackage() {
    DevShell shell = shell("pkgs.mkShell { L = lib.makeLibraryPath pkgs.pythonManylinuxPackages.manylinux1;"
        + " H = \"${pkgs.pythonManylinuxPackages.manylinux2014Package}/lib\"; V = pkgs.cudaPackages.cudatoolkit.version; }");
    assertThat(shell.libraryPaths().get(0).entries().complete()).isTrue();
    assertThat(shell.libraryPaths().get(0).entries().packages()).extracting(PackageRef::name)
        .contains("stdenv.cc.cc.lib", "glibc", "libGL", "zlib", "ncurses5");
    assertThat(shell.env().get("H").pieces().get(0)).isInstanceOfSatisfying(ShellPiece.BuiltPath.class,
        built -> assertThat(built.packagePaths()).extracting(p -> String.join(".", p.attrPath()))
            .contains("glib").doesNotContain("ncurses5"));
    // a version is one word the release decides: known to be no package (no CUDA named there), its text unknown
    assertThat(shell.env().get("V").complete()).isTrue();
    assertThat(shell.env().get("V").pieces()).singleElement().isInstanceOf(ShellPiece.PackageFact.class);
    assertThat(shell.env().get("V").value().literal()).isNull();
    assertThat(shell.cudaPackages()).isEmpty();
  }

  @Test
  void variablesOfAnOptionalSetCarryItsGuard() {
    // pyproject-nix's impure template: uv's variables everywhere, the manylinux libraries on Linux
    DevShell shell = shell("""
        pkgs.mkShell {
          env = { UV_PYTHON_DOWNLOADS = "never"; UV_PYTHON = pkgs.python312.interpreter; }
            // lib.optionalAttrs pkgs.stdenv.isLinux {
              LD_LIBRARY_PATH = lib.makeLibraryPath pkgs.pythonManylinuxPackages.manylinux1;
            };
        }""");
    assertThat(shell.env().get("UV_PYTHON_DOWNLOADS").guard()).isEqualTo(PlatformGuard.ALWAYS);
    assertThat(shell.env().get("LD_LIBRARY_PATH").guard()).isEqualTo(PlatformGuard.LINUX_ONLY);
    assertThat(shell.env().get("LD_LIBRARY_PATH").complete()).isTrue();
    assertThat(shell.libraryPaths()).singleElement().satisfies(path -> {
      assertThat(path.entries().complete()).isTrue();
      assertThat(path.entries().packages()).allSatisfy(ref -> assertThat(ref.guard())
          .isEqualTo(PlatformGuard.LINUX_ONLY));
    });
  }

  @Test
  void searchPathsOfPackagesKeepThePackages() {
    // lib.makeBinPath is makeSearchPath over getOutput: `pkg != null`, `pkg + "/bin"`, concatStringsSep of pieces
    DevShell shell = shell("""
        pkgs.mkShell {
          PATH = lib.makeBinPath [ pkgs.git pkgs.uv ];
          JOINED = lib.concatStringsSep ":" [ "${pkgs.zlib}/lib" "/opt/lib" ];
        }""");
    assertThat(shell.textsComplete()).isTrue();
    assertThat(shell.env().get("PATH").pieces()).extracting(ShellPiece::display)
        .containsExactly("${git.bin}", "/bin:", "${uv.bin}", "/bin");
    assertThat(shell.env().get("JOINED").pieces()).extracting(ShellPiece::display)
        .containsExactly("${zlib}", "/lib:/opt/lib");
  }

  @Test
  void theConfigurationOfAPackageSetIsWhatItWasImportedWith() {
    FlakeModel model = model("""
        let cuda = import nixpkgs { system = "x86_64-linux"; config = { allowUnfree = true; cudaSupport = true; }; };
        in {
          devShells.x86_64-linux.default = cuda.callPackage ({ mkShell, config, lib }: mkShell {
            packages = lib.optionals config.cudaSupport [ cuda.cudaPackages.cudnn ]
              ++ lib.optionals (!pkgs.config.cudaSupport) [ pkgs.git ];
            # an option the import does not set has nixpkgs' default, which the model does not know: `or` does
            # not apply to an attribute that may be there
            CAPABILITIES = toString (config.cudaCapabilities or "none");
          }) { };
        }""");
    DevShell shell = model.shells().get(0);
    assertThat(shell.packages().complete()).isTrue();
    assertThat(names(shell)).containsExactly("cudaPackages.cudnn", "git");
    assertThat(shell.env().get("CAPABILITIES").complete()).isFalse();
  }

  @Test
  void aWordThatDiffersPerPlatformIsKnownToBeOneOfThem() {
    FlakeModel model = model("""
        flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-darwin" ] (system: let p = nixpkgs.legacyPackages.${system};
        in { devShells.default = p.mkShell {
          OPEN = if p.stdenv.isLinux then "xdg-open" else "open";
          shellHook = "echo on ${system}";
        }; })""");
    DevShell shell = model.shells().get(0);
    assertThat(model.shells()).hasSize(1);
    assertThat(shell.hooksComplete()).isTrue();
    assertThat(shell.hooks().get(0).pieces()).last().isInstanceOfSatisfying(ShellPiece.OneOf.class,
        oneOf -> assertThat(oneOf.words()).containsExactlyInAnyOrder("x86_64-linux", "aarch64-darwin"));
    assertThat(shell.env().get("OPEN").pieces()).singleElement().isInstanceOf(ShellPiece.OneOf.class);
    assertThat(shell.env().get("OPEN").value().literal()).isNull();
  }

  @Test
  void textWithSpacesThatDiffersPerPlatformIsReadForEachSystem() {
    // more than a word: how a hook splits it depends on the platform, so each system has its own shell
    FlakeModel model = model("""
        flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-darwin" ] (system: let p = nixpkgs.legacyPackages.${system};
        in { devShells.default = p.mkShell {
          GREETING = if p.stdenv.isLinux then "hello linux" else "hello mac";
          shellHook = "echo on ${system}";
        }; })""");
    assertThat(model.shells()).hasSize(2).allSatisfy(shell -> assertThat(shell.textsComplete()).isTrue());
    assertThat(model.shells()).extracting(shell -> shell.systems().get().iterator().next()
        + ": " + shell.env().get("GREETING").value().literal() + "; " + shell.hooks().get(0).value().literal())
        .containsExactlyInAnyOrder("x86_64-linux: hello linux; echo on x86_64-linux",
            "aarch64-darwin: hello mac; echo on aarch64-darwin");
  }

  @Test
  void inputKinds() {
    assertThat(NixpkgsHost.kindOf("utils", Optional.empty())).isEqualTo(Domain.InputKind.FLAKE_UTILS);
    assertThat(NixpkgsHost.kindOf("unstable", Optional.of("github:NixOS/nixpkgs/nixos-unstable")))
        .isEqualTo(Domain.InputKind.NIXPKGS);
    // devenv's own nixpkgs is a nixpkgs, not devenv
    assertThat(NixpkgsHost.kindOf("nixpkgs", Optional.of("github:cachix/devenv-nixpkgs/rolling")))
        .isEqualTo(Domain.InputKind.NIXPKGS);
    assertThat(NixpkgsHost.kindOf("devenv", Optional.of("github:cachix/devenv/v1.4")))
        .isEqualTo(Domain.InputKind.DEVENV);
    assertThat(NixpkgsHost.kindOf("d", Optional.of("github:cachix/devenv?ref=main")))
        .isEqualTo(Domain.InputKind.DEVENV);
    // pyproject.nix under its earlier owner, on a branch
    assertThat(NixpkgsHost.kindOf("p", Optional.of("github:nix-community/pyproject.nix/hacky-nixpkgs-prebuilt")))
        .isEqualTo(Domain.InputKind.PYPROJECT_NIX);
    assertThat(NixpkgsHost.kindOf("fmt", Optional.of("github:numtide/treefmt-nix"))).isEqualTo(Domain.InputKind.TREEFMT_NIX);
    assertThat(NixpkgsHost.kindOf("hooks", Optional.of("github:cachix/pre-commit-hooks.nix")))
        .isEqualTo(Domain.InputKind.GIT_HOOKS);
  }

  @Test
  void optionalAttrsUnderAPlatformTestGuardsWhatItAdds() {
    DevShell shell = shell("""
        pkgs.mkShell ({ packages = [ pkgs.uv ]; } // lib.optionalAttrs pkgs.stdenv.isLinux {
          packages = [ pkgs.uv pkgs.cudatoolkit ];
        })""");
    assertThat(shell.packages().packages()).filteredOn(ref -> ref.name().equals("cudatoolkit"))
        .singleElement().extracting(PackageRef::guard).isEqualTo(PlatformGuard.LINUX_ONLY);
    assertThat(shell.packages().complete()).isTrue();
  }

  @Test
  void overrideOfAShellBuilderIsTheBuilder() {
    DevShell shell = shell("(pkgs.mkShell.override { stdenv = pkgs.gccStdenv; }) { packages = [ pkgs.uv ]; }");
    assertThat(names(shell)).containsExactly("uv");
  }

  @Test
  void importOfNixSystemsIsItsListOfSystems() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.systems.url = "github:nix-systems/default";
          outputs = { nixpkgs, systems, ... }: {
            devShells = nixpkgs.lib.genAttrs (import systems) (system: {
              default = nixpkgs.legacyPackages.${system}.mkShell { };
            });
          };
        }
        """);
    assertThat(model.shells()).extracting(shell -> shell.systems().orElseThrow().iterator().next())
        .containsExactlyInAnyOrderElementsOf(DEFAULT_SYSTEMS);
  }

  @Test
  void nixpkgsPythonBuildsAreInterpretersOfTheirVersion() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-utils.url = "github:numtide/flake-utils";
          inputs.nixpkgs-python.url = "github:cachix/nixpkgs-python";
          outputs = { nixpkgs, flake-utils, nixpkgs-python, ... }:
            flake-utils.lib.eachDefaultSystem (system:
              let
                pkgs = nixpkgs.legacyPackages.${system};
                version = "3.11.4";
                python = nixpkgs-python.packages.${system}.${version};
              in {
                devShells.default = pkgs.mkShell {
                  packages = [ (python.withPackages (ps: [ ps.numpy ])) pkgs.uv ];
                };
                devShells.old = pkgs.mkShell { packages = [ nixpkgs-python.packages.${system}."2.7.18" ]; };
                devShells.other = pkgs.mkShell { packages = [ nixpkgs-python.packages.${system}.default ]; };
                devShells.legacy = pkgs.mkShell { packages = [ nixpkgs-python.legacyPackages.${system}.uv ]; };
              });
        }
        """);
    assertThat(model.shells()).filteredOn(shell -> shell.name().equals("default")).hasSize(1)
        .allSatisfy(shell -> {
          assertThat(shell.packages().complete()).isTrue();
          assertThat(shell.interpreters()).singleElement().satisfies(interpreter -> {
            assertThat(interpreter.version()).isEqualTo("3.11");
            assertThat(interpreter.ref().source().input()).isEqualTo("nixpkgs-python");
          });
          assertThat(shell.packages().pythonModules()).extracting(PackageRef::name)
              .containsExactly("python311Packages.numpy");
        });
    assertThat(model.shells()).filteredOn(shell -> shell.name().equals("old"))
        .allSatisfy(shell -> assertThat(shell.interpreters()).extracting(PythonInterpreter::version)
            .containsExactly("2.7"));
    // another name of its packages, and its legacyPackages (not a nixpkgs), are unknown
    assertThat(model.shells()).filteredOn(shell -> shell.name().equals("other") || shell.name().equals("legacy"))
        .hasSize(2).allSatisfy(shell -> assertThat(shell.packages().complete()).isFalse());
    assertThat(NixpkgsHost.kindOf("nixpkgs-python", Optional.empty())).isEqualTo(Domain.InputKind.NIXPKGS_PYTHON);
  }

  @Test
  void getEnvIsAWordOfTheMachineInTextsAndUnknownElsewhere() {
    DevShell shell = shell("""
        pkgs.mkShell {
          MAMBA_ROOT_PREFIX = "${builtins.getEnv "PWD"}/.mamba";
          DATA = builtins.getEnv "HOME" + "/data";
          MODE = if builtins.getEnv "CUDA" == "1" then "gpu" else "cpu";
          packages = lib.optional (builtins.getEnv "CUDA" != "") pkgs.cudatoolkit;
        }""");
    assertThat(shell.env().get("MAMBA_ROOT_PREFIX").pieces()).containsExactly(
        new ShellPiece.EnvironmentText("PWD"), new ShellPiece.Literal("/.mamba"));
    assertThat(shell.env().get("DATA").text()).isEqualTo("${builtins.getEnv \"HOME\"}/data");
    // what the variable holds decides a condition: unknown
    assertThat(shell.env().get("MODE").value().literal()).isNull();
    assertThat(shell.packages().complete()).isFalse();
  }

  @Test
  void systemsInputsListWhatTheirUrlNames() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.systems.url = "github:nix-systems/default-linux";
          outputs = { nixpkgs, systems, ... }: {
            devShells = nixpkgs.lib.genAttrs (import systems) (system: {
              default = nixpkgs.legacyPackages.${system}.mkShell { };
            });
          };
        }
        """);
    assertThat(model.shells()).extracting(shell -> shell.systems().orElseThrow().iterator().next())
        .containsExactlyInAnyOrder("x86_64-linux", "aarch64-linux");
    assertThat(NixpkgsHost.nixSystems(Optional.of("github:nix-systems/aarch64-darwin")))
        .contains(List.of("aarch64-darwin"));
    assertThat(NixpkgsHost.nixSystems(Optional.of("github:someone/my-systems"))).isEmpty();
    assertThat(NixpkgsHost.nixSystems(Optional.empty())).contains(NixpkgsHost.DEFAULT_SYSTEMS);
  }

  @Test
  void flakeUtilsDefaultSystemsFollowTheSystemsInputTheFlakeGivesIt() {
    String flake = """
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.systems.url = "%s";
          inputs.flake-utils = { url = "github:numtide/flake-utils"; inputs.systems.follows = "systems"; };
          outputs = { nixpkgs, flake-utils, ... }: flake-utils.lib.eachDefaultSystem (system: {
            devShells.default = nixpkgs.legacyPackages.${system}.mkShell { };
          });
        }
        """;
    assertThat(FlakeModel.of(flake.formatted("github:nix-systems/x86_64-linux")).shells())
        .singleElement().satisfies(shell -> assertThat(shell.systems()).contains(Set.of("x86_64-linux")));
    assertThat(FlakeModel.of(flake.formatted("github:nix-systems/default")).shells())
        .singleElement().satisfies(shell -> assertThat(shell.systems()).contains(DEFAULT_SYSTEMS));
    // a systems flake nixml does not know: the systems are unknown
    assertThat(FlakeModel.of(flake.formatted("github:someone/systems")).shells())
        .allSatisfy(shell -> assertThat(shell.systems()).isEmpty());
    // a systems input that follows another: that one's list
    assertThat(FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.linux.url = "github:nix-systems/default-linux";
          inputs.systems.follows = "linux";
          outputs = { nixpkgs, systems, ... }: {
            devShells = nixpkgs.lib.genAttrs (import systems) (system: {
              default = nixpkgs.legacyPackages.${system}.mkShell { };
            });
          };
        }
        """).shells()).extracting(shell -> shell.systems().orElseThrow().iterator().next())
        .containsExactlyInAnyOrder("x86_64-linux", "aarch64-linux");
  }

  @Test
  void aListAttributeIsItsElementsJoinedBySpacesOnEachPlatform() {
    FlakeModel model = model("""
        flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-darwin" ] (system:
          let pkgs = nixpkgs.legacyPackages.${system}; in {
            devShells.default = pkgs.mkShell {
              NIX_CFLAGS_COMPILE = [ "-O2" ] ++ pkgs.lib.optionals pkgs.stdenv.isDarwin [ "-I${pkgs.libcxx}/include" ];
              WEIGHTS = pkgs.linkFarm "weights" { model = ./model.bin; };
            };
          })""");
    assertThat(model.shells()).hasSize(2).allSatisfy(shell -> assertThat(shell.textsComplete()).isTrue());
    assertThat(model.shells()).extracting(shell -> shell.systems().orElseThrow().iterator().next() + ": "
        + shell.env().get("NIX_CFLAGS_COMPILE").text() + "; " + shell.env().get("WEIGHTS").text())
        .containsExactlyInAnyOrder("x86_64-linux: -O2; ${linkFarm \"weights\"}",
            "aarch64-darwin: -O2 -I${libcxx}/include; ${linkFarm \"weights\"}");
  }

  @Test
  void packagesOfOneSetCompareAsDerivations() {
    // `lib.unique` over a package list: `elem` asks `==` of each pair
    DevShell shell = shell("pkgs.mkShell { packages = lib.unique [ pkgs.go pkgs.gopls pkgs.go ]; }");
    assertThat(shell.packages().complete()).isTrue();
    assertThat(names(shell)).containsExactly("go", "gopls");
    DevShell sets = shell("pkgs.mkShell { packages = lib.unique [ pkgs.git pkgs.nodePackages.typescript pkgs.git ]; }");
    assertThat(names(sets)).containsExactly("git", "nodePackages.typescript");
    // a version alias may be the very derivation (python3 is python312 on some releases): not decided
    assertThat(shell("pkgs.mkShell { packages = lib.unique [ pkgs.python3 pkgs.python312 ]; }").packages()
        .complete()).isFalse();
    assertThat(names(shell("pkgs.mkShell { packages = if pkgs.git == pkgs.git then [ pkgs.uv ] else [ ]; }")))
        .containsExactly("uv");
    // members of a set may be one value under two names (a native build's host and build platforms): undecided
    assertThat(shell("pkgs.mkShell { packages = if pkgs.stdenv.hostPlatform == pkgs.stdenv.buildPlatform"
        + " then [ pkgs.uv ] else [ ]; }").packages().complete()).isFalse();
    // an open comparison, then the value itself: found whatever the first one is
    assertThat(names(shell("pkgs.mkShell { packages = if builtins.elem pkgs.python312 [ pkgs.python3"
        + " pkgs.python312 ] then [ pkgs.uv ] else [ ]; }"))).containsExactly("uv");
  }

  @Test
  void attributesMergedOverAMadeShellLeaveItAsItIs() {
    // `//` after mkShell sets attributes of the derivation, not arguments: nix develop enters the same shell
    DevShell shell = shell("pkgs.mkShell { packages = [ pkgs.uv ]; } // { NIXPKGS_ALLOW_UNFREE = \"1\"; }");
    assertThat(names(shell)).containsExactly("uv");
    assertThat(shell.env()).doesNotContainKey("NIXPKGS_ALLOW_UNFREE");
    DevShell guarded = shell("pkgs.mkShell { packages = [ pkgs.git ]; }"
        + " // lib.optionalAttrs pkgs.stdenv.isDarwin { DYLD_LIBRARY_PATH = \"x\"; }");
    assertThat(names(guarded)).containsExactly("git");
    assertThat(guarded.attributesComplete()).isTrue();
    // what inputsFrom reads of a shell (its hook, its inputs) merged over it makes it another shell: not read
    DevShell merged = shell("pkgs.mkShell { inputsFrom = [ (pkgs.mkShell { packages = [ pkgs.git ]; }"
        + " // { shellHook = \"uv sync\"; }) ]; }");
    assertThat(merged.packages().complete()).isFalse();
  }

  @Test
  void anEnvironmentsOwnMethodsKeepItsModules() {
    DevShell shell = shell("pkgs.mkShell { packages = [ ((pkgs.python312.withPackages (ps: [ ps.numpy ]))"
        + ".overrideAttrs (_: { })) ]; }");
    assertThat(names(shell)).containsExactly("python312");
    assertThat(shell.packages().pythonModules()).extracting(PackageRef::name)
        .containsExactly("python312Packages.numpy");
  }

  private static String key(KnownFunction function) {
    return function.scope() + "." + function.name();
  }
}
