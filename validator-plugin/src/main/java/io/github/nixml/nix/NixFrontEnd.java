package io.github.nixml.nix;

import io.github.nixml.nix.bind.BindProblem;
import io.github.nixml.nix.bind.Binder;
import io.github.nixml.nix.bind.Bindings;
import io.github.nixml.nix.syntax.LineIndex;
import io.github.nixml.nix.syntax.ParseResult;
import io.github.nixml.nix.syntax.Parser;
import io.github.nixml.nix.syntax.SyntaxError;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Entry point of the Nix front-end: parse, then bind. Never throws on any input. */
public final class NixFrontEnd {
  /**
   * Parsing follows Nix's own nesting limit (about 10,000 parser stack entries), deeper than a
   * default thread stack allows for a recursive-descent parser, so the work runs on a thread with
   * a stack big enough for that limit (reserved, committed only as used).
   */
  private static final long PARSER_STACK_BYTES = 512L << 20;

  /**
   * Big-stack workers, reused across calls (starting a thread per file cost more than parsing a
   * small file); idle ones end after a while, and being daemons they never keep a JVM alive.
   */
  private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30,
      TimeUnit.SECONDS, new SynchronousQueue<>(), NixFrontEnd::newWorker);

  private NixFrontEnd() {}

  private static Thread newWorker(Runnable task) {
    Thread worker = new Thread(null, task, "nix-front-end", PARSER_STACK_BYTES);
    worker.setDaemon(true);
    worker.setContextClassLoader(NixFrontEnd.class.getClassLoader());
    return worker;
  }

  /** Parses and binds a Nix file given as text. */
  public static NixFile analyze(String text) {
    String source = text == null ? "" : text;
    Future<NixFile> result;
    try {
      result = WORKERS.submit(() -> analyzeOnThisThread(source));
    } catch (RejectedExecutionException e) {
      return failed(source, e);
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return result.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) { // StackOverflowError included: reported as data
          return failed(source, e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Parses and binds a Nix file given as bytes: UTF-8, malformed sequences replaced by U+FFFD. */
  public static NixFile analyze(byte[] bytes) {
    return analyze(decode(bytes));
  }

  static String decode(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(bytes, StandardCharsets.UTF_8); // unreachable with REPLACE
    }
  }

  static NixFile analyzeOnThisThread(String text) {
    ParseResult parsed = Parser.parse(text);
    LineIndex lines = new LineIndex(text);
    List<NixDiagnostic> diagnostics = new ArrayList<>();
    for (SyntaxError error : parsed.errors()) {
      NixDiagnostic.Kind kind = error.kind() == SyntaxError.Kind.TOO_DEEP
          ? NixDiagnostic.Kind.TOO_DEEP : NixDiagnostic.Kind.SYNTAX;
      diagnostics.add(diagnostic(lines, kind, error.message(), error.offset(), error.length()));
    }
    Bindings bindings = Binder.bind(parsed.root(), lines);
    boolean syntaxErrors = !parsed.errors().isEmpty();
    for (BindProblem problem : bindings.problems()) {
      if (syntaxErrors && problem.kind() == BindProblem.Kind.UNDEFINED_VARIABLE) {
        continue; // Nix stops at the syntax error; names in broken code are noise
      }
      diagnostics.add(diagnostic(lines, kindOf(problem.kind()), problem.message(), problem.offset(),
          problem.length()));
    }
    diagnostics.sort(Comparator.comparingInt(NixDiagnostic::offset));
    return new NixFile(text, parsed, lines, bindings, diagnostics);
  }

  private static NixDiagnostic.Kind kindOf(BindProblem.Kind kind) {
    return switch (kind) {
      case DUPLICATE_ATTRIBUTE -> NixDiagnostic.Kind.DUPLICATE_ATTRIBUTE;
      case DUPLICATE_FORMAL -> NixDiagnostic.Kind.DUPLICATE_FORMAL;
      case UNDEFINED_VARIABLE -> NixDiagnostic.Kind.UNDEFINED_VARIABLE;
      case SYNTAX -> NixDiagnostic.Kind.SYNTAX;
    };
  }

  static NixDiagnostic diagnostic(LineIndex lines, NixDiagnostic.Kind kind, String message, int offset,
      int length) {
    return new NixDiagnostic(kind, message, offset, length, lines.line(offset), lines.column(offset));
  }

  private static NixFile failed(String text, Throwable cause) {
    // Only reachable if the parser has a bug; still an answer, not an exception.
    ParseResult empty = Parser.parse("");
    LineIndex lines = new LineIndex(text);
    String reason = cause == null ? "unknown failure" : cause.getClass().getSimpleName();
    NixDiagnostic.Kind kind = cause instanceof StackOverflowError
        ? NixDiagnostic.Kind.TOO_DEEP : NixDiagnostic.Kind.SYNTAX;
    List<NixDiagnostic> diagnostics = List.of(
        diagnostic(lines, kind, "internal parser failure (" + reason + "); file not analyzed", 0, 0));
    return new NixFile(text, empty, lines, Binder.bind(empty.root(), lines), diagnostics);
  }
}
