package io.github.nixml.nix.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Wall times of {@code nix-instantiate --parse} processes on a file and on an empty file. */
record NixTimes(boolean available, String version, long bigMedianNanos, long emptyMedianNanos, long bigMinNanos,
    long emptyMinNanos) {

  static NixTimes measure(Path big, Path empty, int runs) throws IOException, InterruptedException {
    String version;
    try {
      Process probe = new ProcessBuilder("nix-instantiate", "--version").redirectErrorStream(true).start();
      version = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (probe.waitFor() != 0) {
        return new NixTimes(false, "", 0, 0, 0, 0);
      }
    } catch (IOException e) {
      return new NixTimes(false, "", 0, 0, 0, 0);
    }
    // warm the page cache and Nix's own start-up files; Nix must accept the whole file
    if (run(big) < 0) {
      throw new IllegalStateException("nix-instantiate --parse rejects " + big + ": the benchmark input is broken");
    }
    run(empty);
    long[] bigTimes = new long[runs];
    long[] emptyTimes = new long[runs];
    for (int i = 0; i < runs; i++) {
      bigTimes[i] = run(big);
      emptyTimes[i] = Math.abs(run(empty));
    }
    return new NixTimes(true, version, NixParserBenchmark.median(bigTimes), NixParserBenchmark.median(emptyTimes),
        Arrays.stream(bigTimes).min().orElseThrow(), Arrays.stream(emptyTimes).min().orElseThrow());
  }

  /**
   * Wall nanoseconds of one process, its printed expression discarded; negated when Nix rejected the
   * file (an empty file is a syntax error, which is fine for measuring start-up).
   */
  private static long run(Path file) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(List.of("nix-instantiate", "--parse", file.toString()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    process.getOutputStream().close();
    int exitCode = process.waitFor();
    long elapsed = System.nanoTime() - start;
    return exitCode == 0 ? elapsed : -elapsed;
  }
}
