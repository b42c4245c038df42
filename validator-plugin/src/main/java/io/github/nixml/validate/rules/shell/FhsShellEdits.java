package io.github.nixml.validate.rules.shell;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.TargetPkgsEdits;
import io.github.nixml.model.DevShell;
import io.github.nixml.nix.NixFile;
import java.util.Optional;

/** The fix of {@code fhs-shell-not-provided}: the shell's package added to {@code targetPkgs} ({@link TargetPkgsEdits}). */
public final class FhsShellEdits {
  private FhsShellEdits() {}

  public static Optional<Fix> addToTargetPkgs(NixFile file, String path, DevShell shell, String attribute) {
    return TargetPkgsEdits.addToTargetPkgs(file, path, shell, attribute);
  }
}
