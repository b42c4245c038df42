package io.github.nixml.validate.python;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a reference tool that {@link Oracle} does not cover (python's {@code packaging}, {@code git}), with the same
 * policy: skipped visibly when absent, failed under {@code -Dnixml.requireOracle=true}.
 */
public final class ExternalTool {
  private ExternalTool() {}

  /** Runs {@code command} with {@code input} on stdin; returns stdout, or skips/fails when the tool is missing. */
  public static String run(List<String> command, String input, Path directory, String installHint) {
    try {
      Process process = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish in 60 s");
      }
      if (process.exitValue() != 0) {
        unavailable(command + " exited with " + process.exitValue() + " (" + installHint + ")");
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      unavailable(command.get(0) + " not found (" + installHint + ")");
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void unavailable(String message) {
    if (Oracle.required()) {
      fail("oracle " + message + "; -Dnixml.requireOracle=true forbids skipping");
    }
    Assumptions.abort("SKIPPED: oracle " + message);
  }
}
