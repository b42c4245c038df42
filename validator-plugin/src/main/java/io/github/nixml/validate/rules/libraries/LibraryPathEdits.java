package io.github.nixml.validate.rules.libraries;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.NixShellEdits;
import io.github.nixml.fix.ShellEdits;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.fix.NixEdits;
import io.github.nixml.model.DevShell;
import io.github.nixml.model.LibraryPath;
import io.github.nixml.model.PackageRef;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.ast.NixList;
import io.github.nixml.nix.ast.StringLit;
import io.github.nixml.nix.syntax.SyntaxNode;
import java.util.Optional;

/**
 * The fixes of the library-path rules on an ld-path shell: a line exporting the shell's library list
 * ({@code ld-library-path-not-exported}, with the driver directory too when the shell has CUDA) or the NVIDIA
 * driver directory ({@code opengl-driver-path-missing}) at the end of the {@code shellHook}. A shell without a
 * {@code shellHook} gets one, which also runs {@code venvShellHook} when the shell uses it (a custom hook replaces
 * the venv hook's own). And {@code wheel-library-missing}'s: a package added to the list literal the library list's
 * entries are written in ({@code LD_pkgs = with pkgs; [ … ]}), spelled like its entries.
 */
public final class LibraryPathEdits {
  static final String DRIVER_DIRECTORY = "/run/opengl-driver/lib";
  /**
   * What LD_LIBRARY_PATH held, after a colon, or nothing when it was unset or empty: a plain
   * {@code :$LD_LIBRARY_PATH} would then leave an empty element, which the loader reads as the current directory.
   */
  static final String PREVIOUS_VALUE = "${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}";

  private LibraryPathEdits() {}

  /** The shell line exporting {@code front} followed by the previous value. */
  static String exportLine(String front) {
    return "export LD_LIBRARY_PATH=" + front + PREVIOUS_VALUE;
  }

  /** {@link #exportLine} as written in a {@code ''…''} shellHook, for messages. */
  static String exportLineInHook(String front) {
    return StringLit.escape(exportLine(front), true);
  }

  public static Optional<Fix> exportLibraryList(NixFile file, String path, DevShell shell) {
    if (!shell.env().containsKey("NIX_LD_LIBRARY_PATH")) {
      return Optional.empty(); // the list is built elsewhere: the user knows where it belongs
    }
    String driver = shell.cudaPackages().isEmpty() ? "" : DRIVER_DIRECTORY + ":";
    return hookLine(file, path, shell, exportLine(driver + "$NIX_LD_LIBRARY_PATH"))
        .map(edit -> Fix.of("export NIX_LD_LIBRARY_PATH on LD_LIBRARY_PATH in the shellHook", edit));
  }

  public static Optional<Fix> addDriverDirectory(NixFile file, String path, DevShell shell) {
    return hookLine(file, path, shell, exportLine(DRIVER_DIRECTORY))
        .map(edit -> Fix.of("put " + DRIVER_DIRECTORY + " on LD_LIBRARY_PATH in the shellHook", edit));
  }

  /**
   * Adds {@code attribute} to the list literal that holds the library list's first entry, spelled like that entry
   * ({@code zlib} inside {@code with pkgs;}, {@code pkgs.zlib} outside); empty when the entry is not an element of a
   * list literal in {@code file}.
   */
  public static Optional<Fix> addToLibraryList(NixFile file, String path, LibraryPath list, String attribute) {
    if (list.entries().packages().isEmpty()) {
      return Optional.empty();
    }
    PackageRef entry = list.entries().packages().get(0);
    SyntaxNode node = NixEdits.nodeAt(file.root(), entry.location().offset(), entry.location().length());
    SyntaxNode element = node;
    while (element != null && element.parent() != null && !(Expr.cast(element.parent()) instanceof NixList)) {
      element = element.parent();
    }
    if (element == null || element.parent() == null || !(Expr.cast(element.parent()) instanceof NixList nixList)) {
      return Optional.empty();
    }
    String written = element.text().strip();
    String name = entry.name();
    String spelled;
    if (written.equals(name)) {
      spelled = attribute;
    } else if (written.endsWith("." + name)) {
      spelled = written.substring(0, written.length() - name.length()) + attribute;
    } else {
      return Optional.empty();
    }
    return NixShellEdits.addListElement(file, path, nixList, spelled)
        .map(edit -> Fix.of("add " + attribute + " to the library list", edit));
  }

  private static Optional<TextEdit> hookLine(NixFile file, String path, DevShell shell,
      String line) {
    boolean venvHook = shell.packages().anyMatch(p -> p.last().equals("venvShellHook"));
    String[] extra = venvHook ? new String[] {"runHook venvShellHook"} : new String[0];
    return ShellEdits.of(file, path, shell)
        .flatMap(edits -> edits.addHookLine("shellHook", line, NixShellEdits.Place.LAST, extra));
  }
}
