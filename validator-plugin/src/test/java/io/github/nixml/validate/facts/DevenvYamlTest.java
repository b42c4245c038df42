package io.github.nixml.validate.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.model.DevenvSettings;
import io.github.nixml.model.Tristate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** devenv.yaml as devenv reads it: inputs, local imports, nixpkgs' configuration under both spellings. */
class DevenvYamlTest {

  private static DevenvSettings read(String text) {
    return DevenvYaml.read(Optional.of(text));
  }

  @Test
  void noFileIsDevenvsDefaults() {
    DevenvSettings settings = DevenvYaml.read(Optional.empty());
    assertThat(settings.inputs()).containsEntry("nixpkgs", Optional.of("github:cachix/devenv-nixpkgs/rolling"));
    assertThat(settings.allowUnfree()).isEqualTo(Tristate.FALSE);
  }

  @Test
  void inputsWithTheirUrlsAndTheDefaultNixpkgsWhenNoneIsNamed() {
    DevenvSettings settings = read("""
        inputs:
          nixpkgs-python:
            url: github:cachix/nixpkgs-python
            inputs:
              nixpkgs:
                follows: nixpkgs
          other:
            follows: nixpkgs-python
        """);
    assertThat(settings.inputs()).containsEntry("nixpkgs-python", Optional.of("github:cachix/nixpkgs-python"))
        .containsEntry("other", Optional.empty())
        .containsEntry("nixpkgs", Optional.of(DevenvSettings.DEFAULT_NIXPKGS));
  }

  @Test
  void allowUnfreeAndCudaSupportUnderEitherSpellingAndTheOlderTopLevelFlag() {
    assertThat(read("nixpkgs:\n  allow_unfree: true\n  cuda_support: true\n").cudaSupport())
        .isEqualTo(Tristate.TRUE);
    assertThat(read("nixpkgs:\n  allowUnfree: true\n").allowUnfree()).isEqualTo(Tristate.TRUE);
    assertThat(read("allowUnfree: true\n").allowUnfree()).isEqualTo(Tristate.TRUE);
    assertThat(read("nixpkgs:\n  allowUnfree: maybe\n").allowUnfree()).isEqualTo(Tristate.UNKNOWN);
    // a setting per platform may turn it on for some systems only
    assertThat(read("nixpkgs:\n  per_platform:\n    x86_64-linux:\n      cuda_support: true\n").cudaSupport())
        .isEqualTo(Tristate.UNKNOWN);
  }

  @Test
  void localImportsAreKeptAndAnInputsModuleMakesThemIncomplete() {
    DevenvSettings settings = read("imports:\n  - ./backend\n  - ../shared/python.nix\n  - devenv-modules/python\n");
    assertThat(settings.imports()).containsExactly("./backend", "../shared/python.nix");
    assertThat(settings.importsComplete()).isFalse();
    // an imported devenv.yaml may set nixpkgs' configuration too
    assertThat(settings.allowUnfree()).isEqualTo(Tristate.UNKNOWN);
  }

  @Test
  void aFileThatIsNotYamlOrNotAMappingLeavesTheConfigurationUnknown() {
    assertThat(read("inputs: [unclosed").allowUnfree()).isEqualTo(Tristate.UNKNOWN);
    assertThat(read("- a\n- b\n").importsComplete()).isFalse();
  }
}
