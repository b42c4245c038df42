package io.github.nixml.nix.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.nixml.testing.Oracle;
import io.github.nixml.testing.Oracle.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our accept/reject verdict must equal {@code nix-instantiate --parse}'s, on every hand-written
 * corpus program and on several thousand generated and mutated programs per run.
 *
 * <p>{@code -Dnixml.fuzz.count} (default 3000) sets how many programs, {@code -Dnixml.fuzz.seed}
 * the run's seed (default: random, printed). Every disagreement is written, with its program,
 * both verdicts and a replay command, to {@code target/nix-differential/generated.txt} or {@code corpus.txt}.
 */
class NixDifferentialTest {
  private static final int DEFAULT_COUNT = 3000;
  private static final int SHOWN_IN_FAILURE = 5;
  /** Disagreements shrunk to a smaller program with the same disagreement, each within the budget. */
  private static final int SHRUNK = 3;
  private static final long SHRINK_BUDGET_MILLIS = Long.getLong("nixml.fuzz.shrinkMillis", 15_000);
  private static final Path REPORTS = Path.of("target", "nix-differential");

  @TempDir
  Path dir;

  @Test
  void generatedAndMutatedProgramsGetNixsVerdict() throws IOException {
    Oracle.NIX_PARSE.assumeAvailable();
    int count = Integer.getInteger("nixml.fuzz.count", DEFAULT_COUNT);
    long runSeed = Long.getLong("nixml.fuzz.seed", ThreadLocalRandom.current().nextLong());
    List<String> corpus = OracleCorpus.texts();

    List<FuzzCase> cases = new ArrayList<>(count);
    List<Path> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      FuzzCase fuzzCase = FuzzCase.create(i, FuzzCase.caseSeed(runSeed, i), corpus);
      cases.add(fuzzCase);
      files.add(write(String.format("case-%06d.nix", i), fuzzCase.program()));
    }
    long start = System.nanoTime();
    List<Verdict> nix = Oracle.NIX_PARSE.checkEach(files);
    long oracleMillis = (System.nanoTime() - start) / 1_000_000;

    List<String> disagreements = new ArrayList<>();
    int nixAccepted = 0;
    for (int i = 0; i < count; i++) {
      FuzzCase fuzzCase = cases.get(i);
      // What Nix read, decoded: a lone surrogate left by a mutation was written as '?'.
      String text = Files.readString(files.get(i), StandardCharsets.UTF_8);
      OurVerdict ours = OurVerdict.of(text);
      Verdict theirs = nix.get(i);
      nixAccepted += theirs.accepted() ? 1 : 0;
      if (ours.accepted() != theirs.accepted() || ours.isCrash()) {
        String shrunk = disagreements.size() < SHRUNK
            ? new DisagreementShrinker(dir.resolve("shrink-" + i), SHRINK_BUDGET_MILLIS)
                .shrink(text, theirs.accepted(), ours)
            : null;
        disagreements.add(describe(fuzzCase.origin() + ", case " + i + " of run seed " + runSeed,
            "-Dnixml.fuzz.seed=" + fuzzCase.seed() + " -Dnixml.fuzz.count=1", text, theirs, ours, shrunk));
      }
    }
    System.out.printf("nix differential: %d programs (run seed %d), Nix accepted %d and rejected %d,"
            + " oracle took %d ms; %d disagreements%n",
        count, runSeed, nixAccepted, count - nixAccepted, oracleMillis, disagreements.size());
    assertThat(nixAccepted).as("the generator must give Nix both valid and invalid programs")
        .isBetween(count / 5, count - count / 10);
    failOn(disagreements, "generated.txt", "of " + count + " generated programs (run seed " + runSeed + ")");
  }

  @Test
  void corpusProgramsGetNixsVerdict() throws IOException {
    Oracle.NIX_PARSE.assumeAvailable();
    List<Path> corpus = OracleCorpus.files();
    assertThat(corpus).hasSizeGreaterThan(20);
    List<Verdict> nix = Oracle.NIX_PARSE.checkEach(corpus);
    List<String> mislabelled = new ArrayList<>();
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      Path file = corpus.get(i);
      Verdict theirs = nix.get(i);
      if (theirs.accepted() != OracleCorpus.expectedAccepted(file)) {
        mislabelled.add(file.getFileName() + ": Nix " + (theirs.accepted() ? "accepts" : "rejects: " + theirs.output()));
      }
      OurVerdict ours = OurVerdict.of(OracleCorpus.read(file));
      if (ours.accepted() != theirs.accepted() || ours.isCrash()) {
        disagreements.add(describe("corpus " + file.getFileName(), "-Dtest=NixDifferentialTest",
            OracleCorpus.read(file), theirs, ours, null));
      }
    }
    assertThat(mislabelled).as("corpus file names (accept-/reject-) must match Nix's verdict").isEmpty();
    failOn(disagreements, "corpus.txt", "of " + corpus.size() + " corpus programs");
  }

  /** Without Nix: the corpus names say what Nix decides, so our verdict is checked anyway. */
  @Test
  void corpusProgramsGetTheVerdictInTheirName() {
    List<String> wrong = new ArrayList<>();
    for (Path file : OracleCorpus.files()) {
      OurVerdict ours = OurVerdict.of(OracleCorpus.read(file));
      if (ours.accepted() != OracleCorpus.expectedAccepted(file) || ours.isCrash()) {
        wrong.add(file.getFileName() + ": " + ours.description());
      }
    }
    assertThat(wrong).as("our verdicts on the corpus").isEmpty();
  }

  private Path write(String name, String program) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, program, StandardCharsets.UTF_8);
    return file;
  }

  private static String describe(String where, String replay, String program, Verdict theirs, OurVerdict ours,
      String shrunk) {
    String smaller = shrunk == null || shrunk.equals(program) ? ""
        : "--- shrunk to (same disagreement) ---\n" + shrunk + "\n";
    return "=== " + where + "\n"
        + "replay: mvn -B -pl validator-plugin test -Dtest=NixDifferentialTest " + replay + "\n"
        + "nix:  " + (theirs.accepted() ? "accepted" : "rejected: " + theirs.output().strip()) + "\n"
        + "ours: " + ours.description() + "\n"
        + smaller
        + "--- program ---\n" + program + "\n--- end ---\n";
  }

  private static void failOn(List<String> disagreements, String reportName, String scope) throws IOException {
    if (disagreements.isEmpty()) {
      return;
    }
    Path report = REPORTS.resolve(reportName);
    Files.createDirectories(REPORTS);
    Files.writeString(report, String.join("\n", disagreements), StandardCharsets.UTF_8);
    StringBuilder message = new StringBuilder()
        .append(disagreements.size()).append(" disagreements with nix-instantiate --parse ")
        .append(scope).append("; all in ").append(report.toAbsolutePath()).append(", the first:\n");
    disagreements.stream().limit(SHOWN_IN_FAILURE).forEach(d -> message.append(d).append('\n'));
    fail(message.toString());
  }
}
