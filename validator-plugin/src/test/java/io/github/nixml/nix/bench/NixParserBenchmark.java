package io.github.nixml.nix.bench;

import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Our warm parse+bind throughput on a ~1 MB all-packages.nix-like file, against {@code
 * nix-instantiate --parse} on the same file, and the memory our tree retains. Run it with
 * {@code mvn -B -pl validator-plugin -Pbench test} (see docs/PERFORMANCE.md); the report is
 * printed and written to {@code target/bench/nix-parser.md}.
 *
 * <p>Nix is measured as wall time per process, the median of alternating runs on the big file and
 * on an empty file (whose time is Nix's start-up), so drifting machine load hits both alike.
 */
public final class NixParserBenchmark {
  private static final long SEED = 20_240_501L;

  private NixParserBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int targetBytes = Integer.getInteger("nixml.bench.bytes", 1_000_000);
    int minimumWarmup = Integer.getInteger("nixml.bench.warmup", 15);
    // A throughput figure is taken once the JIT is done: on 2 cores 15 runs (about a second) left C2 compiling and
    // the median 4x its steady value; JMH warms up for 50 s by default, a parse of this file settles within 10.
    double warmupSeconds = Double.parseDouble(System.getProperty("nixml.bench.warmupSeconds", "10"));
    int iterations = Integer.getInteger("nixml.bench.iterations", 25);
    int nixRuns = Integer.getInteger("nixml.bench.nixRuns", 15);
    int copies = Integer.getInteger("nixml.bench.memoryCopies", 5);
    Path dir = Path.of(System.getProperty("nixml.bench.dir", "target/bench"));
    Files.createDirectories(dir);

    String text = AllPackagesLike.generate(SEED, targetBytes);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("all-packages-like.nix");
    Path empty = dir.resolve("empty.nix");
    Files.write(file, bytes);
    Files.write(empty, new byte[0]);
    double megabytes = bytes.length / 1_000_000.0;

    NixFile first = NixFrontEnd.analyze(text);
    String verdict = first.hasErrors()
        ? "REJECTED (" + first.diagnostics().size() + " diagnostics, first: " + first.diagnostics().get(0) + ")"
        : "accepted";
    first = null;

    long warmupStart = System.nanoTime();
    int warmup = 0;
    while (warmup < minimumWarmup || System.nanoTime() - warmupStart < warmupSeconds * 1e9) {
      NixFrontEnd.analyze(text);
      warmup++;
    }
    double warmedSeconds = (System.nanoTime() - warmupStart) / 1e9;
    long[] ours = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      NixFile parsed = NixFrontEnd.analyze(text);
      ours[i] = System.nanoTime() - start;
      if (parsed.hasErrors() != !verdict.equals("accepted")) {
        throw new IllegalStateException("verdict changed between runs");
      }
    }
    double oursSeconds = median(ours) / 1e9;
    double oursRate = megabytes / oursSeconds;

    long retained = retainedBytesPerTree(text, copies);

    NixTimes nix = NixTimes.measure(file, empty, nixRuns);

    List<String> report = new ArrayList<>();
    report.add("## Nix parser benchmark (" + java.time.LocalDate.now() + ")");
    report.add("");
    report.add(String.format(Locale.ROOT, "- input: generated all-packages.nix-like file, %,d bytes, %,d lines; our verdict: %s",
        bytes.length, text.lines().count(), verdict));
    report.add(String.format(Locale.ROOT, "- ours, warm parse+bind (NixFrontEnd.analyze): median %.2f ms of %d runs after %d warm-up runs"
        + " (%.1f s) (min %.2f, max %.2f) = **%.1f MB/s**", oursSeconds * 1e3, iterations, warmup, warmedSeconds,
        Arrays.stream(ours).min().orElse(0) / 1e6, Arrays.stream(ours).max().orElse(0) / 1e6, oursRate));
    report.add(String.format(Locale.ROOT, "- retained heap of one tree (mean of %d held copies, after full GC): %,d bytes"
        + " = **%.2f× the source size** (goal ≤ 10×: %s)", copies, retained, retained / (double) bytes.length,
        retained <= 10L * bytes.length ? "met" : "NOT met"));
    if (nix.available()) {
      double nixSeconds = (nix.bigMedianNanos() - nix.emptyMedianNanos()) / 1e9;
      double nixRate = megabytes / nixSeconds;
      double ratio = oursRate / nixRate;
      report.add(String.format(Locale.ROOT, "- nix-instantiate --parse (%s): median wall %.1f ms on the file,"
          + " %.1f ms on an empty file (start-up), %d runs each: parse %.1f ms = **%.1f MB/s**",
          nix.version(), nix.bigMedianNanos() / 1e6, nix.emptyMedianNanos() / 1e6, nixRuns, nixSeconds * 1e3, nixRate));
      report.add(String.format(Locale.ROOT, "- ratio ours / Nix: **%.1f×** (goal ≥ 5×: %s)", ratio,
          ratio >= 5 ? "met" : "NOT met"));
      // On a shared machine the medians carry other processes' load; the fastest runs come closest
      // to each side's own cost, so they are reported too.
      double oursBestRate = megabytes / (Arrays.stream(ours).min().orElseThrow() / 1e9);
      double nixBestRate = megabytes / ((nix.bigMinNanos() - nix.emptyMinNanos()) / 1e9);
      report.add(String.format(Locale.ROOT, "- fastest runs only: ours %.1f MB/s; Nix %.1f MB/s (fastest file run %.1f ms"
          + " minus fastest empty run %.1f ms); ratio %.1f×", oursBestRate, nixBestRate, nix.bigMinNanos() / 1e6,
          nix.emptyMinNanos() / 1e6, oursBestRate / nixBestRate));
    } else {
      report.add("- nix-instantiate not found: no comparison (install Debian's nix-bin)");
    }
    report.add(String.format(Locale.ROOT, "- machine: %d CPUs (%s), %s RAM; Java %s (%s); load average at start %s",
        Runtime.getRuntime().availableProcessors(), cpuModel(), memTotal(), System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"), loadAverage()));
    report.add("- JVM heap: max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    String joined = String.join("\n", report) + "\n";
    System.out.print(joined);
    Files.writeString(dir.resolve("nix-parser.md"), joined, StandardCharsets.UTF_8);
  }

  /** Heap growth, after full collections, while {@code copies} trees of the same text are held. */
  private static long retainedBytesPerTree(String text, int copies) throws InterruptedException {
    NixFile[] held = new NixFile[copies];
    long before = usedAfterGc();
    for (int i = 0; i < copies; i++) {
      held[i] = NixFrontEnd.analyze(text);
    }
    long after = usedAfterGc();
    if (held[copies - 1] == null) {
      throw new IllegalStateException("unreachable: keeps the trees alive until measured");
    }
    return (after - before) / copies;
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String cpuModel() {
    return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
  }

  private static String memTotal() {
    return firstValue(Path.of("/proc/meminfo"), "MemTotal")
        .map(v -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(v.replaceAll("[^0-9]", "")) / 1048576.0))
        .orElse("unknown");
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" 0*[0-9]+/")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static java.util.Optional<String> firstValue(Path file, String key) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}
