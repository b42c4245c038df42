package io.github.nixml.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A reference tool run as an external process: {@code nix-instantiate --parse} for Nix syntax, {@code --eval}
 * for Nix values, bash for shell text, python's {@code tomllib} for TOML, {@code py_compile} for Python,
 * Microsoft's SARIF multitool for SARIF reports, headless Chromium for HTML pages.
 *
 * <p>Tests that need one call {@link #assumeAvailable()}: without the tool they are skipped with a
 * message saying what to install, unless {@code -Dnixml.requireOracle=true} is set, in which case
 * they fail, so CI can never pass by skipping them.
 */
public enum Oracle {
  NIX_PARSE("nix-instantiate", "install Debian's nix-bin: apt-get install -y nix-bin",
      List.of("nix-instantiate", "--version"), List.of("nix-instantiate", "--parse")),
  /** Evaluates a closed expression strictly and prints its value as JSON (a string: its exact characters). */
  NIX_EVAL("nix-instantiate --eval", "install Debian's nix-bin: apt-get install -y nix-bin",
      List.of("nix-instantiate", "--version"), List.of("nix-instantiate", "--eval", "--strict", "--json")),
  /** Runs a script without profile or rc files; its output (stdout and stderr) is the verdict's. */
  BASH("bash", "install bash", List.of("bash", "--version"), List.of("bash", "--noprofile", "--norc")),
  TOMLLIB("python3 (tomllib)", "install Python 3.11 or newer",
      List.of("python3", "-c", "import tomllib"),
      List.of("python3", "-c", "import tomllib,sys; tomllib.load(open(sys.argv[1],'rb'))")),
  PY_COMPILE("python3 (py_compile)", "install Python 3",
      List.of("python3", "-c", "import py_compile"),
      List.of("python3", "-m", "py_compile")),
  /**
   * The SARIF reference validator at levels error and warning, given a file or a directory of reports; it exits 0
   * even when it reports problems, so any {@code error SARIFnnnn} or {@code warning SARIFnnnn} line rejects.
   */
  SARIF_MULTITOOL("sarif-multitool", "install it: npm install -g @microsoft/sarif-multitool",
      List.of("sarif-multitool", "--version"),
      List.of("sarif-multitool", "validate", Oracle.INPUT, "--level", "Error", "Warning")),
  /** glibc's {@code ldconfig -p}: the loader cache as glibc prints it. */
  LDCONFIG("ldconfig", "install glibc's ldconfig (Debian: libc-bin)",
      List.of("ldconfig", "-p"), List.of("ldconfig", "-p")),
  /** A C compiler building real ELF shared objects for the doctor's tests. */
  GCC("gcc", "install gcc: apt-get install -y gcc", List.of("gcc", "--version"), List.of("gcc")),
  /** Opens a page and prints its DOM as the browser built it: {@link #renderedText(Path)} reads it. */
  CHROMIUM("chromium", "install Debian's chromium: apt-get install -y chromium",
      List.of("chromium", "--headless", "--no-sandbox", "--version"),
      List.of("chromium", "--headless", "--no-sandbox", "--dump-dom", Oracle.INPUT));

  /** Where the input goes in a check command that does not take it last. */
  private static final String INPUT = "{input}";
  /** A problem line of the SARIF multitool. */
  private static final Pattern SARIF_PROBLEM =
      Pattern.compile("(?m)^.*: (error|warning) SARIF\\d+: .*$");

  /** What a reference tool said about one input. */
  public record Verdict(boolean accepted, String output) {}

  private static final long TIMEOUT_SECONDS = 60;

  private final String displayName;
  private final String installHint;
  private final List<String> probeCommand;
  private final List<String> checkCommand;
  private volatile Boolean available;

  Oracle(String displayName, String installHint, List<String> probeCommand, List<String> checkCommand) {
    this.displayName = displayName;
    this.installHint = installHint;
    this.probeCommand = probeCommand;
    this.checkCommand = checkCommand;
  }

  public static boolean required() {
    return Boolean.parseBoolean(System.getProperty("nixml.requireOracle", "false"));
  }

  public boolean isAvailable() {
    Boolean known = available;
    if (known == null) {
      known = probe();
      available = known;
    }
    return known;
  }

  /** Skips the calling test when the tool is absent, or fails it when oracles are required. */
  public void assumeAvailable() {
    if (isAvailable()) {
      return;
    }
    String message = "oracle " + displayName + " not found (" + installHint + ")";
    if (required()) {
      fail(message + "; -Dnixml.requireOracle=true forbids skipping");
    }
    Assumptions.abort("SKIPPED: " + message);
  }

  /** Runs the tool on one file; the exit code decides acceptance. */
  public Verdict check(Path file) {
    assumeAvailable();
    List<String> command = new ArrayList<>(checkCommand);
    int input = command.indexOf(INPUT);
    if (input >= 0) {
      command.set(input, file.toString());
    } else {
      command.add(file.toString());
    }
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(displayName + " did not finish within " + TIMEOUT_SECONDS + "s on " + file);
      }
      String text = new String(output, StandardCharsets.UTF_8);
      boolean problems = this == SARIF_MULTITOOL && SARIF_PROBLEM.matcher(text).find();
      return new Verdict(process.exitValue() == 0 && !problems, text);
    } catch (IOException e) {
      throw new AssertionError("could not run " + displayName + " on " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + displayName, e);
    }
  }

  /**
   * Runs the tool on many files and returns one verdict per file, in order. {@code nix-instantiate
   * --parse} takes many files per process but stops at the first rejected one, so {@link
   * FirstErrorBatches} restarts it after each rejection; the other tools run once per file. Work is
   * spread over {@code -Dnixml.oracle.parallelism} processes at a time (default 2).
   */
  public List<Verdict> checkEach(List<Path> files) {
    assumeAvailable();
    int parallelism = Integer.getInteger("nixml.oracle.parallelism", 2);
    int maxFilesPerProcess = this == NIX_PARSE ? FirstErrorBatches.DEFAULT_FILES_PER_PROCESS : 1;
    return new FirstErrorBatches(displayName, checkCommand, maxFilesPerProcess, TIMEOUT_SECONDS)
        .run(files, parallelism);
  }

  /**
   * The text of an HTML page as headless Chromium renders it: its DOM after loading ({@code --dump-dom}, the
   * browser's own parse), without head, style and script, tags dropped, entities decoded, whitespace collapsed.
   */
  public String renderedText(Path page) {
    if (this != CHROMIUM) {
      throw new IllegalStateException(displayName + " does not render pages");
    }
    assumeAvailable();
    List<String> command = new ArrayList<>(checkCommand);
    command.set(command.indexOf(INPUT), page.toAbsolutePath().toUri().toString());
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
      String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(displayName + " did not finish within " + TIMEOUT_SECONDS + "s on " + page);
      }
      if (process.exitValue() != 0 || !dom.contains("<body")) {
        throw new AssertionError(displayName + " could not render " + page + " (exit " + process.exitValue() + ")");
      }
      String body = dom.replaceAll("(?s)<head>.*?</head>|<style.*?</style>|<script.*?</script>", " ");
      String text = body.replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">")
          .replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
      return text.replaceAll("\\s+", " ").trim();
    } catch (IOException e) {
      throw new AssertionError("could not run " + displayName + " on " + page + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + displayName, e);
    }
  }

  private boolean probe() {
    try {
      Process process = new ProcessBuilder(probeCommand).redirectErrorStream(true).start();
      process.getOutputStream().close();
      process.getInputStream().readAllBytes();
      return process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
