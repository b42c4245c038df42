package io.github.nixml.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The archetypes agree with the CUDA rules: the generated CUDA project ({@code archetype-nixos-pythonml}'s
 * {@code ld-default} reference, {@code cuda=true}) with a uv.lock that locks {@code torch 2.7.1+cu128} and its
 * {@code nvidia-*-cu12} wheels validates clean, as its pom configures it ({@code layout=ld-path},
 * {@code cuda=required}) and with the layout left at auto; both with the template's {@code cudatoolkit} and with the
 * split CUDA packages in its place (docs/cuda.md: the validator accepts both forms). The locks are written in uv's
 * format: {@code torch-cu128} with the template's conflicting {@code cpu} and {@code cu128} extras,
 * {@code torch-cu128-only} with the {@code cu128} extra alone (no alternatives, so the lock is evidence by itself).
 */
class ArchetypeCudaLockTest {
  private static final Path REFERENCE =
      Path.of("..", "archetype-nixos-pythonml", "src", "test", "resources", "projects", "ld-default", "reference");
  private static final Path LOCKS = Path.of("src", "test", "resources", "archetype-locks");
  private static final String TOOLKIT_LINE = "cudatoolkit # CUDA runtime for GPU libraries";
  private static final String SPLIT = "cudaPackages.cuda_cudart cudaPackages.libcublas cudaPackages.libcufft"
      + " cudaPackages.libcurand cudaPackages.libcusolver cudaPackages.libcusparse cudaPackages.cuda_nvrtc";

  @ParameterizedTest(name = "{0}, layout={1}, split={2}")
  @CsvSource({
      "torch-cu128, auto, false", "torch-cu128, ld-path, false", "torch-cu128, auto, true",
      "torch-cu128, ld-path, true", "torch-cu128-only, auto, false", "torch-cu128-only, ld-path, false",
      "torch-cu128-only, auto, true", "torch-cu128-only, ld-path, true"})
  void generatedCudaProjectWithLockedCu128WheelsIsClean(String lock, String layout, boolean split,
      @TempDir Path project) throws Exception {
    copy(REFERENCE, project);
    Files.copy(LOCKS.resolve(lock).resolve("uv.lock"), project.resolve("uv.lock"));
    Path flake = project.resolve("flake.nix");
    String text = Files.readString(flake);
    assertThat(text).as("the generated flake holds the template's toolkit line").contains(TOOLKIT_LINE);
    if (split) {
      text = text.replace(TOOLKIT_LINE, SPLIT + " # the split CUDA packages");
      Files.writeString(flake, text);
    }

    ValidationConfig config = ValidationConfig.builder().set("cuda", "required").set("layout", layout)
        .set("today", "2026-11-25").build();
    ValidationResult result = new Validator(BuiltInRules.registry()).validate(new ValidationRequest(project, config));

    assertThat(result.findings()).as("findings of the generated CUDA project with " + lock)
        .extracting(finding -> finding.ruleId() + " " + finding.severity())
        .containsExactly("flake-lock-missing note");
  }

  /** Without the toolkit and without nvidia-* wheels the same project is not clean: the test can fail. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"auto", "ld-path"})
  void theSameProjectWithoutToolkitOrWheelsIsNot(String layout, @TempDir Path project) throws Exception {
    copy(REFERENCE, project);
    Path flake = project.resolve("flake.nix");
    Files.writeString(flake, Files.readString(flake).replace(TOOLKIT_LINE, ""));
    String cupy = String.join("\n", List.of("version = 1", "revision = 3", "requires-python = \">=3.11\"", "",
        "[[package]]", "name = \"cupy-cuda12x\"", "version = \"13.4.1\"",
        "source = { registry = \"https://pypi.org/simple\" }", "wheels = [",
        "    { url = \"https://files.pythonhosted.org/packages/60/f8/9519f7f7/cupy_cuda12x-13.4.1-cp311-cp311-"
            + "manylinux2014_x86_64.whl\", hash = \"sha256:09244e44fe6001f54ff0926827018f8d8a7703fd94b3ece0262237121267df3a\" },",
        "]", ""));
    Files.writeString(project.resolve("uv.lock"), cupy);
    ValidationConfig config = ValidationConfig.builder().set("cuda", "required").set("layout", layout)
        .set("today", "2026-11-25").build();
    ValidationResult result = new Validator(BuiltInRules.registry()).validate(new ValidationRequest(project, config));
    assertThat(result.findings()).extracting(finding -> finding.ruleId()).contains("cuda-toolkit-missing");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
