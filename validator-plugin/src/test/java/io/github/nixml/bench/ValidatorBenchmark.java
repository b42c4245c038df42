package io.github.nixml.bench;

import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Validates many generated projects in one run and prints projects per second after warm-up.
 *
 * <p>Run with {@code mvn -B -pl validator-plugin -Pbench-validator -DskipTests verify} (see docs/PERFORMANCE.md). The projects are
 * copies of the validator's own good fixtures (both layouts) and, when present, of the archetypes' reference
 * projects, each varied in its Python version, written under {@code target/bench/projects}.
 *
 * <p>Arguments: project count (1000), warm-up runs (3), measured runs (5, 0: only write the projects, for
 * {@code src/test/bench/monorepo.sh}), the validator-plugin module directory (the current directory by default).
 * Besides projects per second it reports the throughput beyond the single-project time: (N - 1) projects over
 * the median time of N projects minus the median time of one, both in the same warm JVM.
 */
public final class ValidatorBenchmark {
  private static final List<String> VERSIONS = List.of("3.11", "3.12", "3.13");

  private ValidatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path module = (args.length > 3 ? Path.of(args[3]) : Path.of("")).toAbsolutePath().normalize();
    Path root = module.resolve("target/bench/projects");
    List<Path> templates = templates(module);
    generate(root, templates, count);
    if (runs == 0) {
      System.out.printf("generated %d projects from %d templates under %s%n", count, templates.size(), root);
      return;
    }

    Validator validator = new Validator(BuiltInRules.registry());
    ValidationConfig config = ValidationConfig.builder().build();
    for (int i = 0; i < warmups; i++) {
      validator.validate(new ValidationRequest(root, config));
    }
    // The single-project time, warm: what a run costs beyond its projects (scan, report, pool start).
    Path one = root.resolveSibling("one");
    generate(one, templates.subList(0, 1), 1);
    double[] single = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      validator.validate(new ValidationRequest(one, config));
      single[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(single);
    double[] seconds = new double[runs];
    double[] cpuSeconds = new double[runs];
    ValidationResult last = null;
    for (int i = 0; i < runs; i++) {
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      last = validator.validate(new ValidationRequest(root, config));
      seconds[i] = (System.nanoTime() - start) / 1e9;
      cpuSeconds[i] = (processCpuNanos() - cpuStart) / 1e9;
    }
    Arrays.sort(seconds);
    Arrays.sort(cpuSeconds);
    double median = seconds[runs / 2];
    System.out.printf("nixml benchmark: %d projects from %d templates, %d warm-up runs, %d measured runs,"
            + " %d cores, Java %s%n", last.projects().size(), templates.size(), warmups, runs,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.printf("  median %.3f s = %.0f projects/s (best %.3f s = %.0f projects/s, worst %.3f s)%n",
        median, last.projects().size() / median, seconds[0], last.projects().size() / seconds[0],
        seconds[runs - 1]);
    double beyond = (last.projects().size() - 1) / Math.max(1e-9, median - single[runs / 2]);
    System.out.printf("  one project: median %.4f s; beyond it: %.0f projects/s (goal: at least 1,000)%n",
        single[runs / 2], beyond);
    double cpu = cpuSeconds[runs / 2];
    int cores = Runtime.getRuntime().availableProcessors();
    // CPU time does not grow when other processes compete for the cores, wall time does: report both.
    System.out.printf("  median CPU time %.3f s = %.0f projects per CPU-second (%.0f projects/s on %d idle cores)%n",
        cpu, last.projects().size() / cpu, cores * last.projects().size() / cpu, cores);
    System.out.printf("  load average at the end: %.1f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf("  findings in the last run: %d%n", last.findings().size());
    last.findings().stream().limit(5).forEach(f -> System.out.println("    " + f));
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Good projects of both layouts: the validator's fixtures and the archetypes' reference trees. */
  static List<Path> templates(Path module) throws IOException {
    List<Path> templates = new ArrayList<>();
    Path fixtures = module.resolve("src/test/resources/rules");
    templates.add(fixtures.resolve("python-version-mismatch/good-ld-path"));
    templates.add(fixtures.resolve("python-version-mismatch/good-fhs"));
    try (Stream<Path> modules = Files.list(module.toAbsolutePath().getParent())) {
      for (Path archetype : modules.filter(p -> p.getFileName().toString().startsWith("archetype-")).sorted()
          .toList()) {
        Path projects = archetype.resolve("src/test/resources/projects");
        if (Files.isDirectory(projects)) {
          try (Stream<Path> cases = Files.list(projects)) {
            cases.sorted().map(c -> c.resolve("reference")).filter(r -> Files.isRegularFile(r.resolve("flake.nix")))
                .forEach(templates::add);
          }
        }
      }
    }
    return templates;
  }

  /** Writes {@code count} projects, each a template with its Python version varied consistently. */
  static void generate(Path root, List<Path> templates, int count) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> old = Files.walk(root)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    for (int i = 0; i < count; i++) {
      Path template = templates.get(i % templates.size());
      String from = Files.readString(template.resolve(".python-version")).strip();
      String to = VERSIONS.get((i / templates.size()) % VERSIONS.size());
      Path project = root.resolve(String.format("p%04d", i));
      try (Stream<Path> files = Files.walk(template)) {
        for (Path source : files.sorted().toList()) {
          Path target = project.resolve(template.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else if (!source.getFileName().toString().equals("expected.txt")) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Files.writeString(target, vary(text, from, to), StandardCharsets.UTF_8);
          }
        }
      }
    }
  }

  private static String vary(String text, String from, String to) {
    String fromAttr = "python" + from.replace(".", "");
    String toAttr = "python" + to.replace(".", "");
    return text.replace(fromAttr, toAttr).replace(from + "\n", to + "\n").replace("\"" + from + "\"", "\"" + to + "\"")
        .replaceAll("requires-python = \">=3\\.[0-9]+\"", "requires-python = \">=" + to + "\"");
  }
}
