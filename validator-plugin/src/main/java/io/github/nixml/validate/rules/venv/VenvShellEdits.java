package io.github.nixml.validate.rules.venv;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.NixShellEdits;
import io.github.nixml.model.DevShell;
import io.github.nixml.nix.NixFile;
import io.github.nixml.fix.ShellEdits;
import java.util.Optional;

/**
 * The fixes of the venv rules on an ld-path shell, computed on the tree of its {@code mkShell { … }} call:
 * {@code venv-dir-missing} adds {@code venvDir = ".venv";} after the packages attribute, and
 * {@code venv-hook-not-run} adds {@code runHook venvShellHook} as the last line of the custom {@code shellHook}.
 * Neither is offered when the shell's attributes are not a set literal or the hook is not a string literal.
 */
public final class VenvShellEdits {
  private VenvShellEdits() {}

  public static Optional<Fix> addVenvDir(NixFile file, String path, DevShell shell) {
    return ShellEdits.of(file, path, shell)
        .flatMap(edits -> edits.addBinding(packagesAttribute(edits), "venvDir = \".venv\";"))
        .map(edit -> Fix.of("set venvDir = \".venv\" in the shell", edit));
  }

  public static Optional<Fix> runVenvHook(NixFile file, String path, DevShell shell) {
    return ShellEdits.of(file, path, shell)
        .filter(edits -> edits.binding("shellHook").isPresent())
        .flatMap(edits -> edits.addHookLine("shellHook", "runHook venvShellHook", NixShellEdits.Place.LAST))
        .map(edit -> Fix.of("run `runHook venvShellHook` at the end of the shellHook", edit));
  }

  /** The attribute that lists the shell's packages, where the model found it ({@code packages} by default). */
  private static String packagesAttribute(ShellEdits edits) {
    if (edits.shell().packagesLocation() != null) {
      int offset = edits.shell().packagesLocation().offset();
      for (var binding : edits.arguments().bindings()) {
        if (binding.attrpathSyntax() != null && binding.attrpathSyntax().offset() == offset
            && binding.staticPath() != null) {
          return binding.staticPath();
        }
      }
    }
    return "packages";
  }
}
