package io.github.nixml.nix.oracle;

import io.github.nixml.nix.NixDiagnostic;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Our front-end's accept/reject verdict on one program. A throw, a stack overflow or a run longer
 * than {@link #TIMEOUT_SECONDS} is recorded as a verdict of its own, never as acceptance, so the
 * differential test reports it instead of crashing or hanging.
 */
record OurVerdict(boolean accepted, String description) {
  static final long TIMEOUT_SECONDS = 10;

  static OurVerdict of(String text) {
    ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(null, runnable, "front-end-under-test", 0);
      thread.setDaemon(true);
      return thread;
    });
    try {
      Future<OurVerdict> verdict = worker.submit(() -> analyze(text));
      return verdict.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return new OurVerdict(false, "HUNG: NixFrontEnd.analyze ran longer than " + TIMEOUT_SECONDS + "s");
    } catch (ExecutionException e) {
      return new OurVerdict(false, "THREW: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      worker.shutdownNow();
    }
  }

  /** Runs on the calling thread: for callers that check many programs and guard time themselves. */
  static OurVerdict analyze(String text) {
    try {
      NixFile file = NixFrontEnd.analyze(text);
      if (!file.hasErrors()) {
        return new OurVerdict(true, "accepted");
      }
      return new OurVerdict(false, "rejected: " + file.diagnostics().stream()
          .map(OurVerdict::describe)
          .collect(Collectors.joining("; ")));
    } catch (Throwable e) { // a StackOverflowError too: the contract is that analyze never throws
      return new OurVerdict(false, "THREW: " + e);
    }
  }

  private static String describe(NixDiagnostic d) {
    return d.line() + ":" + d.column() + " " + d.kind() + " " + d.message();
  }

  boolean isCrash() {
    return description.startsWith("THREW") || description.startsWith("HUNG");
  }
}
