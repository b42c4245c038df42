package io.github.nixml.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.Oracle.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batched checks must give exactly the verdicts of one process per file. */
class OracleBatchTest {
  @TempDir
  Path dir;

  @Test
  void batchedNixVerdictsEqualOneProcessPerFile() throws IOException {
    Oracle.NIX_PARSE.assumeAvailable();
    String[] programs = {"1", "1 +", "{ a = 1; }", "{ a = 1; a = 2; }", "x: y", "[ ]", "\"unterminated",
        "let a = 1; in a", "", "rec { b = c; c = 1; }", "./trailing/", "{ a, a }: a", "true", "true"};
    List<Path> files = new ArrayList<>();
    // 250 files: more than one process takes, in more than one chunk
    for (int i = 0; i < 250; i++) {
      Path file = dir.resolve("p" + i + ".nix");
      Files.writeString(file, programs[i % programs.length]);
      files.add(file);
    }
    List<Verdict> batched = Oracle.NIX_PARSE.checkEach(files);
    assertThat(batched).hasSize(files.size());
    for (int i = 0; i < programs.length; i++) {
      Verdict alone = Oracle.NIX_PARSE.check(files.get(i));
      for (int j = i; j < files.size(); j += programs.length) {
        assertThat(batched.get(j).accepted()).as("file %d: %s", j, programs[i]).isEqualTo(alone.accepted());
      }
      if (!alone.accepted()) {
        assertThat(batched.get(i).output()).contains("p" + i + ".nix:");
      }
    }
  }
}
