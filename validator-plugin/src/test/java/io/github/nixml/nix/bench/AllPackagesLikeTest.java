package io.github.nixml.nix.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark measures Nix on its input, so the input must be one Nix accepts whole. */
class AllPackagesLikeTest {
  @TempDir
  Path dir;

  @Test
  void generatesAboutTheRequestedSizeDeterministically() {
    String text = AllPackagesLike.generate(7, 200_000);
    assertThat(text.length()).isBetween(199_000, 201_000);
    assertThat(text).startsWith("/* pkgs/top-level/all-packages.nix").contains("callPackage ../", "inherit (")
        .isEqualTo(AllPackagesLike.generate(7, 200_000));
  }

  @Test
  void nixAcceptsTheBenchmarkInput() throws IOException {
    Oracle.NIX_PARSE.assumeAvailable();
    Path file = dir.resolve("all-packages-like.nix");
    Files.writeString(file, AllPackagesLike.generate(20_240_501L, 1_000_000));
    Oracle.Verdict verdict = Oracle.NIX_PARSE.check(file);
    assertThat(verdict.accepted()).as(verdict.output()).isTrue();
  }
}
