package io.github.nixml.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds tiny real shared objects with gcc (an oracle-like tool: skipped visibly when absent). */
final class Gcc {
  private Gcc() {}

  /** Compiles {@code source} into the shared object {@code output} with the extra linker arguments. */
  static Path sharedObject(Path output, String source, String... arguments) throws IOException, InterruptedException {
    Oracle.GCC.assumeAvailable();
    Files.createDirectories(output.getParent());
    Path c = Files.writeString(output.resolveSibling(output.getFileName() + ".c"), source, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-o", output.toString(), c.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(log).isZero();
    Files.delete(c);
    return output;
  }
}
