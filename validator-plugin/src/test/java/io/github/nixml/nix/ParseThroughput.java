package io.github.nixml.nix;

import io.github.nixml.nix.bind.Binder;
import io.github.nixml.nix.bind.Bindings;
import io.github.nixml.nix.syntax.Lexer;
import io.github.nixml.nix.syntax.LineIndex;
import io.github.nixml.nix.syntax.ParseResult;
import io.github.nixml.nix.syntax.Parser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain harness (not a test) for the front-end's own figures: warm parse+bind CPU time per MB
 * and retained tree size, on a given file or a generated all-packages-like file of about 1 MB.
 * The differential benchmark against nix-instantiate lives with the oracle tests.
 *
 * <pre>
 * mvn -B -q -pl validator-plugin test-compile
 * java -cp validator-plugin/target/classes:validator-plugin/target/test-classes \
 *     io.github.nixml.nix.ParseThroughput [file.nix]
 * </pre>
 */
public final class ParseThroughput {
  private ParseThroughput() {}

  public static void main(String[] args) throws Exception {
    String text = args.length == 0 ? allPackagesLike(1_000_000)
        : args[0].equals("--oracle-shape")
            ? io.github.nixml.nix.bench.AllPackagesLike.generate(20_240_501L, 1_000_000)
            : Files.readString(Path.of(args[0]));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    long bestLex = Long.MAX_VALUE;
    long bestParse = Long.MAX_VALUE;
    long bestBind = Long.MAX_VALUE;
    long bestAnalyze = Long.MAX_VALUE;
    for (int round = 0; round < 30; round++) {
      long start = cpu.getCurrentThreadCpuTime();
      Lexer.tokenize(text);
      long lexed = cpu.getCurrentThreadCpuTime();
      ParseResult parsed = Parser.parse(text);
      long parsedAt = cpu.getCurrentThreadCpuTime();
      Bindings bindings = Binder.bind(parsed.root(), new LineIndex(text));
      long bound = cpu.getCurrentThreadCpuTime();
      if (parsed.errors().size() + bindings.problems().size() > 0) {
        throw new IllegalStateException("input has errors");
      }
      bestLex = Math.min(bestLex, lexed - start);
      bestParse = Math.min(bestParse, parsedAt - lexed);
      bestBind = Math.min(bestBind, bound - parsedAt);
      best = Math.min(best, bound - lexed);
      // the public entry point, on this thread: CPU of the calling thread excludes a worker thread
      long before = cpu.getCurrentThreadCpuTime();
      NixFile file = NixFrontEnd.analyzeOnThisThread(text);
      bestAnalyze = Math.min(bestAnalyze, cpu.getCurrentThreadCpuTime() - before);
      if (file.hasErrors()) {
        throw new IllegalStateException("input has errors");
      }
    }
    System.out.printf("best CPU: lex %.1f ms, lex+parse %.1f ms, bind %.1f ms, analyze (lex+parse+bind+diagnostics) %.1f ms"
        + " = %.1f MB/s%n", bestLex / 1e6, bestParse / 1e6, bestBind / 1e6, bestAnalyze / 1e6,
        text.length() / 1e6 / (bestAnalyze / 1e9));
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    ParseResult kept = Parser.parse(text);
    System.gc();
    long after = runtime.totalMemory() - runtime.freeMemory();
    System.out.printf("%d chars; best warm parse+bind %.1f ms CPU = %.1f MB/s; tree retains ~%.1f x source%n",
        text.length(), best / 1e6, text.length() / 1e6 / (best / 1e9), (after - before) / (double) text.length());
    if (kept.green().width() != text.length()) {
      throw new IllegalStateException("tree lost text");
    }
  }

  /** A function returning a big set of callPackage applications, inherits, lists and strings. */
  static String allPackagesLike(int size) {
    StringBuilder text = new StringBuilder("{ pkgs, lib, callPackage, ... }:\n\nwith pkgs;\n{\n");
    int i = 0;
    while (text.length() < size) {
      text.append("  # package ").append(i).append('\n')
          .append("  pkg").append(i).append(" = callPackage ./pkgs/pkg").append(i).append(" {\n")
          .append("    inherit lib stdenv;\n")
          .append("    version = \"1.").append(i).append(".0\";\n")
          .append("    buildInputs = [ zlib openssl python3Packages.numpy ];\n")
          .append("    meta.description = ''\n      Package number ").append(i).append(" (${lib.version})\n    '';\n")
          .append("  };\n");
      i++;
    }
    return text.append("}\n").toString();
  }
}
