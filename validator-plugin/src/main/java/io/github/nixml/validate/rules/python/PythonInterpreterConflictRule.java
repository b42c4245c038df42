package io.github.nixml.validate.rules.python;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.PackageRef;
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
 *
 * <p>Bare interpreters of several versions on a shell's PATH ({@code python311 python312 python313} for tox, nox or
 * {@code uv --python}) are a test matrix, not a contradiction: each {@code python3.X} runs its own, and {@code python3}
 * is the first one listed. They conflict where a version also brings packages (a package-set member, a venv hook,
 * a {@code withPackages} environment's modules, an application's propagated interpreter), whose site-packages the
 * other version would be handed, or in an FHS environment, which merges them into one {@code /usr/bin/python3}.
 */
public final class PythonInterpreterConflictRule extends DevShellRule {

  public PythonInterpreterConflictRule() {
    super(RuleDescriptor.of("python-interpreter-conflict", Severity.ERROR,
        "The dev shell brings more than one python3XY (the venv hook's package set included)."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    List<PythonInterpreter> interpreters = model.interpreters(shell);
    Set<String> withPackages = versionsWithPackages(shell, interpreters, model);
    boolean merged = shell.layout() == Layout.FHS;
    List<PythonInterpreter> seen = new ArrayList<>();
    Set<String> reportedPairs = new HashSet<>();
    for (PythonInterpreter interpreter : interpreters) {
      for (PythonInterpreter earlier : seen) {
        // two Python packages the project builds each propagate their own interpreter (nixpkgs does, even for
        // applications); each runs on its own, and the shell names neither as its interpreter
        if (!earlier.version().equals(interpreter.version())
            && !earlier.ref().guard().and(interpreter.ref().guard()).isNever()
            && !(earlier.ref().propagated() && interpreter.ref().propagated())
            && (merged || withPackages.contains(earlier.version()) || withPackages.contains(interpreter.version()))
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

  /** The versions of which the shell brings more than the interpreter itself. */
  private static Set<String> versionsWithPackages(DevShell shell, List<PythonInterpreter> interpreters,
      FlakeShells model) {
    Set<String> versions = new HashSet<>();
    for (PythonInterpreter interpreter : interpreters) {
      if (!bare(interpreter.ref())) {
        versions.add(interpreter.version());
      }
    }
    for (PackageRef module : shell.packages().pythonModules()) {
      model.interpreterOf(module).ifPresent(interpreter -> versions.add(interpreter.version()));
    }
    return versions;
  }

  /** {@code python312}, {@code python3} or {@code python312Full} named by the shell itself. */
  private static boolean bare(PackageRef ref) {
    return ref.attrPath().size() == 1 && !ref.attrPath().get(0).endsWith("Packages") && !ref.propagated()
        && !ref.pythonModule();
  }
}
