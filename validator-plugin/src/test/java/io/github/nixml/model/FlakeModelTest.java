package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.nix.eval.PlatformGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlakeModelTest {
  private static final Path RULES = Path.of("src/test/resources/rules");

  private static FlakeModel model(String ruleCase) throws IOException {
    return FlakeModel.of(Files.readString(RULES.resolve(ruleCase).resolve("flake.nix")));
  }

  @Test
  void ldPathTemplateShell() throws IOException {
    FlakeModel model = model("python-version-mismatch/good-ld-path");
    assertThat(model.readable()).isTrue();
    assertThat(model.shellsComplete()).isTrue();
    assertThat(model.shells()).hasSize(1);
    DevShell shell = model.shells().get(0);
    assertThat(shell.name()).isEqualTo("default");
    assertThat(shell.layout()).isEqualTo(Layout.LD_PATH);
    assertThat(shell.systems()).contains(Set.of("x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin"));
    assertThat(shell.packages().complete()).isTrue();
    assertThat(shell.packages().packages()).extracting(PackageRef::name).containsExactly(
        "python311", "python311Packages.venvShellHook", "uv", "stdenv.cc.cc", "glib", "libGL", "zlib",
        "cudatoolkit");
    PackageRef cuda = shell.packages().packages().get(7);
    assertThat(cuda.guard()).isEqualTo(PlatformGuard.LINUX_ONLY);
    assertThat(cuda.source().input()).isEqualTo("nixpkgs");
    assertThat(cuda.source().unfreeAllowed()).isEqualTo(Tristate.TRUE);
    assertThat(cuda.source().cudaSupport()).isEqualTo(Tristate.TRUE);
    PackageRef uv = shell.packages().packages().get(2);
    assertThat(uv.source().input()).isEqualTo("nixpkgs_master");
    assertThat(uv.location().line()).isEqualTo(51);
    assertThat(uv.location().column()).isEqualTo(11);
    assertThat(shell.env()).containsKeys("venvDir", "UV_PYTHON_DOWNLOADS", "NIX_LD_LIBRARY_PATH");
    assertThat(shell.env().get("venvDir").text()).isEqualTo(".venv");
    assertThat(shell.libraryPaths()).hasSize(1);
    assertThat(shell.libraryPaths().get(0).entries().packages()).extracting(PackageRef::name)
        .containsExactly("stdenv.cc.cc", "glib", "libGL", "zlib", "cudatoolkit");
    assertThat(shell.hook("shellHook")).hasValueSatisfying(h -> {
      assertThat(h.complete()).isTrue();
      assertThat(h.text()).contains("runHook venvShellHook").contains("$NIX_LD_LIBRARY_PATH");
    });
    assertThat(shell.interpreters()).extracting(PythonInterpreter::version).containsExactly("3.11", "3.11");
  }

  @Test
  void fhsTemplateShell() throws IOException {
    FlakeModel model = model("python-version-mismatch/good-fhs");
    assertThat(model.shells()).hasSize(1);
    DevShell shell = model.shells().get(0);
    assertThat(shell.layout()).isEqualTo(Layout.FHS);
    assertThat(shell.systems()).contains(Set.of("x86_64-linux"));
    assertThat(shell.packages().packages()).extracting(PackageRef::name)
        .containsExactly("gcc", "cudatoolkit", "libGL", "libz", "uv", "python311", "zsh");
    assertThat(shell.runScript()).hasValueSatisfying(s -> assertThat(s.text()).isEqualTo("zsh"));
    assertThat(shell.hook("profile")).hasValueSatisfying(h -> assertThat(h.text()).contains("source \"$VENVDIR/bin/activate\""));
  }

  @Test
  void commentsAreRemovedFromHooks() {
    assertThat(new ShellText("shellHook", List.of(new ShellPiece.Literal(
        "echo a # runHook x\n# runHook y\necho '#x' \"#y\" $#\n")), true, null).text())
        .isEqualTo("echo a \n\necho '#x' \"#y\" $#\n");
  }

  @Test
  void unreadableFlakeIsUnknown() {
    assertThat(FlakeModel.of("{ outputs = { self }: { ").readable()).isFalse();
    assertThat(FlakeModel.of("").readable()).isFalse();
  }

  @Test
  void exactlyTheFixtureFlakesThatNixAcceptsAreReadable() throws IOException {
    try (var files = Files.walk(RULES)) {
      List<Path> flakes = files.filter(p -> p.getFileName().toString().equals("flake.nix")).sorted().toList();
      assertThat(flakes).isNotEmpty();
      for (Path flake : flakes) {
        String text = new String(Files.readAllBytes(flake), java.nio.charset.StandardCharsets.UTF_8);
        boolean nixAccepts = !io.github.nixml.nix.NixFrontEnd.analyze(text).hasErrors();
        assertThat(FlakeModel.of(text).readable()).as(flake.toString()).isEqualTo(nixAccepts);
      }
    }
  }
}
