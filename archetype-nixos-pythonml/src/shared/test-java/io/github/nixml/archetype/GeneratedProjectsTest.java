package io.github.nixml.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Every project archetype:integration-test generated (the matrix, the reference cases, the hostile case) is accepted by
 * the reference tools and says the same thing everywhere: one Python version, the chosen branch, CUDA or not.
 */
class GeneratedProjectsTest {

  private static final Pattern PYTHON_ATTRIBUTE = Pattern.compile("\\bpython3\\d+");

  static List<GeneratedCase> cases() {
    return GeneratedCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flakeParsesWithNix(GeneratedCase generated) {
    Oracle.Verdict verdict = Oracle.NIX_PARSE.check(generated.file("flake.nix"));
    assertThat(verdict.accepted()).as("nix-instantiate --parse flake.nix:%n%s", verdict.output()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pyprojectIsTomlForPython(GeneratedCase generated) {
    Oracle.Verdict verdict = Oracle.TOMLLIB.check(generated.file("pyproject.toml"));
    assertThat(verdict.accepted()).as("tomllib on pyproject.toml:%n%s", verdict.output()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void packageCompiles(GeneratedCase generated, @TempDir Path scratch) throws IOException {
    Path init = generated.file("src/" + generated.packageName() + "/__init__.py");
    assertThat(init).isRegularFile();
    // py_compile writes __pycache__ next to its input: compile a copy, keep the generated tree as generated.
    Path copy = Files.copy(init, scratch.resolve("__init__.py"));
    Oracle.Verdict verdict = Oracle.PY_COMPILE.check(copy);
    assertThat(verdict.accepted()).as("py_compile __init__.py:%n%s", verdict.output()).isTrue();
    assertThat(generated.read("src/" + generated.packageName() + "/__init__.py")).contains("def main() -> None:");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyFileNamesTheSamePythonVersion(GeneratedCase generated) {
    String flake = generated.read("flake.nix");
    String attribute = generated.pythonAttribute();

    Set<String> interpreters = new TreeSet<>();
    Matcher matcher = PYTHON_ATTRIBUTE.matcher(flake);
    while (matcher.find()) {
      interpreters.add(matcher.group());
    }
    assertThat(interpreters).as("python3XY names in flake.nix").containsExactly(attribute);
    if (Layout.current() == Layout.LD_PATH) {
      assertThat(flake).contains("pkgs." + attribute + ".withPackages")
          .contains(attribute + "Packages.venvShellHook");
    } else {
      assertThat(targetPkgs(flake)).containsPattern("(?m)^\\s*" + attribute + "$");
    }
    assertThat(generated.read(".python-version")).isEqualTo(generated.pythonVersion() + "\n");
    TomlParseResult pyproject = Toml.parse(generated.read("pyproject.toml"));
    assertThat(pyproject.errors()).isEmpty();
    assertThat(pyproject.getString("project.requires-python")).isEqualTo(">=" + generated.pythonVersion());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void layoutBranchAndCudaFollowTheProperties(GeneratedCase generated) {
    String flake = generated.read("flake.nix");
    String pom = generated.read("pom.xml");
    TomlParseResult pyproject = Toml.parse(generated.read("pyproject.toml"));

    assertThat(flake).contains("nixpkgs.url = \"github:NixOS/nixpkgs/" + generated.nixpkgsBranch() + "\";")
        .contains("export UV_PYTHON_DOWNLOADS=never");
    assertThat(pom).contains("<layout>" + Layout.current().id + "</layout>")
        .contains("<cuda>" + (generated.cuda() ? "required" : "off") + "</cuda>")
        .contains("<version>" + System.getProperty("nixml.archetype.version") + "</version>");
    if (Layout.current() == Layout.LD_PATH) {
      assertThat(flake).contains("pkgs.mkShell {", "venvDir = \".venv\";", "runHook venvShellHook",
          "NIX_LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath LD_pkgs;");
    } else {
      assertThat(flake).contains("pkgs.buildFHSEnv {", "runScript = \"" + generated.shell() + "\";",
          "default = fhsenv.env;");
      assertThat(targetPkgs(flake)).containsPattern("(?m)^\\s*" + generated.shell() + " #");
    }

    // Shell hygiene: no empty LD_LIBRARY_PATH element, SOURCE_DATE_EPOCH unset once, uv kept to the shell's Python.
    assertThat(flake.replace("''${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}", "")).as("LD_LIBRARY_PATH kept only if set")
        .doesNotContain("$LD_LIBRARY_PATH");
    assertThat(flake).contains("export UV_PYTHON_DOWNLOADS=never\n",
        "export UV_PYTHON_PREFERENCE=only-system\n");
    assertThat(count(flake, "unset SOURCE_DATE_EPOCH")).isEqualTo(1);

    int cudaSupportLines = count(flake, "config.cudaSupport = true;");
    if (generated.cuda()) {
      assertThat(cudaSupportLines).as("config.cudaSupport in pkgs and mpkgs").isEqualTo(2);
      assertThat(flake).contains("cudatoolkit", "/run/opengl-driver/lib");
      assertThat(pyproject.getTable("project.optional-dependencies").keySet()).containsExactlyInAnyOrder("cpu", "cu128");
      assertThat(pyproject.getArray("tool.uv.index").size()).isEqualTo(2);
    } else {
      assertThat(cudaSupportLines).isZero();
      assertThat(flake).doesNotContain("cudatoolkit").doesNotContain("/run/opengl-driver/lib");
      assertThat(pyproject.contains("project.optional-dependencies")).isFalse();
      assertThat(pyproject.contains("tool.uv")).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dotfilesAreGenerated(GeneratedCase generated) {
    if (Layout.current() == Layout.LD_PATH) {
      assertThat(generated.read(".envrc")).isEqualTo("use flake .\n");
    } else {
      assertThat(generated.file(".envrc")).as("direnv cannot enter buildFHSEnv").doesNotExist();
    }
    Set<String> ignored = generated.read(".gitignore").lines().collect(Collectors.toSet());
    assertThat(ignored).contains(".venv/", ".direnv/", "result", "target/", "__pycache__/");
  }

  /** The FHS package list: from {@code targetPkgs =} to the {@code profile} that follows it. */
  private static String targetPkgs(String flake) {
    int start = flake.indexOf("targetPkgs =");
    assertThat(start).as("targetPkgs in flake.nix").isNotNegative();
    return flake.substring(start, flake.indexOf("profile =", start));
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }
}
