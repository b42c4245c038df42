package io.github.nixml.validate.rules.python;

import io.github.nixml.fix.ShellEdits;
import io.github.nixml.fix.Fix;
import io.github.nixml.fix.NixShellEdits;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.nix.NixFile;
import java.util.Optional;

/**
 * The fix of {@code uv-python-downloads}: in an ld-path shell, the attribute {@code UV_PYTHON_DOWNLOADS = "never";}
 * (mkShell exports every attribute), replacing a string value that allows downloads; in an FHS shell, whose
 * attributes are not exported, {@code export UV_PYTHON_DOWNLOADS=never} as the first line of the {@code profile};
 * none in a numtide devshell, whose variables are entries of its {@code env} list.
 */
public final class UvPythonDownloadsEdits {
  private static final String VARIABLE = "UV_PYTHON_DOWNLOADS";

  private UvPythonDownloadsEdits() {}

  public static Optional<Fix> fix(NixFile file, String path, DevShell shell) {
    if (shell.layout() == Layout.DEVSHELL) {
      return Optional.empty(); // devshell refuses an attribute it has no option for: a variable goes in its env list
    }
    Optional<ShellEdits> edits = ShellEdits.of(file, path, shell);
    if (edits.isEmpty()) {
      return Optional.empty();
    }
    if (shell.layout() == Layout.FHS) {
      return edits.get().addHookLine("profile", "export " + VARIABLE + "=never", NixShellEdits.Place.FIRST)
          .map(edit -> Fix.of("export " + VARIABLE + "=never first in the profile", edit));
    }
    if (edits.get().binding(VARIABLE).isPresent()) {
      return edits.get().stringBinding(VARIABLE)
          .map(value -> TextEdit.replace(path, value.offset(), value.end() - value.offset(), "\"never\""))
          .map(edit -> Fix.of("set " + VARIABLE + " = \"never\" in the shell", edit));
    }
    return edits.get().addBinding("packages", VARIABLE + " = \"never\";")
        .map(edit -> Fix.of("set " + VARIABLE + " = \"never\" in the shell", edit));
  }
}
