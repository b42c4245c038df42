package io.github.nixml.validate.rules.python;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.PythonInterpreter;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.List;

/**
 * {@code python-packages-mismatch}: the interpreter and the venv hook or a {@code withPackages} set are the same
 * {@code python3XY} but come from different nixpkgs instances ({@code pkgs.python312.withPackages …} with
 * {@code unstable.python312Packages.venvShellHook}). Why: two builds of "the same" Python: the venv is made from
 * one, the packages are built against the other, so compiled modules can fail to import and the closure doubles.
 * Different versions are {@code python-interpreter-conflict}'s; branches guarded for different platforms do not
 * clash. One finding per shell, at the first reference from another instance.
 */
public final class PythonPackagesMismatchRule extends DevShellRule {

  public PythonPackagesMismatchRule() {
    super(RuleDescriptor.of("python-packages-mismatch", Severity.WARNING,
        "The interpreter and the venv hook or withPackages set come from different nixpkgs instances."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    List<PythonInterpreter> interpreters = shell.interpreters();
    for (int i = 0; i < interpreters.size(); i++) {
      PythonInterpreter later = interpreters.get(i);
      for (PythonInterpreter earlier : interpreters.subList(0, i)) {
        if (earlier.version().equals(later.version()) && earlier.ref().source() != null
            && later.ref().source() != null && !earlier.ref().source().sameAs(later.ref().source())
            && !earlier.ref().guard().and(later.ref().guard()).isNever()) {
          sink.report(model.at(later.ref().location()), later.ref().name() + " comes from "
              + later.ref().source().input() + " but " + earlier.ref().name() + " ("
              + model.where(earlier.ref().location()) + ") comes from " + earlier.ref().source().input()
              + ": two builds of " + later.attribute() + "; take the interpreter, its packages and the venv hook "
              + "from one nixpkgs instance", List.of(model.at(earlier.ref().location())));
          return;
        }
      }
    }
  }
}
