package io.github.nixml.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Nix side of the model's differential test: Nix itself evaluates every fixture flake (real-world projects, rule
 * fixtures, and the archetypes' reference trees, the generated projects, under the key {@code generated/}) against our stub nixpkgs and flake libraries ({@code src/test/nix-stubs/}, offline), and writes
 * each flake's dev shells per system as JSON under {@code target/nix-evaluated-shells/} (same relative path as the
 * fixture, {@code shells.json} in place of {@code flake.nix}). What is asserted is what holds today: each flake
 * evaluates, unless {@code exclusions.txt} names it with the reason (and then it still fails), and every real-world
 * fixture yields at least one dev shell of a kind the stubs know. The comparison with the Java model reads those
 * files (see the stubs' README).
 */
class NixEvaluatedShellsTest {
  static final Path STUBS = Path.of("src/test/nix-stubs");
  static final Path RESOURCES = Path.of("src/test/resources");
  static final Path OUTPUT = Path.of("target/nix-evaluated-shells");
  /** The reactor root holding the archetype modules, whose reference trees are generated projects. */
  static final Path REACTOR = Path.of(System.getProperty("nixml.reactor", ".."));
  private static final long TIMEOUT_SECONDS = 60;

  /** A fixture flake: its key (its path under src/test/resources, or generated/<module>/<case>/…) and its file. */
  record FixtureFlake(String key, Path file) {}

  /** An exclusion's reason that names the error Nix must give: {@code fails in Nix with "…"}. */
  private static final java.util.regex.Pattern EXPECTED_ERROR =
      java.util.regex.Pattern.compile("fails in Nix with \"([^\"]+)\"");

  /** What the driver made of one flake. */
  record Evaluation(String flake, boolean evaluated, String output) {}

  @Test
  void everyFixtureFlakeEvaluatesAgainstTheStubsUnlessExcluded() throws Exception {
    Oracle.NIX_PARSE.assumeAvailable(); // the same nix-instantiate; skips visibly, fails under -Dnixml.requireOracle
    Map<String, String> exclusions = exclusions();
    List<Evaluation> evaluations = evaluateAll(fixtureFlakes());
    ObjectMapper json = new ObjectMapper();
    List<String> failures = new ArrayList<>();
    for (Evaluation evaluation : evaluations) {
      String reason = exclusions.get(evaluation.flake());
      if (reason != null) {
        if (evaluation.evaluated()) {
          failures.add(evaluation.flake() + " is excluded (" + reason + ") but evaluates: remove it from exclusions.txt");
        }
        // a fixture whose point is the error Nix gives (the model predicts it) names that error: Nix must give it
        java.util.regex.Matcher error = EXPECTED_ERROR.matcher(reason);
        if (error.find() && !evaluation.output().contains("error: " + error.group(1))) {
          failures.add(evaluation.flake() + " should fail with \"" + error.group(1) + "\" but Nix says:\n"
              + evaluation.output());
        }
        continue;
      }
      if (!evaluation.evaluated()) {
        failures.add(evaluation.flake() + " does not evaluate:\n" + evaluation.output());
        continue;
      }
      Path target = OUTPUT.resolve(evaluation.flake()).resolveSibling("shells.json");
      Files.createDirectories(target.getParent());
      Files.writeString(target, evaluation.output(), StandardCharsets.UTF_8);
      JsonNode shells = json.readTree(evaluation.output()).path("devShells");
      assertThat(shells.isObject()).as("%s: devShells is an object", evaluation.flake()).isTrue();
      if (evaluation.flake().startsWith("realworld/")) {
        failures.addAll(realWorldShellProblems(evaluation.flake(), shells));
      }
    }
    long evaluated = evaluations.stream().filter(Evaluation::evaluated).count();
    Files.createDirectories(OUTPUT);
    Files.writeString(OUTPUT.resolve("summary.txt"), String.format("%d of %d fixture flakes evaluated (%d of %d real-world);"
            + " %d excluded (exclusions.txt)%n", evaluated, evaluations.size(),
        evaluations.stream().filter(e -> e.flake().startsWith("realworld/") && e.evaluated()).count(),
        evaluations.stream().filter(e -> e.flake().startsWith("realworld/")).count(), exclusions.size()),
        StandardCharsets.UTF_8);
    for (String excluded : exclusions.keySet()) {
      assertThat(evaluations.stream().anyMatch(e -> e.flake().equals(excluded)))
          .as("exclusions.txt names an existing fixture flake: " + excluded).isTrue();
    }
    assertThat(failures).as("fixture flakes evaluated against the stubs (outputs in %s)", OUTPUT).isEmpty();
  }

  /** A real-world fixture exists to show a shell: it must yield one, of a kind the stubs model. */
  private static List<String> realWorldShellProblems(String flake, JsonNode shells) {
    List<String> problems = new ArrayList<>();
    int count = 0;
    for (Iterator<Map.Entry<String, JsonNode>> systems = shells.fields(); systems.hasNext(); ) {
      Map.Entry<String, JsonNode> system = systems.next();
      for (Iterator<Map.Entry<String, JsonNode>> named = system.getValue().fields(); named.hasNext(); ) {
        Map.Entry<String, JsonNode> shell = named.next();
        count++;
        if (shell.getValue().path("kind").asText().equals("unknown")) {
          problems.add(flake + ": devShells." + system.getKey() + "." + shell.getKey() + " is of no kind the stubs know");
        }
      }
    }
    if (count == 0) {
      problems.add(flake + ": no dev shell");
    }
    return problems;
  }

  /** Real-world and rule fixtures, and the archetypes' reference trees (the projects they generate). */
  static List<FixtureFlake> fixtureFlakes() throws IOException {
    List<FixtureFlake> flakes = new ArrayList<>();
    for (String tree : List.of("realworld", "rules")) {
      for (Path file : flakesUnder(RESOURCES.resolve(tree))) {
        flakes.add(new FixtureFlake(RESOURCES.relativize(file).toString().replace('\\', '/'), file));
      }
    }
    try (Stream<Path> modules = Files.list(REACTOR)) {
      for (Path module : modules.filter(p -> p.getFileName().toString().startsWith("archetype-")).sorted()
          .collect(Collectors.toList())) {
        Path projects = module.resolve("src/test/resources/projects");
        if (Files.isDirectory(projects)) {
          for (Path file : flakesUnder(projects)) {
            flakes.add(new FixtureFlake("generated/" + module.getFileName() + "/"
                + projects.relativize(file).toString().replace('\\', '/'), file));
          }
        }
      }
    }
    return flakes;
  }

  private static List<Path> flakesUnder(Path tree) throws IOException {
    try (Stream<Path> paths = Files.walk(tree)) {
      return paths.filter(p -> p.getFileName().toString().equals("flake.nix") && Files.isRegularFile(p))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** {@code path: reason} lines of exclusions.txt, paths relative to src/test/resources. */
  static Map<String, String> exclusions() throws IOException {
    Map<String, String> exclusions = new LinkedHashMap<>();
    for (String line : Files.readAllLines(STUBS.resolve("exclusions.txt"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(": ");
      assertThat(colon).as("exclusions.txt line '%s' is `path: reason`", line).isPositive();
      exclusions.put(line.substring(0, colon), line.substring(colon + 2));
    }
    return exclusions;
  }

  /** Runs the driver on each flake, {@code -Dnixml.oracle.parallelism} processes at a time (default 2). */
  static List<Evaluation> evaluateAll(List<FixtureFlake> flakes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("nixml.oracle.parallelism", 2));
    try {
      List<Future<Evaluation>> futures = new ArrayList<>();
      for (FixtureFlake flake : flakes) {
        futures.add(pool.submit(() -> evaluate(flake)));
      }
      List<Evaluation> evaluations = new ArrayList<>();
      for (Future<Evaluation> future : futures) {
        evaluations.add(future.get());
      }
      return evaluations;
    } finally {
      pool.shutdownNow();
    }
  }

  static Evaluation evaluate(FixtureFlake flake) throws IOException, InterruptedException {
    String relative = flake.key();
    List<String> command = List.of("nix-instantiate", "--eval", "--strict", "--json",
        "--arg", "flake", flake.file().toAbsolutePath().normalize().toString(),
        STUBS.resolve("eval-shells.nix").toAbsolutePath().normalize().toString());
    Path stderr = Files.createTempFile("nixml-eval-shells", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      process.getOutputStream().close();
      byte[] stdout = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Evaluation(relative, false, "timed out after " + TIMEOUT_SECONDS + "s");
      }
      boolean ok = process.exitValue() == 0;
      String output = ok ? new String(stdout, StandardCharsets.UTF_8)
          : Files.readAllLines(stderr, StandardCharsets.UTF_8).stream().limit(12).collect(Collectors.joining("\n"));
      return new Evaluation(relative, ok, output);
    } finally {
      Files.deleteIfExists(stderr);
    }
  }
}
