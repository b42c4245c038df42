package io.github.nixml.nix.oracle;

import io.github.nixml.testing.Oracle;
import io.github.nixml.testing.Oracle.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a program on which we and Nix disagree to a smaller one with the same disagreement
 * (delta debugging over rough tokens: drop halves, then quarters, … then single tokens, keeping
 * each drop after which Nix's verdict and ours are both unchanged). Our verdict is cheap, so
 * candidates are filtered by it first; Nix checks the survivors a few per round, within a time budget.
 */
final class DisagreementShrinker {
  private static final int CANDIDATES_PER_ROUND = 12;

  private final Path dir;
  private final long deadlineNanos;
  private int written;

  DisagreementShrinker(Path dir, long budgetMillis) {
    this.dir = dir;
    this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000;
  }

  String shrink(String program, boolean nixAccepted, OurVerdict ours) {
    List<String> tokens = new ArrayList<>(NixMutator.tokenTexts(program));
    int chunk = Math.max(1, tokens.size() / 2);
    while (chunk >= 1 && System.nanoTime() < deadlineNanos) {
      List<List<String>> candidates = new ArrayList<>();
      for (int start = 0; start < tokens.size(); start += chunk) {
        List<String> candidate = new ArrayList<>(tokens.subList(0, start));
        candidate.addAll(tokens.subList(Math.min(tokens.size(), start + chunk), tokens.size()));
        if (sameKind(OurVerdict.analyze(String.join("", candidate)), ours)) {
          candidates.add(candidate);
        }
      }
      List<String> kept = firstNixAgrees(candidates, nixAccepted);
      if (kept != null) {
        tokens = kept;
        chunk = Math.min(chunk, Math.max(1, tokens.size() / 2));
      } else {
        chunk = chunk == 1 ? 0 : chunk / 2;
      }
    }
    return String.join("", tokens);
  }

  private static boolean sameKind(OurVerdict candidate, OurVerdict original) {
    return candidate.accepted() == original.accepted() && candidate.isCrash() == original.isCrash();
  }

  private List<String> firstNixAgrees(List<List<String>> candidates, boolean nixAccepted) {
    for (int from = 0; from < candidates.size() && System.nanoTime() < deadlineNanos; from += CANDIDATES_PER_ROUND) {
      List<List<String>> round = candidates.subList(from, Math.min(candidates.size(), from + CANDIDATES_PER_ROUND));
      List<Path> files = new ArrayList<>();
      for (List<String> candidate : round) {
        files.add(write(String.join("", candidate)));
      }
      List<Verdict> verdicts = Oracle.NIX_PARSE.checkEach(files);
      for (int i = 0; i < round.size(); i++) {
        if (verdicts.get(i).accepted() == nixAccepted) {
          return round.get(i);
        }
      }
    }
    return null;
  }

  private Path write(String program) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(String.format("shrink-%06d.nix", written++));
      Files.writeString(file, program, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
