package io.github.nixml.validate.rules.libraries;

import io.github.nixml.model.DevShell;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How an ld-path shell puts its library list on {@code LD_LIBRARY_PATH}: the lines and values that do it. */
final class LibraryPathExports {
  private static final Pattern ASSIGNS = Pattern.compile("(^|[\\s;])(export\\s+)?LD_LIBRARY_PATH=");

  private LibraryPathExports() {}

  /** Hook lines assigning {@code LD_LIBRARY_PATH}, plus the shell's own {@code LD_LIBRARY_PATH} value. */
  static List<String> assignments(DevShell shell) {
    List<String> found = new ArrayList<>();
    for (String line : shell.hookText().split("\n")) {
      if (ASSIGNS.matcher(line).find()) {
        found.add(line);
      }
    }
    if (shell.env().containsKey("LD_LIBRARY_PATH")) {
      found.add(shell.env().get("LD_LIBRARY_PATH").text() + " makeLibraryPath");
    }
    return found;
  }

  /** True when some assignment uses the library list ({@code $NIX_LD_LIBRARY_PATH} or a makeLibraryPath). */
  static boolean exportsLibraryList(DevShell shell) {
    return assignments(shell).stream()
        .anyMatch(line -> line.contains("NIX_LD_LIBRARY_PATH") || line.contains("makeLibraryPath"));
  }
}
