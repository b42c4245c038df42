package io.github.nixml.validate.rules.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlakeLockLocalPathRuleTest {
  private static final Path PROJECT = Path.of("/work/project");

  @Test
  void onlyAbsolutePathsOutsideTheProjectAreMachineLocal() {
    assertThat(FlakeLockLocalPathRule.outsideProject("/nix/store/x-source", PROJECT)).isTrue();
    assertThat(FlakeLockLocalPathRule.outsideProject("/home/alice/nixpkgs", PROJECT)).isTrue();
    assertThat(FlakeLockLocalPathRule.outsideProject("/work/project-other/sub", PROJECT)).isTrue();
    assertThat(FlakeLockLocalPathRule.outsideProject("/work/project/../elsewhere", PROJECT)).isTrue();
    assertThat(FlakeLockLocalPathRule.outsideProject("/work/project/sub", PROJECT)).isFalse();
    assertThat(FlakeLockLocalPathRule.outsideProject("./sub", PROJECT)).isFalse();
    assertThat(FlakeLockLocalPathRule.outsideProject("sub", PROJECT)).isFalse();
    assertThat(FlakeLockLocalPathRule.outsideProject("/bad\0path", PROJECT)).isTrue();
  }
}
