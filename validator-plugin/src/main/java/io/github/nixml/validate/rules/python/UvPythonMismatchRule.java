package io.github.nixml.validate.rules.python;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.PythonInterpreter;
import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellPiece;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.ShellWord;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code uv-python-mismatch}: {@code UV_PYTHON} (a shell attribute, an {@code env} entry or exported by a hook)
 * names an interpreter of another major.minor than every interpreter the shell brings:
 * {@code "${pkgs.python313}/bin/python"} or {@code 3.13} in a {@code python314} shell. Why: uv then builds the venv
 * from that other interpreter, a foreign one (downloaded, or another store path), so native wheels and the
 * shell's libraries disagree, or uv fails with "No interpreter found".
 */
public final class UvPythonMismatchRule extends DevShellRule {

  /** {@code 3.13}, {@code python3.13}, {@code cpython@3.13}, {@code cpython-3.13.1}… */
  private static final Pattern VERSION = Pattern.compile("(?:c?python)?[@-]?(3)\\.(\\d+)(?:\\.\\d+)?[a-z]*");

  public UvPythonMismatchRule() {
    super(RuleDescriptor.of("uv-python-mismatch", Severity.ERROR,
        "UV_PYTHON names another interpreter than the shell's."));
  }

  /** What UV_PYTHON names: a version, and where. */
  private record Named(String version, String display, SourceSpan at) {}

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    Set<String> versions = new TreeSet<>();
    shell.interpreters().forEach(interpreter -> versions.add(interpreter.version()));
    if (versions.isEmpty()) {
      return;
    }
    Optional<Named> named = Optional.empty();
    if (shell.env().containsKey("UV_PYTHON")) {
      named = named(shell.env().get("UV_PYTHON").value(), shell.env().get("UV_PYTHON").location());
    } else {
      for (ShellText hook : shell.hooks()) {
        for (ShellCommand.Assignment assignment : hook.commands().stream()
            .flatMap(command -> command.assignments().stream()).toList()) {
          if (assignment.name().equals("UV_PYTHON")) {
            named = named(assignment.value(), hook.location()); // the last assignment wins
          }
        }
      }
    }
    if (named.isEmpty() || versions.contains(named.get().version())) {
      return;
    }
    PythonInterpreter first = shell.interpreters().get(0);
    sink.report(model.at(named.get().at()), "UV_PYTHON names " + named.get().display() + " (Python "
        + named.get().version() + ") but the shell's interpreter is " + first.attribute() + " ("
        + model.where(first.ref().location()) + "): uv builds the venv from a foreign interpreter; set UV_PYTHON = "
        + "\"${pkgs." + first.attribute() + "}/bin/python\" or drop it", List.of(model.at(first.ref().location())));
  }

  /** The version a UV_PYTHON value names: an interpolated python3XY, or a literal version request. */
  private static Optional<Named> named(ShellWord value, SourceSpan fallback) {
    for (ShellWord.Segment segment : value.segments()) {
      if (segment instanceof ShellWord.Piece piece && piece.piece() instanceof ShellPiece.PackagePath path) {
        Optional<PythonInterpreter> interpreter =
            new PackageRef(path.attrPath(), null, PlatformGuard.ALWAYS, fallback).pythonInterpreter();
        return interpreter.map(i -> new Named(i.version(), String.join(".", path.attrPath()),
            path.location() != null ? path.location() : fallback));
      }
    }
    String literal = value.literal();
    if (literal == null) {
      return Optional.empty();
    }
    String name = literal.strip();
    name = name.substring(name.lastIndexOf('/') + 1);
    Matcher matcher = VERSION.matcher(name);
    return matcher.matches()
        ? Optional.of(new Named(matcher.group(1) + "." + matcher.group(2), "'" + literal.strip() + "'", fallback))
        : Optional.empty();
  }
}
