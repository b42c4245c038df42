package io.github.nixml.nix.eval;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.eval.EvalProgramGenerator.Node;
import io.github.nixml.nix.eval.Value.Failure;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our evaluator against {@code nix-instantiate --eval --strict --json}: generated pure programs (10,000 by
 * default, {@code -Dnixml.fuzz.evalCount}; seed {@code -Dnixml.fuzz.seed}, or {@code random}) must give the same
 * JSON text of their value, or both fail. Nix evaluates them in batches, each program as
 * {@code builtins.tryEval (builtins.toJSON (…))} on its own line; an error {@code tryEval} cannot catch (a type
 * error, {@code abort}) is pinned to its program by the line {@code --show-trace} names, and the batch runs again
 * without it. Builtins the generator leaves out are listed, each with its reason, in
 * {@code nix-eval-differential/exceptions.txt}; a builtin of Nix that is neither generated nor listed fails.
 */
class EvaluatorDifferentialTest {
  private static final int DEFAULT_COUNT = 10_000;
  private static final int BATCH = 50;
  private static final AtomicInteger BATCHES = new AtomicInteger();
  private static final String DEFAULT_SEED = "20261204";
  private static final int SHOWN = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("(?:builtins\\.|\\b)([A-Za-z_][A-Za-z0-9_']*)");

  @TempDir
  Path dir;

  /** A host that lets the evaluator read the test's directory, as Nix does. */
  private final Host readingDir = new Host() {
    @Override
    public Path readableRoot() {
      return dir;
    }
  };

  @Test
  void generatedProgramsGetNixsValue() throws IOException {
    Oracle.NIX_EVAL.assumeAvailable();
    writeFiles();
    int count = Integer.getInteger("nixml.fuzz.evalCount", DEFAULT_COUNT);
    String seedText = System.getProperty("nixml.fuzz.seed", DEFAULT_SEED);
    long seed = seedText.equals("random") ? ThreadLocalRandom.current().nextLong() : Long.parseLong(seedText.trim());
    EvalProgramGenerator generator = new EvalProgramGenerator(seed);
    List<Node> programs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      programs.add(generator.program());
    }
    long start = System.nanoTime();
    List<String> texts = programs.stream().map(Node::render).toList();
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < texts.size(); from += BATCH) {
      batches.add(texts.subList(from, Math.min(texts.size(), from + BATCH)));
    }
    List<String> theirs = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<List<String>>> verdicts = new ArrayList<>();
      for (List<String> batch : batches) {
        verdicts.add(pool.submit(() -> nix(batch)));
      }
      for (Future<List<String>> verdict : verdicts) {
        theirs.addAll(verdict.get());
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError("a batch of nix-instantiate failed", e);
    } finally {
      pool.shutdownNow();
    }
    long nixMillis = (System.nanoTime() - start) / 1_000_000;
    List<String> disagreements = new ArrayList<>();
    int failed = 0;
    for (int i = 0; i < count; i++) {
      String ours = ours(texts.get(i));
      failed += theirs.get(i).equals("error") ? 1 : 0;
      if (!ours.equals(theirs.get(i)) && disagreements.size() < SHOWN) {
        Node shrunk = shrink(programs.get(i));
        String small = shrunk.render();
        disagreements.add("program " + i + " (seed " + seed + "):\n  " + texts.get(i) + "\n  shrunk: " + small
            + "\n  nix:  " + nix(List.of(small)).get(0) + "\n  ours: " + ours(small));
      } else if (!ours.equals(theirs.get(i))) {
        disagreements.add("program " + i);
      }
    }
    System.out.printf("evaluator differential: %d programs (seed %d), %d failing in Nix, Nix took %d ms,"
        + " %d disagreements%n", count, seed, failed, nixMillis, disagreements.size());
    if (!disagreements.isEmpty()) {
      fail(disagreements.size() + " of " + count + " programs disagree with Nix:\n"
          + String.join("\n", disagreements.subList(0, Math.min(SHOWN, disagreements.size()))));
    }
  }

  /** What {@code readFile}, {@code readDir} and {@code pathExists} read: a file, a directory, a link. */
  private void writeFiles() throws IOException {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.writeString(files.resolve("a.txt"), "hello\n\"world\"");
    Files.createDirectories(files.resolve("sub"));
    Files.writeString(files.resolve("sub").resolve("b"), "");
    Files.createSymbolicLink(files.resolve("link"), Path.of("a.txt"));
  }

  /** Every builtin of the Nix in use is generated or listed, with its reason, as an exception. */
  @Test
  void everyBuiltinOfNixIsGeneratedOrExcepted() throws IOException {
    Oracle.NIX_EVAL.assumeAvailable();
    Set<String> nixBuiltins = new TreeSet<>();
    JSON.readTree(run(List.of("nix-instantiate", "--eval", "--strict", "--json", "--expr",
        "builtins.attrNames builtins"), dir).output()).forEach(name -> nixBuiltins.add(name.asText()));
    Set<String> generated = new TreeSet<>();
    EvalProgramGenerator generator = new EvalProgramGenerator(Long.parseLong(DEFAULT_SEED));
    for (int i = 0; i < DEFAULT_COUNT; i++) {
      Matcher names = NAME.matcher(generator.program().render());
      while (names.find()) {
        generated.add(names.group(1));
      }
    }
    Map<String, String> exceptions = exceptions();
    Set<String> missing = new TreeSet<>(nixBuiltins);
    missing.removeAll(generated);
    missing.removeAll(exceptions.keySet());
    Set<String> ours = new TreeSet<>(Builtins.names());
    Set<String> notOurs = new TreeSet<>(nixBuiltins);
    notOurs.removeAll(ours);
    notOurs.removeAll(Set.of("true", "false", "null", "builtins"));
    missing.remove("builtins"); // the set every generated program reads
    if (!missing.isEmpty() || !notOurs.isEmpty()) {
      fail("builtins neither generated nor excepted: " + missing + "; builtins Nix has and we lack: " + notOurs);
    }
  }

  /** {@code name: reason} lines; a builtin listed there is not compared with Nix, for the reason given. */
  private static Map<String, String> exceptions() throws IOException {
    Map<String, String> exceptions = new LinkedHashMap<>();
    try (InputStream in = EvaluatorDifferentialTest.class.getResourceAsStream(
        "/nix-eval-differential/exceptions.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int colon = line.indexOf(':');
        if (!line.isBlank() && !line.startsWith("#") && colon > 0) {
          exceptions.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
      }
    }
    return exceptions;
  }

  /** Our verdict: the JSON text, "error", or "unknown". */
  private String ours(String program) {
    String text = "builtins.toJSON (" + program + ")";
    Term term = TreeLowering.lower(NixFrontEnd.analyze(text)).orElse(null);
    if (term == null) {
      return "error"; // Nix rejects it too (the parser's own differential checks that)
    }
    try {
      Evaluator evaluator = new Evaluator(readingDir, Evaluator.Mode.SYMBOLIC, text, dir.toString());
      Value value = evaluator.eval(term, evaluator.rootEnv());
      if (value instanceof Failure) {
        return "error";
      }
      return value instanceof Str str && str.literal() != null ? str.literal() : "unknown";
    } catch (Evaluator.Exhausted | StackOverflowError e) {
      return "unknown";
    }
  }

  /** Nix's verdicts for a batch: each program's JSON text or "error". */
  private List<String> nix(List<String> programs) throws IOException {
    Map<Integer, String> verdicts = new HashMap<>();
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < programs.size(); i++) {
      pending.add(i);
    }
    while (!pending.isEmpty()) {
      StringBuilder file = new StringBuilder("[\n");
      for (int index : pending) {
        file.append("(builtins.tryEval (builtins.toJSON (").append(programs.get(index)).append(")))\n");
      }
      Path batch = dir.resolve("batch-" + BATCHES.incrementAndGet() + ".nix");
      Files.writeString(batch, file.append("]\n"));
      Result result = run(List.of("nix-instantiate", "--show-trace", "--eval", "--strict", "--json",
          batch.toString()), dir);
      if (result.exitCode() == 0) {
        JsonNode values = JSON.readTree(result.output());
        for (int i = 0; i < pending.size(); i++) {
          JsonNode verdict = values.get(i);
          verdicts.put(pending.get(i), verdict.get("success").asBoolean() ? verdict.get("value").asText() : "error");
        }
        break;
      }
      Matcher line = Pattern.compile(Pattern.quote(batch.getFileName().toString()) + ":(\\d+):")
          .matcher(result.errors());
      if (line.find()) {
        verdicts.put(pending.remove(Integer.parseInt(line.group(1)) - 2), "error");
        continue;
      }
      // an error without a position (some come from inside builtins): halve the batch until it is alone
      if (pending.size() == 1) {
        verdicts.put(pending.get(0), "error");
        break;
      }
      List<Integer> halves = List.copyOf(pending);
      for (List<Integer> half : List.of(halves.subList(0, halves.size() / 2),
          halves.subList(halves.size() / 2, halves.size()))) {
        List<String> verdictsOfHalf = nix(half.stream().map(programs::get).toList());
        for (int i = 0; i < half.size(); i++) {
          verdicts.put(half.get(i), verdictsOfHalf.get(i));
        }
      }
      break;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < programs.size(); i++) {
      out.add(verdicts.get(i));
    }
    return out;
  }

  /** The smallest program, by repeated one-node shrinks, that still disagrees. */
  private Node shrink(Node program) throws IOException {
    Node current = program;
    for (int round = 0; round < 40; round++) {
      Node smaller = null;
      for (Node candidate : EvalProgramGenerator.shrinks(current)) {
        String text = candidate.render();
        if (!ours(text).equals(nix(List.of(text)).get(0))) {
          smaller = candidate;
          break;
        }
      }
      if (smaller == null) {
        return current;
      }
      current = smaller;
    }
    return current;
  }

  private record Result(int exitCode, String output, String errors) {}

  private static Result run(List<String> command, Path dir) throws IOException {
    Path errors = dir.resolve("stderr-" + BATCHES.incrementAndGet() + ".txt");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectError(errors.toFile()).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("nix-instantiate did not finish within 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return new Result(process.exitValue(), output, Files.readString(errors));
  }
}
