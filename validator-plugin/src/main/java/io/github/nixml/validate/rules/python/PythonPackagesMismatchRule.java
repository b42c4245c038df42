package io.github.nixml.validate.rules.python;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.NixpkgsInstance;
import io.github.nixml.model.Tristate;
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

  /**
   * Whether two instances build the same Python: the same input, and no overlay in either that could change it.
   * Their settings ({@code allowUnfree}, {@code cudaSupport}, a package's {@code .override { cudaSupport = true; }})
   * are not read by CPython's derivation, so the interpreter and its venv hook are the same store paths.
   */
  private static boolean samePythonBuild(NixpkgsInstance one, NixpkgsInstance other) {
    // the same `import nixpkgs { … }` (a package's `.override` copies its instance with another setting), or the
    // same input imported apart without overlays
    return one.sameAs(other) || one.input().equals(other.input()) && (one.location() != null
        && one.location().equals(other.location()) || keepsPython(one) && keepsPython(other));
  }

  /** No overlay: any overlay may rebuild CPython (its own attribute, or one it builds on: openssl, zlib, stdenv). */
  private static boolean keepsPython(NixpkgsInstance instance) {
    return instance.overlays() == Tristate.FALSE;
  }

  public PythonPackagesMismatchRule() {
    super(RuleDescriptor.of("python-packages-mismatch", Severity.WARNING,
        "The interpreter and the venv hook or withPackages set come from different nixpkgs instances."));
  }

  /** The input an instance imports, and its overlays where the other instance imports the same input. */
  private static String described(NixpkgsInstance instance, NixpkgsInstance other) {
    return instance.input() + (instance.input().equals(other.input()) && instance.overlays() != Tristate.FALSE
        ? " with overlays" : "");
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    List<PythonInterpreter> interpreters = shell.interpreters();
    for (int i = 0; i < interpreters.size(); i++) {
      PythonInterpreter later = interpreters.get(i);
      for (PythonInterpreter earlier : interpreters.subList(0, i)) {
        if (earlier.version().equals(later.version()) && earlier.ref().source() != null
            && later.ref().source() != null && !samePythonBuild(earlier.ref().source(), later.ref().source())
            && !earlier.ref().guard().and(later.ref().guard()).isNever()) {
          String laterSource = described(later.ref().source(), earlier.ref().source());
          String earlierSource = described(earlier.ref().source(), later.ref().source());
          sink.report(model.at(later.ref().location()), later.ref().name() + " comes from "
              + laterSource + " but " + earlier.ref().name() + " ("
              + model.where(earlier.ref().location()) + ") comes from " + earlierSource
              + ": two builds of " + later.attribute() + "; take the interpreter, its packages and the venv hook "
              + "from one nixpkgs instance", List.of(model.at(earlier.ref().location())));
          return;
        }
      }
    }
  }
}
