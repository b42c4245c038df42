package io.github.nixml.validate.rules.libraries;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellWord;
import java.util.ArrayList;
import java.util.List;

/** How an ld-path shell puts its library list on {@code LD_LIBRARY_PATH}: the values it assigns there. */
final class LibraryPathExports {
  static final String VARIABLE = "LD_LIBRARY_PATH";

  private LibraryPathExports() {}

  /** The values the hooks assign to {@code LD_LIBRARY_PATH}, then the shell's own {@code LD_LIBRARY_PATH}. */
  static List<ShellWord> values(DevShell shell) {
    List<ShellWord> found = new ArrayList<>();
    for (ShellCommand.Assignment assignment : shell.hookAssignments()) {
      if (assignment.name().equals(VARIABLE)) {
        found.add(assignment.value());
      }
    }
    if (shell.env().containsKey(VARIABLE)) {
      found.add(shell.env().get(VARIABLE).value());
    }
    return found;
  }

  /**
   * True when the library list reaches {@code LD_LIBRARY_PATH}: the shell sets the variable itself, or a hook
   * assigns it from {@code $NIX_LD_LIBRARY_PATH} or a {@code makeLibraryPath} list.
   */
  static boolean exportsLibraryList(DevShell shell) {
    return shell.env().containsKey(VARIABLE) || values(shell).stream()
        .anyMatch(value -> value.mentionsVariable("NIX_LD_LIBRARY_PATH") || value.hasLibraryPath()
            || holdsOtherVariable(value));
  }

  /**
   * Whether a value assigned to {@code LD_LIBRARY_PATH} reads another shell variable whose text the model does not
   * follow ({@code "$path:$LD_LIBRARY_PATH"} in a loop over an array, {@code $CUDA_LIBS} set earlier): it may hold any
   * folder, the library list or the driver's among them.
   */
  static boolean holdsOtherVariable(ShellWord value) {
    return value.segments().stream().anyMatch(segment -> segment instanceof ShellWord.Variable variable
        && !variable.name().equals(VARIABLE) && !variable.name().equals("NIX_LD_LIBRARY_PATH"));
  }
}
