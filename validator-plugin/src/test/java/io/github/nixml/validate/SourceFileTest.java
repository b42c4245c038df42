package io.github.nixml.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceFileTest {
  @Test
  void offsetsBecomeOneBasedLinesAndColumns() {
    SourceFile file = SourceFile.of("f.nix", "ab\ncd\r\n\nxyz");
    assertThat(file.locationAt(0)).hasToString("f.nix:1:1");
    assertThat(file.locationAt(2)).hasToString("f.nix:1:3");
    assertThat(file.locationAt(3)).hasToString("f.nix:2:1");
    assertThat(file.locationAt(8)).hasToString("f.nix:4:1");
    assertThat(file.locationAt(99)).hasToString("f.nix:4:4");
    assertThat(file.locationAt(3, 4)).isEqualTo(Location.range("f.nix", 2, 1, 3, 1));
    assertThat(file.lineCount()).isEqualTo(4);
    assertThat(file.line(2)).isEqualTo("cd");
    assertThat(file.line(5)).isEmpty();
  }
}
