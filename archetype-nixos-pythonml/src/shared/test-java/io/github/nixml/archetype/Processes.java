package io.github.nixml.archetype;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command the tests need beyond the Oracle verdicts and returns what it printed. */
final class Processes {

  /** What a finished command printed on stdout and stderr, and its exit code. */
  record Result(int exitCode, String stdout, String stderr) {
    String all() {
      return stdout + stderr;
    }
  }

  private Processes() {}

  /** Runs the command and returns its stdout, failing the test when it exits non-zero. */
  static String run(Path directory, String... command) {
    Result result = execute(directory, List.of(command), 60);
    if (result.exitCode() != 0) {
      throw new AssertionError(String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.all());
    }
    return result.stdout();
  }

  static Result execute(Path directory, List<String> command, long timeoutSeconds) {
    Path stderr = null;
    try {
      stderr = Files.createTempFile("nixml-stderr", ".txt");
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectError(stderr.toFile()).start();
      process.getOutputStream().close();
      byte[] stdout = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within " + timeoutSeconds + "s");
      }
      return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("could not run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    } finally {
      if (stderr != null) {
        try {
          Files.deleteIfExists(stderr);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }
}
