package io.github.nixml.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Nix's own value of a string expression, through {@link Oracle#NIX_EVAL} (skipped or failed like it). */
public final class NixStrings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NixStrings() {}

  /** Evaluates {@code expression} (closed, of type string) from a file in {@code dir}; its exact characters. */
  public static String evaluate(Path dir, String expression) {
    try {
      Path file = Files.createTempFile(dir, "expression", ".nix");
      Files.writeString(file, expression, StandardCharsets.UTF_8);
      Oracle.Verdict verdict = Oracle.NIX_EVAL.check(file);
      assertThat(verdict.accepted()).as("nix-instantiate --eval of %s: %s", expression, verdict.output()).isTrue();
      // --json prints the value alone on the last line; warnings, if any, come before it
      String output = verdict.output().strip();
      return JSON.readValue(output.substring(output.lastIndexOf('\n') + 1), String.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
