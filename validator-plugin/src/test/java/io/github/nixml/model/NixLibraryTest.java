package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.Host;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.eval.Value;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * nixpkgs' {@code lib}, flake-utils and nix-systems as nixml's own Nix sources, on small inline flakes: what the
 * Java table gave before (guarded items, platform tests on the system, library paths, per-system outputs) now
 * comes through the language, and so does a user's own helper.
 */
class NixLibraryTest {
  private static final Set<String> DEFAULT_SYSTEMS =
      Set.of("x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin");
  private static final PlatformGuard LINUX_SYSTEMS =
      PlatformGuard.ofSystem("x86_64-linux").or(PlatformGuard.ofSystem("aarch64-linux"));

  private static FlakeModel model(String outputs) {
    return FlakeModel.of("{\n  inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-25.05\";\n"
        + "  inputs.flake-utils.url = \"github:numtide/flake-utils\";\n"
        + "  outputs = { self, nixpkgs, flake-utils }:\n"
        // a package set for no one system (`legacyPackages.x86_64-linux` would decide its platform tests)
        + "    let\n      pkgs = import nixpkgs { };\n      lib = nixpkgs.lib;\n"
        + "    in " + outputs + ";\n}\n");
  }

  private static DevShell shell(String shell) {
    return onlyShell(model("{ devShells.x86_64-linux.default = " + shell + "; }"));
  }

  private static DevShell onlyShell(FlakeModel model) {
    assertThat(model.shells()).hasSize(1);
    return model.shells().get(0);
  }

  private static List<String> names(DevShell shell) {
    return shell.packages().packages().stream().map(PackageRef::name).toList();
  }

  private static PlatformGuard guardOf(DevShell shell, String name) {
    return shell.packages().packages().stream().filter(ref -> ref.name().equals(name)).findFirst().orElseThrow()
        .guard();
  }

  @Test
  void libIsEvaluatedOncePerThreadAndSharedByTheProjectsThatThreadChecks() throws Exception {
    Value here = new NixLibrary(new Evaluator(Host.NONE, Evaluator.Mode.SYMBOLIC, "")).lib();
    Value again = new NixLibrary(new Evaluator(Host.NONE, Evaluator.Mode.SYMBOLIC, "")).lib();
    Value[] elsewhere = new Value[1];
    Thread other = new Thread(() -> elsewhere[0] =
        new NixLibrary(new Evaluator(Host.NONE, Evaluator.Mode.SYMBOLIC, "")).lib());
    other.start();
    other.join();
    assertThat(again).isSameAs(here);
    assertThat(elsewhere[0]).isNotSameAs(here).isInstanceOf(Value.Attrs.class);
    // each project still applies lib's functions in its own evaluator, to its own values
    assertThat(guardOf(shell("pkgs.mkShell { packages = lib.optionals pkgs.stdenv.isLinux [ pkgs.uv ]; }"), "uv"))
        .isEqualTo(PlatformGuard.LINUX_ONLY);
  }

  @Test
  void optionalsUnderAPlatformTestGuardsItsItems() {
    DevShell shell = shell("pkgs.mkShell { packages = [ pkgs.uv ] ++ lib.optionals pkgs.stdenv.isLinux "
        + "[ pkgs.cudatoolkit ]; }");
    assertThat(guardOf(shell, "cudatoolkit")).isEqualTo(PlatformGuard.LINUX_ONLY);
    assertThat(guardOf(shell, "uv")).isEqualTo(PlatformGuard.ALWAYS);
    assertThat(shell.packages().complete()).isTrue();
  }

  @Test
  void callPackageWithFillsTheFormalsFromTheSymbolicPackageSet() {
    assertThat(names(shell(
        "lib.callPackageWith pkgs ({ pkgs, uv }: pkgs.mkShell { packages = [ uv ]; }) { }"))).containsExactly("uv");
  }

  @Test
  void optionalWithAFalseConditionAddsNothing() {
    assertThat(names(shell("pkgs.mkShell { packages = [ pkgs.uv ] ++ lib.optional false pkgs.hello; }")))
        .containsExactly("uv");
  }

  @Test
  void optionalStringAndOptionalAttrs() {
    assertThat(shell("pkgs.mkShell { shellHook = lib.optionalString true \"echo hi\"; }").hook("shellHook")
        .orElseThrow().text()).isEqualTo("echo hi");
    assertThat(shell("pkgs.mkShell ({ packages = [ ]; } // lib.optionalAttrs true { FOO = \"bar\"; })").env())
        .containsKey("FOO");
  }

  @Test
  void makeLibraryPathKeepsItsPackages() {
    assertThat(shell("pkgs.mkShell { LD_LIBRARY_PATH = lib.makeLibraryPath [ pkgs.zlib ]; }").libraryPaths()
        .get(0).entries().packages().get(0).name()).isEqualTo("zlib");
    assertThat(shell("pkgs.mkShell { LD_LIBRARY_PATH = pkgs.lib.strings.makeLibraryPath [ pkgs.zlib ]; }")
        .libraryPaths()).hasSize(1);
  }

  @Test
  void makeLibraryPathInsideOptionalStringInAHook() {
    DevShell shell = shell("""
        pkgs.mkShell {
          shellHook = lib.optionalString true ''
            export LD_LIBRARY_PATH=${lib.makeLibraryPath [ pkgs.stdenv.cc.cc pkgs.zlib ]}:$LD_LIBRARY_PATH
          '';
        }""");
    assertThat(shell.libraryPaths()).singleElement().satisfies(path ->
        assertThat(path.entries().packages()).extracting(PackageRef::name).contains("zlib"));
  }

  @Test
  void genAttrsAndSystemsLists() {
    assertThat(onlyShell(model("""
        { devShells = lib.genAttrs [ "aarch64-linux" ] (system: { default = pkgs.mkShell { }; }); }"""))
        .systems()).contains(Set.of("aarch64-linux"));
    assertThat(model("""
        { devShells = lib.genAttrs lib.systems.flakeExposed (system: { default = pkgs.mkShell { }; }); }""")
        .shells()).hasSize(10).anySatisfy(shell -> assertThat(shell.systems()).contains(Set.of("x86_64-freebsd")));
  }

  @Test
  void mapAttrsNamesEachShell() {
    assertThat(model("""
        let pythons = { py312 = pkgs.python312; py313 = pkgs.python313; };
        in { devShells.x86_64-linux = lib.mapAttrs (name: python: pkgs.mkShell { packages = [ python ]; }) pythons; }"""
        ).shells()).extracting(DevShell::name).containsExactly("py312", "py313");
  }

  @Test
  void testsOnTheSystemNameArePlatformTests() {
    for (String test : List.of("lib.hasSuffix \"-linux\" system",
        "builtins.elem system [ \"x86_64-linux\" \"aarch64-linux\" ]")) {
      DevShell shell = onlyShell(model("""
          flake-utils.lib.eachDefaultSystem (system: {
            devShells.default = pkgs.mkShell {
              packages = [ pkgs.uv ] ++ lib.optionals (%s) [ pkgs.cudatoolkit ];
            };
          })""".formatted(test)));
      assertThat(guardOf(shell, "cudatoolkit")).as(test).satisfies(guard -> {
        assertThat(guard.covers(LINUX_SYSTEMS)).isTrue();
        assertThat(guard.and(PlatformGuard.DARWIN_ONLY).isNever()).isTrue();
      });
    }
    DevShell exact = onlyShell(model("""
        flake-utils.lib.eachDefaultSystem (system: {
          devShells.default = pkgs.mkShell {
            packages = lib.optional (system == "x86_64-linux") pkgs.cudatoolkit;
          };
        })"""));
    assertThat(guardOf(exact, "cudatoolkit")).isEqualTo(PlatformGuard.ofSystem("x86_64-linux"));
  }

  @Test
  void flakeUtilsGivesPerSystemOutputs() {
    assertThat(onlyShell(model("""
        flake-utils.lib.eachDefaultSystem (system: { devShells.default = pkgs.mkShell { }; })""")).systems())
        .contains(DEFAULT_SYSTEMS);
    assertThat(onlyShell(model("""
        flake-utils.lib.eachSystem [ "x86_64-linux" ] (system: { devShells.default = pkgs.mkShell { }; })"""))
        .systems()).contains(Set.of("x86_64-linux"));
    assertThat(onlyShell(model("""
        flake-utils.lib.eachSystem flake-utils.lib.defaultSystems (system: {
          devShells.default = pkgs.mkShell { };
        })""")).systems()).contains(DEFAULT_SYSTEMS);
    assertThat(onlyShell(model("""
        flake-utils.lib.eachSystem (with flake-utils.lib.system; [ x86_64-linux aarch64-darwin ]) (system: {
          devShells.default = pkgs.mkShell { };
        })""")).systems()).contains(Set.of("x86_64-linux", "aarch64-darwin"));
  }

  @Test
  void aFunctionOurLibLacksIsUnknownNotMissing() {
    DevShell shell = shell("pkgs.mkShell { packages = [ pkgs.uv ] ++ lib.someFunctionNixmlLacks [ pkgs.zlib ]; }");
    assertThat(shell.packages().complete()).isFalse();
  }

  @Test
  void usersOwnForAllSystemsHelper() {
    FlakeModel model = FlakeModel.of("""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
          outputs = { self, nixpkgs }:
            let
              systems = [ "x86_64-linux" "aarch64-darwin" ];
              forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
            in {
              devShells = forAllSystems (pkgs: {
                default = pkgs.mkShell { packages = [ pkgs.python312 pkgs.uv ]; };
              });
            };
        }
        """);
    assertThat(model.shells()).hasSize(2).allSatisfy(shell ->
        assertThat(names(shell)).containsExactly("python312", "uv"));
  }

  @Test
  void pipeAndMapAttrsPrimeWithNameValuePair() {
    FlakeModel model = model("""
        let
          pythons = { "312" = pkgs.python312; "313" = pkgs.python313; };
          shells = lib.pipe pythons [
            (lib.mapAttrs' (version: python: lib.nameValuePair "py${version}" (pkgs.mkShell {
              packages = [ python ];
            })))
            (lib.filterAttrs (name: _: name != "py313"))
          ];
        in { devShells.x86_64-linux = shells // { default = shells.py312; }; }""");
    assertThat(model.shells()).extracting(DevShell::name).containsExactlyInAnyOrder("py312", "default");
  }

  @Test
  void optionalStringOnAPlatformTestInAShellHook() {
    DevShell shell = shell("""
        pkgs.mkShell {
          packages = [ pkgs.uv ];
          shellHook = ''
            echo ready
          '' + lib.optionalString pkgs.stdenv.isLinux ''
            export LD_LIBRARY_PATH=${lib.makeLibraryPath [ pkgs.zlib ]}
          '';
        }""");
    assertThat(shell.hook("shellHook")).isPresent();
    assertThat(names(shell)).containsExactly("uv");
  }

  @Test
  void eachInputHasItsOwnLib() {
    // flake-utils' lib has no optionals, nixpkgs' lib has no eachDefaultSystem
    assertThat(shell("pkgs.mkShell { packages = flake-utils.lib.optionals true [ pkgs.uv ]; }").packages()
        .complete()).isFalse();
    assertThat(model("nixpkgs.lib.eachDefaultSystem (system: { devShells.default = pkgs.mkShell { }; })")
        .shells()).isEmpty();
  }
}
