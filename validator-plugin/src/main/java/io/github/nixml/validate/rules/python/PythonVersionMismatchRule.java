package io.github.nixml.validate.rules.python;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.PythonInterpreter;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.facts.ProjectFacts;
import io.github.nixml.validate.python.PythonVersionFile;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code python-version-mismatch}: {@code .python-version} asks for one major.minor, the dev shell's interpreter
 * ({@code python3XY}, or plain {@code python3} where the facts per release say what it is on the locked nixpkgs) is
 * another. Why: uv creates the venv from {@code .python-version}; with downloads off it
 * fails ("No interpreter found for Python 3.12"), with downloads on it silently uses a foreign, non-Nix Python
 * whose wheels cannot find the shell's libraries. Fires once per disagreeing interpreter, at its first reference.
 */
public final class PythonVersionMismatchRule extends DevShellRule {

  public PythonVersionMismatchRule() {
    super(RuleDescriptor.of("python-version-mismatch", Severity.ERROR,
        ".python-version and the dev shell's interpreter differ in major.minor."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    PythonVersionFile file = model.context().get(ProjectFacts.PYTHON_VERSION);
    Optional<PythonVersionFile.Entry> entry = file.first();
    Optional<String> wanted = file.request().flatMap(r -> r.majorMinor());
    if (entry.isEmpty() || wanted.isEmpty()) {
      return; // missing-file or python-version-format reports it
    }
    Location pinned = entry.get().location();
    if (model.interpreters(shell).stream().anyMatch(interpreter -> interpreter.version().equals(wanted.get()))) {
      return; // the pinned version is in the shell (a second one beside it is python-interpreter-conflict's)
    }
    Set<String> reported = new HashSet<>();
    for (PythonInterpreter interpreter : model.interpreters(shell)) {
      if (interpreter.version().equals(wanted.get()) || !reported.add(interpreter.version())) {
        continue;
      }
      sink.report(model.at(interpreter.ref().location()),
          ".python-version says " + wanted.get() + " but the shell's interpreter is " + interpreter.describe()
              + " (" + pinned + "); pin " + interpreter.version() + " with `uv python pin "
              + interpreter.version() + "` or " + (shell.layout() == Layout.DEVENV
                  ? "set languages.python.version = \"" + wanted.get() + "\""
                  : "switch the flake to python" + wanted.get().replace(".", "")),
          List.of(pinned), PythonVersionPin.fix(file, model.shells()));
    }
  }
}
