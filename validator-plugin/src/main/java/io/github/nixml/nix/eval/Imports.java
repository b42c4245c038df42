package io.github.nixml.nix.eval;

import io.github.nixml.nix.NixDiagnostic;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.syntax.SourceSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code import} of the local files of one evaluation: a {@code .nix} file, or a
 * directory's {@code default.nix}, under the host's readable root ({@link Host#readableRoot}) is read (through
 * {@link Host#importText}, so a host may hand over texts not yet written), parsed, lowered with every span naming
 * the file, and evaluated lazily by the same evaluator (same step budget), once per file. Outside the root, a
 * missing file, a file Nix would reject, an import cycle: unknown, with the reason kept in {@link #problems()}.
 */
final class Imports {

  /** A file imported in this evaluation: its name (relative to the root), text and absolute directory. */
  record ImportedFile(String name, String text, String directory) {}

  private final Evaluator evaluator;
  private final Map<String, ImportedFile> files = new HashMap<>();
  private final Map<String, Thunk> values = new HashMap<>();
  private final Map<String, String> problems = new LinkedHashMap<>();
  /** The files being evaluated now: one met again is an import cycle. */
  private final Set<String> running = new HashSet<>();

  Imports(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** A file read so far, by its name; null when none of that name was imported. */
  ImportedFile file(String name) {
    return files.get(name);
  }

  /** Why each file that stayed unknown did, by the path written (relative to the root where it lies inside). */
  Map<String, String> problems() {
    return Map.copyOf(problems);
  }

  /**
   * {@code import path}: the file's value, or unknown with the reason recorded. The argument is a path, or a string
   * naming an absolute one.
   */
  Value load(Value argument, SourceSpan at) {
    Object resolved = resolve(argument, at);
    if (resolved instanceof Value stop) {
      return stop;
    }
    Located located = (Located) resolved;
    Path file = Files.isDirectory(located.file()) ? located.file().resolve("default.nix") : located.file();
    String name = located.root().relativize(file).toString().replace('\\', '/');
    Thunk cached = values.get(name);
    if (cached == null) {
      Path target = file;
      cached = new Thunk(() -> evaluate(name, target));
      values.put(name, cached);
    }
    Value value = cached.force();
    if (value == Value.UNKNOWN && !problems.containsKey(name) && running.contains(name)) {
      problems.put(name, "imports itself (an import cycle)");
    }
    return value;
  }

  /**
   * The text of a local file the argument names (a data file: {@code devshell.toml}), read and kept like an
   * imported one, not evaluated; empty when it cannot be read, the reason recorded.
   */
  Optional<ImportedFile> read(Value argument, SourceSpan at) {
    if (!(resolve(argument, at) instanceof Located located)) {
      return Optional.empty();
    }
    String name = located.root().relativize(located.file()).toString().replace('\\', '/');
    ImportedFile known = files.get(name);
    if (known == null) {
      Optional<String> text = Files.isRegularFile(located.file())
          ? evaluator.host().importText(name, located.file()) : Optional.empty();
      if (text.isEmpty()) {
        unknown(name, Files.isRegularFile(located.file()) ? "cannot be read" : "no such file");
        return Optional.empty();
      }
      known = new ImportedFile(name, text.get(), located.file().getParent().toString());
      files.put(name, known);
    }
    return Optional.of(known);
  }

  /** A local file under the real root. */
  private record Located(Path root, Path file) {}

  /** The file a path argument names under the readable root ({@link Located}), or the value to stop with. */
  private Object resolve(Value argument, SourceSpan at) {
    String path = argument instanceof Value.Path p ? p.path()
        : argument instanceof Value.Str str && str.literal() != null ? str.literal() : null;
    if (path == null) {
      return Value.UNKNOWN;
    }
    if (!path.startsWith("/")) {
      return new Value.Failure(Value.FailureKind.OTHER, "string '" + path + "' doesn't represent an absolute path",
          at);
    }
    Path root = evaluator.host().readableRoot();
    if (root == null) {
      return unknown(path, "no directory may be read here");
    }
    Optional<Path> found = FileBuiltins.underRoot(root, path);
    if (found.isEmpty()) {
      return unknown(path, "outside the project's directory, not read");
    }
    try {
      return new Located(root.toRealPath(), found.get());
    } catch (java.io.IOException e) {
      return unknown(path, "the project's directory cannot be read");
    }
  }

  private Value evaluate(String name, Path file) {
    if (!Files.isRegularFile(file)) {
      return unknown(name, "no such file");
    }
    ImportedFile known = files.get(name);
    if (known == null) {
      Optional<String> text = evaluator.host().importText(name, file);
      if (text.isEmpty()) {
        return unknown(name, "cannot be read");
      }
      known = new ImportedFile(name, text.get(), file.getParent().toString());
      files.put(name, known);
    }
    NixFile parsed = NixFrontEnd.analyze(known.text());
    if (parsed.hasErrors()) {
      NixDiagnostic first = parsed.diagnostics().get(0);
      return unknown(name, "Nix rejects it (" + first.line() + ":" + first.column() + ": " + first.message() + ")");
    }
    Optional<Term> term = TreeLowering.lower(parsed, name);
    if (term.isEmpty()) {
      return unknown(name, "not understood");
    }
    running.add(name);
    try {
      return evaluator.eval(term.get(), evaluator.rootEnv());
    } finally {
      running.remove(name);
    }
  }

  private Value unknown(String name, String reason) {
    problems.putIfAbsent(name, reason);
    return Value.UNKNOWN;
  }
}
