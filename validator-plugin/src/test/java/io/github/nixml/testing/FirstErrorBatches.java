package io.github.nixml.testing;

import io.github.nixml.testing.Oracle.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a checker that accepts many files per process but stops at the first file it rejects
 * ({@code nix-instantiate --parse f1 f2 ...} works so: it prints each accepted file's expression,
 * then exits 1 on the first error, naming that file in the message).
 *
 * <p>Process start-up (~40 ms) dominates the cost of a small file, so accepted files are checked many
 * per process: a run over files {@code f1..fn} that fails names the rejected file {@code fk}, which
 * tells us {@code f1..fk-1} were accepted; the next process starts at {@code fk+1}. When the message
 * names none of the files, the first file is checked alone, so a verdict is never guessed.
 */
final class FirstErrorBatches {
  static final int DEFAULT_FILES_PER_PROCESS = 200;
  /** Files handed to one worker at a time, so both workers stay busy to the end. */
  private static final int CHUNK = 100;

  private final String displayName;
  private final List<String> command;
  private final int maxFilesPerProcess;
  private final long timeoutSeconds;

  FirstErrorBatches(String displayName, List<String> command, int maxFilesPerProcess, long timeoutSeconds) {
    this.displayName = displayName;
    this.command = List.copyOf(command);
    this.maxFilesPerProcess = maxFilesPerProcess;
    this.timeoutSeconds = timeoutSeconds;
  }

  List<Verdict> run(List<Path> files, int parallelism) {
    if (parallelism <= 1 || files.size() <= CHUNK) {
      return runSequentially(files);
    }
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, runnable -> {
      Thread thread = new Thread(runnable, "oracle-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<List<Verdict>>> parts = new ArrayList<>();
      for (int from = 0; from < files.size(); from += CHUNK) {
        List<Path> chunk = files.subList(from, Math.min(files.size(), from + CHUNK));
        parts.add(pool.submit(() -> runSequentially(chunk)));
      }
      List<Verdict> verdicts = new ArrayList<>(files.size());
      for (Future<List<Verdict>> part : parts) {
        verdicts.addAll(part.get());
      }
      return verdicts;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + displayName, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AssertionError assertion) {
        throw assertion;
      }
      throw new AssertionError("running " + displayName + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Verdict> runSequentially(List<Path> files) {
    List<Verdict> verdicts = new ArrayList<>(files.size());
    int next = 0;
    while (next < files.size()) {
      List<Path> batch = files.subList(next, Math.min(files.size(), next + maxFilesPerProcess));
      Outcome outcome = execute(batch);
      if (outcome.exitCode == 0) {
        batch.forEach(file -> verdicts.add(new Verdict(true, "")));
        next += batch.size();
        continue;
      }
      int rejected = batch.size() == 1 ? 0 : indexOfNamedFile(batch, outcome.output);
      if (rejected < 0) {
        // The message names no file of the batch: check the first one alone.
        Outcome alone = execute(batch.subList(0, 1));
        verdicts.add(new Verdict(alone.exitCode == 0, alone.output));
        next += 1;
        continue;
      }
      for (int i = 0; i < rejected; i++) {
        verdicts.add(new Verdict(true, ""));
      }
      verdicts.add(new Verdict(false, outcome.output));
      next += rejected + 1;
    }
    return verdicts;
  }

  /** The first file of the batch that the error message names as {@code path:line:col}. */
  private static int indexOfNamedFile(List<Path> batch, String message) {
    int best = -1;
    int bestPosition = Integer.MAX_VALUE;
    for (int i = 0; i < batch.size(); i++) {
      int position = message.indexOf(batch.get(i).toAbsolutePath() + ":");
      if (position >= 0 && position < bestPosition) {
        best = i;
        bestPosition = position;
      }
    }
    return best;
  }

  private record Outcome(int exitCode, String output) {}

  private Outcome execute(List<Path> batch) {
    List<String> full = new ArrayList<>(command);
    batch.forEach(file -> full.add(file.toAbsolutePath().toString()));
    Path errors = null;
    try {
      // Errors go to a file and the expressions nowhere, so the process never blocks on a full pipe.
      errors = Files.createTempFile("oracle-", ".err");
      Process process = new ProcessBuilder(full)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(errors.toFile())
          .start();
      process.getOutputStream().close();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(displayName + " did not finish within " + timeoutSeconds + "s on " + batch);
      }
      // Nix echoes a program's odd bytes (a NUL, malformed UTF-8) as they are: decode leniently.
      return new Outcome(process.exitValue(), new String(Files.readAllBytes(errors), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("could not run " + displayName + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + displayName, e);
    } finally {
      deleteQuietly(errors);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover file in the temp directory is harmless
    }
  }
}
