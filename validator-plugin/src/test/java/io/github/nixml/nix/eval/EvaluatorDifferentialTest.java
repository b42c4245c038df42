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
  /** Every how many programs one applies a {@code lib} function. */
  private static final int LIB_EVERY = 4;
  private static final List<String> LIB_SOURCES = List.of("lib.nix", "flake-utils.nix", "nix-systems.nix");
  /** The sources parsed once, as {@code NixLibrary} parses them (the front end recurses deeply: a large stack). */
  private static Map<String, Term> libTerms;
  private static final String TRACE = "trace: @@nixml ";
  private static final int BATCH = 50;
  private static final int SHRINK_TRIES = 60;
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
    List<Node> programs = programs(seed, count);
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

  /**
   * {@code count} programs: every {@value #LIB_EVERY}th one applies a function of nixml's Nix sources of
   * {@code lib} ({@link LibProgramGenerator}), the others the builtins ({@link EvalProgramGenerator}).
   */
  private static List<Node> programs(long seed, int count) {
    EvalProgramGenerator builtins = new EvalProgramGenerator(seed);
    LibProgramGenerator lib = new LibProgramGenerator(seed ^ 0x5DEECE66DL);
    List<Node> programs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      programs.add(i % LIB_EVERY == LIB_EVERY - 1 ? lib.program(i / LIB_EVERY) : builtins.program());
    }
    return programs;
  }

  /**
   * What {@code readFile}, {@code readDir} and {@code pathExists} read: a file, a directory, a link; and nixml's
   * Nix sources, which the lib programs import.
   */
  private void writeFiles() throws IOException {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.writeString(files.resolve("a.txt"), "hello\n\"world\"");
    Files.writeString(files.resolve("a.json"), "{\"a\": [1, 2.5, \"x\"], \"b\": {\"c\": null}}");
    Files.writeString(files.resolve("a.toml"), "a = 1\n[b]\nc = \"x\"\n");
    Files.createDirectories(files.resolve("sub"));
    Files.writeString(files.resolve("sub").resolve("b"), "");
    Files.createSymbolicLink(files.resolve("link"), Path.of("a.txt"));
    // two parts of a flake's outputs (flake-utils' meld)
    Files.writeString(files.resolve("part1.nix"), "{ a, ... }: { packages.x.p = a; apps = { q = 1; }; n = 1; }");
    Files.writeString(files.resolve("part2.nix"), "{ a, b ? 2, ... }: { packages.x.r = b; apps = 3; n = { m = a; }; }");
    // a folder of callPackage files (lib.packagesFromDirectoryRecursive): files, a package folder, nested sets
    Path pkgs = Files.createDirectories(files.resolve("pkgs"));
    Files.writeString(pkgs.resolve("a.nix"), "{ a }: a + 1");
    Files.writeString(pkgs.resolve("notes.txt"), "not a package");
    Files.createDirectories(pkgs.resolve("tool"));
    Files.writeString(pkgs.resolve("tool/package.nix"), "{ a }: { tool = a; }");
    Files.writeString(pkgs.resolve("tool/helper.nix"), "{ }: 0");
    Files.createDirectories(pkgs.resolve("ns/deeper"));
    Files.writeString(pkgs.resolve("ns/b.nix"), "{ a, b ? 2 }: a * b");
    Files.writeString(pkgs.resolve("ns/deeper/c.nix"), "{ a }: [ a ]");
    for (String source : LIB_SOURCES) {
      Files.writeString(dir.resolve(source), libText(source));
    }
  }

  /** Every builtin of the Nix in use is generated or listed, with its reason, as an exception. */
  @Test
  void everyBuiltinOfNixIsGeneratedOrExcepted() throws IOException {
    Oracle.NIX_EVAL.assumeAvailable();
    Set<String> nixBuiltins = new TreeSet<>();
    JSON.readTree(run(List.of("nix-instantiate", "--eval", "--strict", "--json", "--expr",
        "builtins.attrNames builtins"), dir).output()).forEach(name -> nixBuiltins.add(name.asText()));
    Set<String> generated = new TreeSet<>();
    for (Node program : programs(Long.parseLong(DEFAULT_SEED), DEFAULT_COUNT)) {
      String text = program.render();
      Matcher names = NAME.matcher(text.startsWith(LibProgramGenerator.PRELUDE)
          ? text.substring(LibProgramGenerator.PRELUDE.length()) : text);
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

  /**
   * Every function (and value) of nixml's Nix sources of {@code lib}, flake-utils and nix-systems is applied by a
   * generated program or listed, with its reason, in {@code nix-eval-differential/lib-exceptions.txt}. Nix lists
   * them: the leaves of each set that holds a function ({@code lib.strings.hasPrefix}, {@code lib.systems}),
   * named by their last component.
   */
  @Test
  void everyLibFunctionIsGeneratedOrExcepted() throws IOException {
    Oracle.NIX_EVAL.assumeAvailable();
    writeFiles();
    Path listing = dir.resolve("leaves.nix");
    Files.writeString(listing, """
        let
          leaves = prefix: set: builtins.concatMap (name:
            let value = set.${name};
            in if builtins.isAttrs value && builtins.any builtins.isFunction (builtins.attrValues value)
              then leaves (prefix + name + ".") value else [ (prefix + name) ]) (builtins.attrNames set);
        in leaves "lib." (import ./lib.nix { }) ++ leaves "flake-utils." (import ./flake-utils.nix { })
          ++ [ "nix-systems" ]
        """);
    Set<String> leaves = new TreeSet<>();
    JSON.readTree(run(List.of("nix-instantiate", "--eval", "--strict", "--json", listing.toString()), dir)
        .output()).forEach(name -> leaves.add(name.asText()));
    if (leaves.size() < 100) {
      fail("Nix listed only " + leaves.size() + " lib functions: " + leaves);
    }
    Set<String> generated = new TreeSet<>();
    Pattern libName = Pattern.compile("\\b(?:lib|flake-utils|nix-systems)(?:\\.[A-Za-z_][A-Za-z0-9_'-]*)*");
    for (Node program : programs(Long.parseLong(DEFAULT_SEED), DEFAULT_COUNT)) {
      String text = program.render();
      if (text.startsWith(LibProgramGenerator.PRELUDE)) {
        Matcher names = libName.matcher(text.substring(LibProgramGenerator.PRELUDE.length()));
        while (names.find()) {
          String[] parts = names.group().split("\\.");
          generated.add(parts[parts.length - 1]);
        }
      }
    }
    Map<String, String> exceptions = exceptions("lib-exceptions.txt");
    Set<String> missing = new TreeSet<>();
    for (String leaf : leaves) {
      String name = leaf.substring(leaf.lastIndexOf('.') + 1);
      if (!generated.contains(name) && !exceptions.containsKey(name)) {
        missing.add(leaf);
      }
    }
    Set<String> stale = new TreeSet<>(exceptions.keySet());
    leaves.forEach(leaf -> stale.remove(leaf.substring(leaf.lastIndexOf('.') + 1)));
    if (!missing.isEmpty() || !stale.isEmpty()) {
      fail("lib functions neither generated nor excepted: " + missing + "; excepted but not in lib: " + stale);
    }
  }

  /** {@code name: reason} lines; a builtin listed there is not compared with Nix, for the reason given. */
  private static Map<String, String> exceptions() throws IOException {
    return exceptions("exceptions.txt");
  }

  private static Map<String, String> exceptions(String file) throws IOException {
    Map<String, String> exceptions = new LinkedHashMap<>();
    try (InputStream in = EvaluatorDifferentialTest.class.getResourceAsStream(
        "/nix-eval-differential/" + file)) {

      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int colon = line.indexOf(':');
        if (!line.isBlank() && !line.startsWith("#") && colon > 0) {
          exceptions.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
      }
    }
    return exceptions;
  }

  /**
   * Our verdict: the JSON text, "error", or "unknown". A lib program's prelude is not parsed again: its names are
   * bound to the sources parsed once, applied to {@code { }} as {@code import ./lib.nix { }} does (no primitives).
   */
  private String ours(String program) {
    boolean lib = program.startsWith(LibProgramGenerator.PRELUDE);
    String text = lib ? "{ lib, flake-utils, nix-systems }: builtins.toJSON ("
        + program.substring(LibProgramGenerator.PRELUDE.length()) + ")" : "builtins.toJSON (" + program + ")";
    Term term = TreeLowering.lower(NixFrontEnd.analyze(text)).orElse(null);
    if (term == null) {
      return "error"; // Nix rejects it too (the parser's own differential checks that)
    }
    try {
      Evaluator evaluator = new Evaluator(readingDir, Evaluator.Mode.SYMBOLIC, text, dir.toString());
      Value value = evaluator.eval(term, evaluator.rootEnv());
      if (lib) {
        Thunk none = Thunk.of(new Value.Attrs(Map.of(), false));
        Map<String, Value.Entry> sources = Map.of(
            "lib", entry(() -> evaluator.apply(evaluator.eval(libTerms().get("lib.nix"), evaluator.rootEnv()), none,
                null)),
            "flake-utils", entry(() -> evaluator.apply(evaluator.eval(libTerms().get("flake-utils.nix"),
                evaluator.rootEnv()), none, null)),
            "nix-systems", entry(() -> evaluator.eval(libTerms().get("nix-systems.nix"), evaluator.rootEnv())));
        value = evaluator.apply(value, Thunk.of(new Value.Attrs(sources, false)), null);
      }
      if (value instanceof Failure) {
        return "error";
      }
      return value instanceof Str str && str.literal() != null ? str.literal() : "unknown";
    } catch (Evaluator.Exhausted | StackOverflowError e) {
      return "unknown";
    }
  }

  private static Value.Entry entry(java.util.function.Supplier<Value> value) {
    return new Value.Entry(new Thunk(value), null);
  }

  private static String libText(String source) {
    try (InputStream in = EvaluatorDifferentialTest.class.getResourceAsStream("/nixml/nix/" + source)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static synchronized Map<String, Term> libTerms() {
    if (libTerms == null) {
      libTerms = parseLibSources();
    }
    return libTerms;
  }

  private static Map<String, Term> parseLibSources() {
    Map<String, Term> terms = new java.util.concurrent.ConcurrentHashMap<>();
    Thread parser = new Thread(null, () -> LIB_SOURCES.forEach(source -> terms.put(source,
        TreeLowering.lower(NixFrontEnd.analyze(libText(source))).orElseThrow())), "lib-parser", 64L << 20);
    parser.start();
    try {
      parser.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (terms.size() != LIB_SOURCES.size()) {
      throw new IllegalStateException("nixml's Nix sources do not parse");
    }
    return Map.copyOf(terms);
  }

  /**
   * Nix's verdicts for a batch: each program's JSON text or "error". Each program is traced as Nix reaches it
   * ({@code builtins.trace} of its {@code tryEval}, in list order); an error {@code tryEval} cannot catch (a type
   * error, {@code abort}) stops Nix at the first program not traced, which is marked "error", and Nix goes on with
   * the programs after it.
   */
  private List<String> nix(List<String> programs) throws IOException {
    List<String> verdicts = new ArrayList<>();
    while (verdicts.size() < programs.size()) {
      StringBuilder file = new StringBuilder("[\n");
      for (String program : programs.subList(verdicts.size(), programs.size())) {
        file.append("(builtins.trace (\"@@nixml \" + builtins.toJSON (builtins.tryEval (builtins.toJSON (")
            .append(program).append(")))) null)\n");
      }
      Path batch = dir.resolve("batch-" + BATCHES.incrementAndGet() + ".nix");
      Files.writeString(batch, file.append("]\n"));
      Result result = run(List.of("nix-instantiate", "--eval", "--strict", "--json", batch.toString()), dir);
      int before = verdicts.size();
      for (String line : result.errors().split("\n")) {
        if (line.startsWith(TRACE)) {
          JsonNode verdict = JSON.readTree(line.substring(TRACE.length()));
          verdicts.add(verdict.get("success").asBoolean() ? verdict.get("value").asText() : "error");
        }
      }
      if (result.exitCode() != 0 && verdicts.size() < programs.size()) {
        verdicts.add("error");
      } else if (verdicts.size() == before) {
        throw new AssertionError("nix-instantiate traced no program: " + result.errors());
      }
    }
    return verdicts;
  }

  /**
   * The smallest program, by repeated one-node shrinks, that still disagrees; at most {@value #SHRINK_TRIES}
   * candidates are tried (each one runs Nix), so that many disagreements do not stall the build.
   */
  private Node shrink(Node program) throws IOException {
    Node current = program;
    int tries = 0;
    for (int round = 0; round < 40; round++) {
      Node smaller = null;
      for (Node candidate : EvalProgramGenerator.shrinks(current)) {
        if (++tries > SHRINK_TRIES) {
          return current;
        }
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
