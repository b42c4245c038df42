package io.github.nixml.nix;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shapes of Nix's own test programs with a NUL or malformed UTF-8 (a NUL in a string, a NUL on a line of an
 * indented string, a 0xFF byte in a string passed to a builtin): Nix 2.8 parses all three (they fail later, at
 * evaluation), and so do we. Where the text ends for Nix: a NUL between tokens.
 */
class NixOddBytesTest {
  @TempDir Path dir;

  private static final byte[] NUL_IN_STRING = bytes("\"left", 0, "right\"\n");
  private static final byte[] NUL_IN_INDENTED_STRING = bytes("''\n  one\n  ", 0, "\n  two\n''\n");
  private static final byte[] FF_IN_STRING = bytes("builtins.toJSON \"bad: ", 0xFF, "!\"\n");
  private static final byte[] NUL_BETWEEN_TOKENS = bytes("[ 1 ", 0, " 2 ]\n");

  private static byte[] bytes(String before, int odd, String after) {
    byte[] head = before.getBytes(StandardCharsets.UTF_8);
    byte[] tail = after.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = (byte) odd;
    System.arraycopy(tail, 0, all, head.length + 1, tail.length);
    return all;
  }

  @Test
  void oddBytesInsideStringsAreAccepted() {
    assertThat(NixFrontEnd.analyze(NUL_IN_STRING).diagnostics()).isEmpty();
    assertThat(NixFrontEnd.analyze(NUL_IN_INDENTED_STRING).diagnostics()).isEmpty();
    assertThat(NixFrontEnd.analyze(FF_IN_STRING).diagnostics()).isEmpty();
  }

  @Test
  void aNulBetweenTokensEndsTheInputWhereNixSaysSo() {
    NixFile file = NixFrontEnd.analyze(NUL_BETWEEN_TOKENS);
    assertThat(file.diagnostics()).hasSize(1);
    NixDiagnostic end = file.diagnostics().get(0);
    assertThat(end.message()).isEqualTo("syntax error, unexpected end of file");
    assertThat(end.line() + ":" + end.column()).isEqualTo("1:5");
    // Lossless all the same: the tree prints the input back, NUL and what follows included.
    assertThat(file.root().text()).isEqualTo(new String(NUL_BETWEEN_TOKENS, StandardCharsets.UTF_8));
  }

  @Test
  void nixAgrees() throws IOException {
    Oracle.NIX_PARSE.assumeAvailable();
    assertThat(Oracle.NIX_PARSE.check(Files.write(dir.resolve("a.nix"), NUL_IN_STRING)).accepted()).isTrue();
    assertThat(Oracle.NIX_PARSE.check(Files.write(dir.resolve("b.nix"), NUL_IN_INDENTED_STRING)).accepted()).isTrue();
    assertThat(Oracle.NIX_PARSE.check(Files.write(dir.resolve("c.nix"), FF_IN_STRING)).accepted()).isTrue();
    Oracle.Verdict end = Oracle.NIX_PARSE.check(Files.write(dir.resolve("d.nix"), NUL_BETWEEN_TOKENS));
    assertThat(end.accepted()).isFalse();
    assertThat(end.output()).contains("syntax error, unexpected end of file").contains("d.nix:1:5");
  }
}
