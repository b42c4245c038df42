package io.github.nixml.validate.rules.python;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.PythonInterpreter;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code python-interpreter-conflict}: the shell brings two {@code python3XY} on the same platform, e.g.
 * {@code python311.withPackages …} and {@code python312Packages.venvShellHook}. Why: the venv hook runs its own
 * package set's interpreter, so the venv is 3.12 while {@code python} on PATH is 3.11; wheels and {@code uv sync}
 * then disagree about which interpreter they serve. Branches guarded for different platforms do not conflict.
 */
public final class PythonInterpreterConflictRule extends DevShellRule {

  public PythonInterpreterConflictRule() {
    super(RuleDescriptor.of("python-interpreter-conflict", Severity.ERROR,
        "The dev shell brings more than one python3XY (the venv hook's package set included)."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    List<PythonInterpreter> seen = new ArrayList<>();
    Set<String> reportedPairs = new HashSet<>();
    for (PythonInterpreter interpreter : model.interpreters(shell)) {
      for (PythonInterpreter earlier : seen) {
        // two Python packages the project builds each propagate their own interpreter (nixpkgs does, even for
        // applications); each runs on its own, and the shell names neither as its interpreter
        if (!earlier.version().equals(interpreter.version())
            && !earlier.ref().guard().and(interpreter.ref().guard()).isNever()
            && !(earlier.ref().propagated() && interpreter.ref().propagated())
            && reportedPairs.add(java.util.stream.Stream.of(earlier.version(), interpreter.version()).sorted()
                .toList().toString())) {
          sink.report(model.at(interpreter.ref().location()),
              "the shell brings " + interpreter.ref().name() + " (" + interpreter.attribute() + ") besides "
                  + earlier.ref().name() + " (" + earlier.attribute() + ", "
                  + model.where(earlier.ref().location()) + "); use one python3XY for the interpreter and the "
                  + "venv hook",
              List.of(model.at(earlier.ref().location())));
          break;
        }
      }
      seen.add(interpreter);
    }
  }
}
