package io.github.nixml.validate.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WheelFileTest {

  @Test
  void compressedTagSetsExpandToEveryCombination() {
    WheelFile wheel = WheelFile.parse(
        "numpy-2.3.1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl").orElseThrow();
    assertThat(wheel.tags()).containsExactly(
        new WheelFile.Tag("cp312", "cp312", "manylinux_2_17_x86_64"),
        new WheelFile.Tag("cp312", "cp312", "manylinux2014_x86_64"));
    assertThat(WheelFile.parse("six-1.17.0-py2.py3-none-any.whl").orElseThrow().tags()).hasSize(2);
  }

  @Test
  void aBuildTagIsSkipped() {
    assertThat(WheelFile.parse("pkg-1.0-1build-py3-none-linux_aarch64.whl").orElseThrow().tags())
        .containsExactly(new WheelFile.Tag("py3", "none", "linux_aarch64"));
  }

  @Test
  void urlsArePercentDecoded() {
    assertThat(WheelFile.fromUrl("https://x/whl/cu128/torch-2.7.1%2Bcu128-cp312-cp312-manylinux_2_28_x86_64.whl")
        .orElseThrow().fileName()).isEqualTo("torch-2.7.1+cu128-cp312-cp312-manylinux_2_28_x86_64.whl");
  }

  @Test
  void onlyLinuxX8664AndAarch64CountAsLinux() {
    assertThat(linux("a-1-cp312-cp312-manylinux_2_28_x86_64.whl")).isTrue();
    assertThat(linux("a-1-cp312-cp312-manylinux2014_aarch64.whl")).isTrue();
    assertThat(linux("a-1-cp312-cp312-musllinux_1_2_x86_64.whl")).isTrue();
    assertThat(linux("a-1-cp312-cp312-linux_x86_64.whl")).isTrue();
    assertThat(linux("a-1-cp312-cp312-manylinux2014_i686.whl")).isFalse();
    assertThat(linux("a-1-cp312-cp312-macosx_11_0_arm64.whl")).isFalse();
    assertThat(linux("a-1-cp312-cp312-win_amd64.whl")).isFalse();
    assertThat(linux("a-1-py3-none-any.whl")).isFalse();
  }

  @Test
  void notAWheelIsEmpty() {
    assertThat(WheelFile.parse("torch-2.7.1.tar.gz")).isEmpty();
    assertThat(WheelFile.parse("torch-cp312.whl")).isEmpty();
  }

  private static boolean linux(String name) {
    return WheelFile.parse(name).orElseThrow().isLinux();
  }
}
