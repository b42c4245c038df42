package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.nix.eval.PlatformGuard;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The symbolic evaluator, one construct at a time, on small inline flakes. */
class DevShellExtractorTest {

  private static FlakeModel model(String outputsBody) {
    return FlakeModel.of("{\n  inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-24.11\";\n"
        + "  inputs.flake-utils.url = \"github:numtide/flake-utils\";\n"
        + "  outputs = { self, nixpkgs, flake-utils, ... }@inputs:\n" + outputsBody + ";\n}\n");
  }

  private static DevShell onlyShell(FlakeModel model) {
    assertThat(model.readable()).isTrue();
    assertThat(model.shells()).hasSize(1);
    return model.shells().get(0);
  }

  private static List<String> names(DevShell shell) {
    return shell.packages().packages().stream().map(PackageRef::name).toList();
  }

  @Test
  void aThrowOnSystemsTheFlakeDoesNotBuildLeavesThePackageListKnown() {
    // `if isDarwin then … else if isLinux then … else throw`: the throw holds on no system eachDefaultSystem builds
    FlakeModel model = model("""
        flake-utils.lib.eachDefaultSystem (system:
          let
            pkgs = import nixpkgs { inherit system; };
            settings = if pkgs.stdenv.isDarwin then { libs = [ pkgs.darwin.cctools ]; }
              else if pkgs.stdenv.isLinux then { libs = [ pkgs.zlib ]; }
              else throw "unsupported system";
          in { devShells.default = pkgs.mkShell { packages = [ pkgs.patchelf ] ++ settings.libs; }; })""");
    DevShell shell = onlyShell(model);
    assertThat(shell.packages().complete()).isTrue();
    assertThat(names(shell)).containsExactly("patchelf", "darwin.cctools", "zlib");
    // patchelf is listed once, on every platform the two lists have; each library on its own kernel
    assertThat(shell.packages().packages()).extracting(PackageRef::guard).containsExactly(
        PlatformGuard.LINUX_ONLY.or(PlatformGuard.DARWIN_ONLY), PlatformGuard.DARWIN_ONLY, PlatformGuard.LINUX_ONLY);
    // on a system the throw does hold on (a shell.nix builds for any machine), the list stays unknown
    io.github.nixml.nix.NixFile file = io.github.nixml.nix.NixFrontEnd.analyze("""
        let pkgs = import <nixpkgs> { };
            libs = if pkgs.stdenv.isLinux then [ pkgs.zlib ] else throw "Linux only";
        in pkgs.mkShell { packages = [ pkgs.patchelf ] ++ libs; }
        """);
    DevShell anywhere = onlyShell(FlakeModel.ofShellFile(file, io.github.nixml.nix.eval.TreeLowering.lower(file), null,
        "shell.nix"));
    assertThat(anywhere.packages().complete()).isFalse();
  }

  @Test
  void aSetOfShellsThatDiffersPerPlatformGivesEachShellTheSystemsThatHaveIt() {
    FlakeModel model = model("""
        flake-utils.lib.eachDefaultSystem (system:
          let pkgs = import nixpkgs { inherit system; config.allowUnfree = true; };
          in {
            devShells = { default = pkgs.mkShell { packages = [ pkgs.uv ]; }; }
              // nixpkgs.lib.optionalAttrs (system == "x86_64-linux") {
                cuda = pkgs.mkShell { packages = [ pkgs.cudaPackages.cudatoolkit ]; };
              }
              // (if pkgs.stdenv.isDarwin then { metal = pkgs.mkShell { }; } else { });
          })""");
    assertThat(model.shellsComplete()).isTrue();
    assertThat(model.shells()).extracting(DevShell::name).containsExactly("default", "cuda", "metal");
    // one shell written once is read once, for every system
    assertThat(model.shells().get(0).systems().orElseThrow()).containsExactlyInAnyOrder("x86_64-linux", "aarch64-linux",
        "x86_64-darwin", "aarch64-darwin");
    assertThat(model.shells().get(1).systems().orElseThrow()).containsExactly("x86_64-linux");
    assertThat(model.shells().get(2).systems().orElseThrow()).containsExactlyInAnyOrder("x86_64-darwin", "aarch64-darwin");
  }

  @Test
  void aShellBuilderChosenPerPlatformGivesEachSystemItsShell() {
    FlakeModel model = model("""
        flake-utils.lib.eachDefaultSystem (system:
          let pkgs = import nixpkgs { inherit system; };
              mkShell = if pkgs.stdenv.isDarwin then pkgs.mkShell.override { stdenv = pkgs.llvmPackages.libcxxStdenv; }
                else pkgs.mkShell;
          in { devShells.default = mkShell { packages = [ pkgs.poetry pkgs.python311 ]; }; })""");
    assertThat(model.shellsComplete()).isTrue();
    assertThat(model.shells()).hasSize(2).allSatisfy(shell -> {
      assertThat(shell.name()).isEqualTo("default");
      assertThat(names(shell)).containsExactly("poetry", "python311");
    });
    assertThat(model.shells()).extracting(shell -> shell.systems().orElseThrow()).containsExactlyInAnyOrder(
        Set.of("x86_64-darwin", "aarch64-darwin"), Set.of("x86_64-linux", "aarch64-linux"));
    // shells on package sets configured per platform are not read apart: which set a guarded package comes from
    // would be lost
    FlakeModel perSet = model("""
        flake-utils.lib.eachDefaultSystem (system:
          let pkgs = if system == "x86_64-linux" then import nixpkgs { inherit system; config.cudaSupport = true; }
                else import nixpkgs { inherit system; };
          in { devShells.default = pkgs.mkShell { packages = [ pkgs.python311 ]; }; })""");
    assertThat(perSet.shellsComplete()).isFalse();
  }

  @Test
  void aPackageSetForOneSystemAnswersItsPlatformTests() {
    // `legacyPackages.x86_64-linux` is built for x86_64-linux: `stdenv.isDarwin` is false there, as in Nix
    DevShell shell = onlyShell(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux.default = pkgs.mkShell {
            packages = nixpkgs.lib.optionals pkgs.stdenv.isLinux [ pkgs.cudatoolkit ]
              ++ nixpkgs.lib.optionals pkgs.stdenv.hostPlatform.isDarwin [ pkgs.darwin.cctools ];
          };
        }"""));
    assertThat(shell.packages().packages()).extracting(PackageRef::name).containsExactly("cudatoolkit");
    assertThat(shell.packages().packages()).extracting(PackageRef::guard).containsExactly(PlatformGuard.ALWAYS);
    // flake-parts evaluates perSystem once per system, each with the package set of that system
    FlakeModel parts = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-parts.url = "github:hercules-ci/flake-parts";
          outputs = inputs@{ flake-parts, ... }: flake-parts.lib.mkFlake { inherit inputs; } {
            systems = [ "x86_64-linux" "aarch64-darwin" ];
            perSystem = { pkgs, ... }: {
              devShells.default = if pkgs.stdenv.isDarwin then pkgs.mkShell { packages = [ pkgs.git ]; }
                else pkgs.mkShell { packages = [ pkgs.poetry ]; };
            };
          };
        }
        """);
    assertThat(parts.shellsComplete()).isTrue();
    assertThat(parts.shells()).extracting(one -> one.systems().orElseThrow().iterator().next() + ":" + names(one))
        .containsExactlyInAnyOrder("x86_64-linux:[poetry]", "aarch64-darwin:[git]");
  }

  @Test
  void aDerivationAsEnvIsAnAttributeNotTheVariables() {
    // nixpkgs exports `env` as variables only when it is a set that is no derivation (envIsExportable)
    DevShell shell = onlyShell(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux.default = pkgs.stdenv.mkDerivation rec {
            name = "ml";
            buildInputs = [ pkgs.python312 ];
            env = pkgs.buildEnv { inherit name; paths = buildInputs; };
          };
        }"""));
    assertThat(shell.attributesComplete()).isTrue();
    assertThat(shell.env()).containsOnlyKeys("env");
    assertThat(names(shell)).containsExactly("python312");
    DevShell variables = onlyShell(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux.default = pkgs.mkShell { env.UV_PYTHON_DOWNLOADS = "never"; };
        }"""));
    assertThat(variables.env()).containsOnlyKeys("UV_PYTHON_DOWNLOADS");
  }

  @Test
  void devshellsMkShellBuildsWithTheNixpkgsItsInputFollows() {
    String body = """
        let system = "x86_64-linux"; in {
          devShells.${system}.default = inputs.devshell.legacyPackages.${system}.mkShell {
            packages = [ nixpkgs.legacyPackages.${system}.uv ];
          };
        }""";
    String flake = "{\n  inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-25.11\";\n"
        + "  inputs.devshell.url = \"github:numtide/devshell\";\n%s"
        + "  outputs = { self, nixpkgs, devshell, ... }@inputs:\n" + body + ";\n}\n";
    DevShell following = onlyShell(FlakeModel.of(flake.formatted(
        "  inputs.devshell.inputs.nixpkgs.follows = \"nixpkgs\";\n")));
    assertThat(following.instance().input()).isEqualTo("nixpkgs");
    assertThat(following.instance().system()).contains("x86_64-linux");
    // without `follows`, devshell's own nixpkgs input: another revision, still the default configuration
    DevShell own = onlyShell(FlakeModel.of(flake.formatted("")));
    assertThat(own.instance().input()).isEqualTo("devshell/nixpkgs");
    assertThat(own.instance().allowUnfree()).isEqualTo(Tristate.FALSE);
  }

  @Test
  void aCudaSetTakenAsAFormalPlacesItsMembersWhereTheyAreNamed() {
    DevShell shell = onlyShell(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux.default = pkgs.callPackage ({ mkShell, cudaPackages, stdenv }:
            mkShell {
              packages = [
                cudaPackages.cudatoolkit
              ];
            }) { };
        }"""));
    assertThat(shell.packages().packages()).singleElement().satisfies(ref -> {
      assertThat(ref.name()).isEqualTo("cudaPackages.cudatoolkit");
      assertThat(ref.location().line()).isEqualTo(9); // the list's line, not the formal's
    });
    // backendStdenv is the toolchain nvcc accepts: no CUDA package
    assertThat(new PackageRef(List.of("cudaPackages", "backendStdenv"), null, PlatformGuard.ALWAYS,
        shell.location()).isCuda()).isFalse();
    assertThat(new PackageRef(List.of("cudaPackages", "backendStdenv", "cc"), null, PlatformGuard.ALWAYS,
        shell.location()).isCuda()).isFalse();
  }

  @Test
  void aNameNotInTheCudaSetComesFromTheOuterWith() {
    // Nix takes the innermost `with` that has the name: the CUDA set has no cmake or python3
    DevShell shell = onlyShell(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux.default = pkgs.mkShell {
            packages = with pkgs; with pkgs.cudaPackages;
              [ python3 cmake cudatoolkit cuda_cudart libcublas nvtopPackages.nvidia libcue ];
          };
        }"""));
    assertThat(shell.packages().complete()).isTrue();
    assertThat(names(shell)).containsExactly("python3", "cmake", "cudaPackages.cudatoolkit",
        "cudaPackages.cuda_cudart", "cudaPackages.libcublas", "nvtopPackages.nvidia", "libcue");
    // with no outer `with`, a name the set lacks is unknown (the set's names are not all listed), not undefined
    DevShell alone = onlyShell(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux.default = pkgs.mkShell { packages = with pkgs.cudaPackages; [ cmake ]; };
        }"""));
    assertThat(alone.packages().complete()).isFalse();
  }

  @Test
  void shellsNestedBelowTheSystemAreFoundByTheirAttributePath() {
    // `nix develop .#cuda.default` looks devShells.<system>.cuda.default up
    FlakeModel model = model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux = rec {
            cuda = { default = pkgs.mkShell { packages = [ pkgs.python312 ]; };
                     lab.full = pkgs.mkShell { packages = [ pkgs.python313 ]; }; };
            default = cuda.default;
          };
        }""");
    assertThat(model.shellsComplete()).isTrue();
    assertThat(model.shells()).extracting(DevShell::name).containsExactlyInAnyOrder("cuda.default",
        "cuda.lab.full", "default");
  }

  @Test
  void anInputsOutputsAreTheInputItself() {
    DevShell shell = onlyShell(model("""
        let lib = inputs.nixpkgs.outputs.lib;
            pkgs = nixpkgs.outputs.legacyPackages.x86_64-linux; in {
          devShells = lib.genAttrs [ "x86_64-linux" ] (system: {
            default = pkgs.mkShell { packages = [ pkgs.uv ]; };
          });
        }"""));
    assertThat(names(shell)).containsExactly("uv");
  }

  @Test
  void aFolderInsideAPackageInALibraryPathIsNoPackageAndNoUnknown() {
    // makeLibraryPath appends /lib to a string as it is: "${cuda_cudart}/lib" gives …-cuda_cudart/lib/lib
    DevShell shell = onlyShell(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux.default = pkgs.mkShell {
            LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath [
              "/usr/lib/wsl/lib"
              "${pkgs.cudaPackages.cuda_cudart}/lib"
              "${pkgs.zlib}"
              pkgs.stdenv.cc.cc.lib
            ];
          };
        }"""));
    assertThat(shell.libraryPaths()).singleElement().satisfies(path -> {
      assertThat(path.entries().complete()).isTrue();
      assertThat(path.entries().packages()).extracting(PackageRef::name).containsExactly("zlib",
          "stdenv.cc.cc.lib");
      assertThat(path.directories()).containsExactly("/usr/lib/wsl/lib/lib");
    });
    // an interpolation the model cannot read still leaves the list unknown
    DevShell unknown = onlyShell(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux.default = pkgs.mkShell {
            LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath [ "${builtins.getEnv "HOME"}/lib" ];
          };
        }"""));
    assertThat(unknown.libraryPaths()).singleElement().satisfies(path ->
        assertThat(path.entries().complete()).isFalse());
  }

  @Test
  void stdenvNoCCTestsThePlatformAsStdenvDoes() {
    DevShell shell = onlyShell(model("""
        let pkgs = import nixpkgs { }; in {
          devShells.x86_64-linux.default = pkgs.mkShell {
            packages = nixpkgs.lib.optionals pkgs.stdenvNoCC.isLinux [ pkgs.cudatoolkit ]
              ++ nixpkgs.lib.optionals pkgs.stdenvNoCC.hostPlatform.isDarwin [ pkgs.darwin.cctools ];
          };
        }"""));
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.packages().packages()).extracting(PackageRef::guard)
        .containsExactly(PlatformGuard.LINUX_ONLY, PlatformGuard.DARWIN_ONLY);
  }

  @Test
  void theManylinuxMembersHaveTheirPnames() {
    // the uv2nix template's library path: every member but glibc
    FlakeModel model = model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux.default = pkgs.mkShell {
            LD_LIBRARY_PATH = nixpkgs.lib.makeLibraryPath
              (builtins.filter (p: p.pname != "glibc") pkgs.pythonManylinuxPackages.manylinux1);
          };
        }""");
    DevShell shell = onlyShell(model);
    assertThat(shell.libraryPaths()).hasSize(1);
    assertThat(shell.libraryPaths().get(0).entries().complete()).isTrue();
    assertThat(shell.libraryPaths().get(0).entries().packages()).extracting(PackageRef::name)
        .contains("libGL", "xorg.libX11", "zlib", "stdenv.cc.cc.lib").doesNotContain("glibc");
  }

  @Test
  void theEvaluatorsBuiltinsBuildShellsToo() {
    FlakeModel model = model("""
        let
          pkgs = nixpkgs.legacyPackages.x86_64-linux;
          pythons = builtins.listToAttrs (map (v: { name = "py${v}"; value = pkgs."python${v}"; }) [ "312" "313" ]);
        in { devShells.x86_64-linux = builtins.mapAttrs (name: python: pkgs.mkShell { packages = [ python ]; })
          pythons; }""");
    assertThat(model.shells()).extracting(DevShell::name).containsExactly("py312", "py313");
    assertThat(model.shells()).extracting(shell -> names(shell).get(0)).containsExactly("python312", "python313");
  }

  @Test
  void forAllSystemsWithGenAttrsBuildsOneShellPerSystem() {
    FlakeModel model = model("""
        let
          systems = [ "x86_64-linux" "aarch64-darwin" ];
          forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
        in {
          devShells = forAllSystems (pkgs: {
            default = pkgs.mkShell { packages = [ pkgs.python312 ]; };
          });
        }""");
    assertThat(model.shells()).extracting(DevShell::systems)
        .containsExactly(java.util.Optional.of(Set.of("x86_64-linux")), java.util.Optional.of(Set.of("aarch64-darwin")));
    assertThat(model.shells().get(0).packages().packages().get(0).source().unfreeAllowed()).isEqualTo(Tristate.FALSE);
  }

  @Test
  void everySystemDoubleOfLibPlatformsAllIsASystemLevel() {
    // `systems = lib.platforms.all` names cygwin, solaris and wasi systems too: each is a system, not a shell name
    FlakeModel model = model("""
        {
          devShells = nixpkgs.lib.genAttrs [ "x86_64-linux" "x86_64-cygwin" "x86_64-solaris" "wasm32-wasi" ]
            (system: { default = nixpkgs.legacyPackages.${system}.mkShell { }; });
        }""");
    assertThat(model.shellsComplete()).isTrue();
    assertThat(model.shells()).extracting(DevShell::systems).containsExactly(
        java.util.Optional.of(Set.of("x86_64-linux")), java.util.Optional.of(Set.of("x86_64-cygwin")),
        java.util.Optional.of(Set.of("x86_64-solaris")), java.util.Optional.of(Set.of("wasm32-wasi")));
  }

  @Test
  void aTextThatDiffersPerPlatformIsDecidedForEachSystem() {
    FlakeModel model = model("""
        flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ] (system:
          let pkgs = nixpkgs.legacyPackages.${system}; lib = pkgs.lib; in {
            devShells.default = pkgs.mkShell {
              packages = [ pkgs.python312 ];
              shellHook = ''
                python -m venv .venv
              '' + lib.optionalString pkgs.stdenv.isLinux ''
                export LD_LIBRARY_PATH=${lib.makeLibraryPath [ pkgs.zlib ]}
              '' + ''
                ${if pkgs.stdenv.isDarwin then "echo mac" else "echo linux"}
              '';
            };
          })""");
    // one shell for the Linux systems, whose texts agree, and one for Darwin
    assertThat(model.shells()).extracting(DevShell::systems).containsExactlyInAnyOrder(
        java.util.Optional.of(Set.of("x86_64-linux", "aarch64-linux")), java.util.Optional.of(Set.of("aarch64-darwin")));
    for (DevShell shell : model.shells()) {
      assertThat(shell.hooksComplete()).isTrue();
      boolean linux = shell.systems().get().contains("x86_64-linux");
      assertThat(shell.hookCommands()).extracting(command -> command.words().get(0).literal())
          .containsExactlyElementsOf(linux ? List.of("python", "export", "echo") : List.of("python", "echo"));
      assertThat(shell.libraryPaths()).hasSize(linux ? 1 : 0);
    }
  }

  @Test
  void aTextThatIsTheSameOnEverySystemKeepsOneShell() {
    FlakeModel model = model("""
        flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-darwin" ] (system:
          let pkgs = nixpkgs.legacyPackages.${system}; in {
            devShells.default = pkgs.mkShell {
              shellHook = "echo ${if pkgs.stdenv.isLinux then "one" else "one"} ${builtins.fetchurl "https://example.org/a"}";
            };
          })""");
    DevShell shell = onlyShell(model);
    assertThat(shell.systems()).contains(Set.of("x86_64-linux", "aarch64-darwin"));
    assertThat(shell.hooksComplete()).isFalse();
  }

  @Test
  void withoutDevShellsNixDevelopEntersTheDefaultPackageWhenItIsAShell() {
    DevShell shell = onlyShell(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          defaultPackage.x86_64-linux = pkgs.mkShell { packages = [ pkgs.python312 ]; };
        }"""));
    assertThat(shell.systems()).contains(Set.of("x86_64-linux"));
    assertThat(names(shell)).containsExactly("python312");
    FlakeModel packages = model("""
        flake-utils.lib.eachSystem [ "x86_64-linux" ] (system: let pkgs = nixpkgs.legacyPackages.${system}; in {
          packages.default = pkgs.mkShell { packages = [ pkgs.uv ]; };
          packages.tool = pkgs.mkShell { packages = [ pkgs.ruff ]; };
          defaultPackage = pkgs.mkShell { packages = [ pkgs.git ]; };
        })""");
    assertThat(packages.shells()).singleElement().satisfies(one -> assertThat(names(one)).containsExactly("uv"));
    // a build is no shell; and devShells, when present, are what nix develop enters
    assertThat(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          packages.x86_64-linux.default = pkgs.python312;
        }""").shells()).isEmpty();
    // a package built with mkDerivation is a build too: its build environment is no shell the project wrote
    assertThat(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          packages.x86_64-linux.default = pkgs.stdenvNoCC.mkDerivation {
            pname = "app"; version = "1"; src = ./.; nativeBuildInputs = [ pkgs.makeWrapper ];
            installPhase = "wrapProgram $out/bin/app --prefix LD_LIBRARY_PATH : ${pkgs.lib.makeLibraryPath [ pkgs.zlib ]}";
          };
          defaultPackage.x86_64-linux = pkgs.stdenv.mkDerivation { name = "app"; };
        }""").shells()).isEmpty();
    // nix develop takes packages.<system>.default before defaultPackage.<system>, a build or not
    assertThat(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          packages.x86_64-linux.default = pkgs.stdenv.mkDerivation { name = "app"; };
          defaultPackage.x86_64-linux = pkgs.mkShell { packages = [ pkgs.python312 ]; };
        }""").shells()).isEmpty();
    assertThat(model("""
        let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux.dev = pkgs.mkShell { packages = [ pkgs.uv ]; };
          packages.x86_64-linux.default = pkgs.mkShell { packages = [ pkgs.ruff ]; };
        }""").shells()).extracting(DevShell::name).containsExactly("dev");
  }

  @Test
  void singularDevShellAndMergedOutputs() {
    DevShell shell = onlyShell(model("""
        flake-utils.lib.eachSystem [ "x86_64-linux" ] (system:
          let pkgs = import nixpkgs { inherit system; }; in {
            devShell = pkgs.mkShellNoCC { buildInputs = [ pkgs.uv ]; };
          }) // { overlays.default = final: prev: { }; }"""));
    assertThat(shell.systems()).contains(Set.of("x86_64-linux"));
    assertThat(names(shell)).containsExactly("uv");
  }

  @Test
  void outputsMergedBeforePerSystemOnesKeepTheirShells() {
    DevShell shell = onlyShell(model("""
        { overlay = final: prev: { }; lib.answer = 42; } // flake-utils.lib.eachSystem [ "x86_64-linux" ] (system:
          let pkgs = import nixpkgs { inherit system; overlays = [ self.overlay ]; }; in rec {
            packages.tool = pkgs.hello;
            devShell = pkgs.mkShell { buildInputs = [ pkgs.uv packages.tool ]; };
          })"""));
    assertThat(shell.systems()).contains(Set.of("x86_64-linux"));
    assertThat(names(shell)).containsExactly("uv", "hello");
    // a per-system output on the left that the right side does not replace would gain a second system level
    FlakeModel kept = model("""
        { devShells.x86_64-linux.old = nixpkgs.legacyPackages.x86_64-linux.mkShell { }; }
          // flake-utils.lib.eachSystem [ "x86_64-linux" ] (system: { packages.default = null; })""");
    assertThat(kept.shells()).isEmpty();
    assertThat(kept.shellsComplete()).isFalse();
  }

  @Test
  void gitHooksRunGivesACheckWhoseShellHookInstallsTheHooks() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.flake-utils.url = "github:numtide/flake-utils";
          inputs.pre-commit-hooks.url = "github:cachix/pre-commit-hooks.nix";
          outputs = { self, nixpkgs, flake-utils, pre-commit-hooks }:
            flake-utils.lib.eachDefaultSystem (system: let pkgs = nixpkgs.legacyPackages.${system}; in {
              checks.pre-commit-check = pre-commit-hooks.lib.${system}.run {
                src = ./.;
                hooks.black.enable = true;
              };
              devShells.default = pkgs.mkShell {
                packages = [ pkgs.uv ];
                shellHook = self.checks.${system}.pre-commit-check.shellHook + "\necho ready";
              };
            });
        }
        """);
    DevShell shell = onlyShell(model);
    assertThat(shell.hooksComplete()).isTrue();
    assertThat(shell.hooks().get(0).pieces().get(0)).isInstanceOf(ShellPiece.BuiltPath.class);
    assertThat(shell.hooks().get(0).text()).contains("echo ready");
  }

  @Test
  void callPackageArgumentsThatDifferPerPlatformMerge() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
          inputs.pyproject-nix.url = "github:pyproject-nix/pyproject.nix";
          outputs = { self, nixpkgs, pyproject-nix }: let
            pkgs = nixpkgs.legacyPackages.x86_64-linux;
            python = pkgs.python312;
            pythonSet = pkgs.callPackage pyproject-nix.build.packages ({ inherit python; }
              // pkgs.lib.optionalAttrs pkgs.stdenv.isDarwin { stdenv = pkgs.stdenv; });
          in {
            devShells.x86_64-linux.default = pkgs.mkShell { packages = [ (pythonSet.mkVirtualEnv "env" { }) ]; };
          };
        }
        """);
    DevShell shell = onlyShell(model);
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.interpreters()).extracting(interpreter -> interpreter.version()).containsExactly("3.12");
  }

  @Test
  void anInstanceKnowsTheSystemItIsMadeFor() {
    DevShell literal = model("""
        flake-utils.lib.eachDefaultSystem (system:
          let pkgs = import nixpkgs { system = "x86_64-linux"; }; in {
            devShells.default = pkgs.mkShell { packages = [ pkgs.uv ]; };
          })""").shells().get(0);
    assertThat(literal.instance().system()).contains("x86_64-linux");
    DevShell own = model("""
        flake-utils.lib.eachDefaultSystem (system:
          let pkgs = nixpkgs.legacyPackages.${system}; in {
            devShells.default = pkgs.mkShell { packages = [ pkgs.uv ]; };
          })""").shells().get(0);
    assertThat(own.instance().system()).isEmpty();
    assertThat(model("""
        { devShells.aarch64-linux.default = let pkgs = nixpkgs.legacyPackages.aarch64-linux; in
            pkgs.mkShell { packages = [ pkgs.uv ]; }; }""").shells().get(0).instance().system())
        .contains("aarch64-linux");
    assertThat(model("""
        { devShells.x86_64-linux.default = let pkgs = import nixpkgs { system = "x86_64-linux";
            crossSystem = "aarch64-linux"; }; in pkgs.mkShell { }; }""").shells().get(0).instance().system())
        .isEmpty();
  }

  @Test
  void platformBranchesGuardTheirItems() {
    DevShell shell = onlyShell(model("""
        flake-utils.lib.eachDefaultSystem (system:
          let
            pkgs = import nixpkgs { inherit system; };
            py = if pkgs.stdenv.isLinux then pkgs.python311 else pkgs.python312;
          in {
            devShells.default = pkgs.mkShell {
              packages = [ py ] ++ pkgs.lib.optional (!pkgs.stdenv.isDarwin) pkgs.zlib
                ++ pkgs.lib.optionals (pkgs.stdenv.isLinux && pkgs.stdenv.isDarwin) [ pkgs.hello ];
            };
          })"""));
    assertThat(shell.packages().packages()).extracting(PackageRef::name, PackageRef::guard).containsExactly(
        org.assertj.core.groups.Tuple.tuple("python311", PlatformGuard.LINUX_ONLY),
        org.assertj.core.groups.Tuple.tuple("python312", PlatformGuard.LINUX_ONLY.not()),
        org.assertj.core.groups.Tuple.tuple("zlib", PlatformGuard.DARWIN_ONLY.not()));
  }

  @Test
  void inheritedAndRecursiveBindingsResolve() {
    DevShell shell = onlyShell(model("""
        let
          pkgs = nixpkgs.legacyPackages.x86_64-linux;
          deps = rec { base = [ pkgs.zlib ]; all = base ++ [ pkgs.glib ]; };
          inherit (deps) all;
          inherit (pkgs) uv;
        in {
          devShells.x86_64-linux.default = pkgs.mkShell { packages = all ++ [ uv ]; };
        }"""));
    assertThat(names(shell)).containsExactly("zlib", "glib", "uv");
    assertThat(shell.packages().complete()).isTrue();
  }

  @Test
  void lexicalBindingsWinOverWithAndInnerWithWinsOverOuter() {
    DevShell shell = onlyShell(model("""
        let
          pkgs = nixpkgs.legacyPackages.x86_64-linux;
          uv = pkgs.hello;
        in {
          devShells.x86_64-linux.default = pkgs.mkShell {
            packages = with pkgs; with python311Packages; [ uv venvShellHook ];
          };
        }"""));
    assertThat(names(shell)).containsExactly("hello", "python311Packages.venvShellHook");
  }

  @Test
  void unknownPartsMakeTheListIncompleteNotWrong() {
    DevShell shell = onlyShell(model("""
        let
          pkgs = nixpkgs.legacyPackages.x86_64-linux;
          extra = import ./extra.nix { inherit pkgs; };
        in {
          devShells.x86_64-linux.default = pkgs.mkShell {
            packages = [ pkgs.uv ] ++ extra;
            shellHook = "source ${extra.hook}";
          };
        }"""));
    assertThat(shell.packages().complete()).isFalse();
    assertThat(shell.hook("shellHook")).hasValueSatisfying(h -> assertThat(h.complete()).isFalse());
  }

  @Test
  void hooksAreCookedWithKnownInterpolationsInlinedAndCommentsRemoved() {
    DevShell shell = onlyShell(model("""
        let
          pkgs = nixpkgs.legacyPackages.x86_64-linux;
          activate = "source .venv/bin/activate # not a comment inside quotes? it is, for the shell";
          libs = pkgs.lib.makeLibraryPath [ pkgs.stdenv.cc.cc ];
        in {
          devShells.x86_64-linux.default = pkgs.mkShell {
            packages = [ pkgs.python311 ];
            shellHook = ''
              # export NOTHING=1
              export LD_LIBRARY_PATH=${libs}:''${LD_LIBRARY_PATH:-}
              ${activate}
              echo ${pkgs.lib.optionalString true "yes"}
            '';
          };
        }"""));
    ShellText hook = shell.hook("shellHook").orElseThrow();
    assertThat(hook.complete()).isTrue();
    assertThat(hook.text()).doesNotContain("NOTHING").doesNotContain("not a comment")
        .contains("source .venv/bin/activate").contains("${LD_LIBRARY_PATH:-}").contains("echo yes")
        .contains("makeLibraryPath");
    assertThat(shell.libraryPaths()).hasSize(1);
    assertThat(shell.libraryPaths().get(0).entries().packages()).extracting(PackageRef::name)
        .containsExactly("stdenv.cc.cc");
  }

  @Test
  void fhsEnvWithoutDotEnvIsStillAnFhsShell() {
    DevShell shell = onlyShell(model("""
        let pkgs = import nixpkgs { system = "x86_64-linux"; config.allowUnfree = true; }; in {
          devShells.x86_64-linux.default = pkgs.buildFHSUserEnv {
            name = "fhs";
            targetPkgs = p: [ p.python311 p.cudatoolkit ];
            runScript = "bash";
          };
        }"""));
    assertThat(shell.layout()).isEqualTo(Layout.FHS);
    assertThat(names(shell)).containsExactly("python311", "cudatoolkit");
    assertThat(shell.packages().packages().get(1).source().unfreeAllowed()).isEqualTo(Tristate.TRUE);
    assertThat(shell.runScript()).hasValueSatisfying(s -> assertThat(s.text()).isEqualTo("bash"));
  }

  @Test
  void cyclesAndRunawayRecursionEndAsUnknown() {
    FlakeModel cycle = model("""
        let a = a; pkgs = nixpkgs.legacyPackages.x86_64-linux; in {
          devShells.x86_64-linux.default = pkgs.mkShell { packages = a; };
        }""");
    assertThat(onlyShell(cycle).packages().complete()).isFalse();
    FlakeModel runaway = model("""
        let f = x: f (x + 1); in { devShells.x86_64-linux.default = f 0; }""");
    assertThat(runaway.shells()).isEmpty();
    assertThat(runaway.shellsComplete()).isFalse();
  }

  @Test
  void nonFlakeAndBrokenFilesAreUnknown() {
    assertThat(FlakeModel.of("{ outputs = { self }: { ").readable()).isFalse();
    assertThat(FlakeModel.of("").readable()).isFalse();
    assertThat(FlakeModel.of("42").shells()).isEmpty();
    // a name that throws on purpose (`default = throw "pick cpu or cuda"`) holds no shell, and hides none
    FlakeModel thrown = FlakeModel.of(
        "{ outputs = _: { devShells.x86_64-linux.default = builtins.throw \"pick cpu or cuda\"; }; }");
    assertThat(thrown.shells()).isEmpty();
    assertThat(thrown.shellsComplete()).isTrue();
    assertThat(FlakeModel.of("{ outputs = _: { devShells.x86_64-linux.default = assert false; 1; }; }")
        .shellsComplete()).isFalse();
  }

  @Test
  void hostileNestingNeverThrows() {
    for (int depth : new int[] {100, 2_000, 20_000}) {
      String lists = "{ outputs = _: { devShells.x86_64-linux.default = " + "[ ".repeat(depth) + "]".repeat(depth)
          + "; }; }";
      String lets = "{ outputs = _: " + "let a = 1; in ".repeat(depth) + "{ }; }";
      String selects = "{ outputs = _: { x = a" + ".b".repeat(depth) + "; }; }";
      for (String text : List.of(lists, lets, selects)) {
        FlakeModel model = FlakeModel.of(text);
        assertThat(model.shells()).isEmpty();
      }
    }
  }
}
