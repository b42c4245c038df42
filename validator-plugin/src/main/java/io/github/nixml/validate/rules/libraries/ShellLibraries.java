package io.github.nixml.validate.rules.libraries;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.LibraryPath;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellPiece;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.ShellWord;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.validate.facts.LibraryProviders.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages whose libraries a dev shell puts where the loader finds them, when the model knows all of them: an
 * ld-path shell's exported {@code makeLibraryPath} lists (through {@code LD_LIBRARY_PATH} or {@code
 * NIX_LD_LIBRARY_PATH}) with the store paths interpolated into its variables, or a {@code buildFHSEnv}'s
 * {@code targetPkgs}/{@code multiPkgs} with the packages every FHS environment has ({@code gcc.cc.lib}).
 *
 * @param packages what provides libraries
 * @param where the list a missing package goes into, for the report
 * @param list the ld-path shell's library list (empty for FHS)
 */
record ShellLibraries(Layout layout, List<PackageRef> packages, SourceSpan where, Optional<LibraryPath> list) {

  /**
   * buildFHSEnv's base packages that hold libraries: {@code (toString gcc.cc.lib)} in {@code basePkgs} of
   * nixpkgs pkgs/build-support/build-fhsenv-bubblewrap/buildFHSEnv.nix.
   */
  private static final List<String> FHS_BASE = List.of("gcc.cc.lib");

  /** What the shell provides; empty when the model does not know it all, or the shell is of another layout. */
  static Optional<ShellLibraries> of(DevShell shell) {
    if (shell.layout() == Layout.FHS) {
      if (!shell.packages().complete() || shell.packagesLocation() == null) {
        return Optional.empty();
      }
      List<PackageRef> provided = new ArrayList<>(shell.packages().packages());
      for (String base : FHS_BASE) {
        provided.add(new PackageRef(List.of(base.split("\\.")), null, null, shell.location()));
      }
      return Optional.of(new ShellLibraries(Layout.FHS, provided, shell.packagesLocation(), Optional.empty()));
    }
    if (shell.layout() != Layout.LD_PATH || shell.libraryPaths().isEmpty() || !shell.hooksComplete()
        || !LibraryPathExports.exportsLibraryList(shell)) {
      return Optional.empty();
    }
    for (ShellWord value : LibraryPathExports.values(shell)) {
      if (value.mentionsVariable("NIX_LD_LIBRARY_PATH") && !shell.env().containsKey("NIX_LD_LIBRARY_PATH")) {
        return Optional.empty(); // nix-ld's list of the system, which the flake does not show
      }
      if (LibraryPathExports.holdsOtherVariable(value)) {
        return Optional.empty(); // `$CONDA_PREFIX/lib`, a loop's `$path`: folders the model does not list
      }
    }
    if (shell.env().values().stream().anyMatch(text -> !text.complete() || holdsProjectLibraries(text))
        || shell.hookAssignments().stream().anyMatch(ShellLibraries::holdsProjectLibraries)) {
      return Optional.empty();
    }
    List<PackageRef> provided = new ArrayList<>();
    for (LibraryPath path : shell.libraryPaths()) {
      if (!path.entries().complete()) {
        return Optional.empty();
      }
      provided.addAll(path.entries().packages());
    }
    provided.addAll(shell.interpolatedPackages());
    LibraryPath first = shell.libraryPaths().get(0);
    return Optional.of(new ShellLibraries(Layout.LD_PATH, provided, first.location(), Optional.of(first)));
  }

  /**
   * A library path with a directory of the user's machine ({@code ${config.devenv.root}/lib}), of the project
   * ({@code ${./.}/lib}) or of a package it builds ({@code ${myLibs}/lib}): its files are unknown.
   */
  private static boolean holdsProjectLibraries(ShellText text) {
    return text.name().contains("LIBRARY_PATH") && text.pieces().stream().anyMatch(ShellLibraries::unlisted);
  }

  /** {@code export LD_LIBRARY_PATH=${./.}/lib:…} in a hook: the same, as the hook assigns it. */
  private static boolean holdsProjectLibraries(ShellCommand.Assignment assignment) {
    return assignment.name().contains("LIBRARY_PATH") && assignment.value().segments().stream()
        .anyMatch(segment -> segment instanceof ShellWord.Piece piece && unlisted(piece.piece()));
  }

  /** A directory whose files the model does not list. */
  private static boolean unlisted(ShellPiece piece) {
    return piece instanceof ShellPiece.RuntimeDirectory || piece instanceof ShellPiece.ProjectPath
        || piece instanceof ShellPiece.EnvironmentText || piece instanceof ShellPiece.InputSource
        || piece instanceof ShellPiece.BuiltPath built && built.contents().isEmpty();
  }

  /** Whether a package of the shell provides the library. */
  boolean provides(Provider provider) {
    return packages.stream().anyMatch(ref -> Matching.provides(ref.attrPath(), provider));
  }

  /** Which attribute paths provide a library: the table's packages, their outputs, CUDA sets of the right major. */
  static final class Matching {
    private Matching() {}

    private static final Pattern CUDA_SET = Pattern.compile("cudaPackages(?:_(\\d+)(?:_\\d+)*)?");
    private static final Pattern TOOLKIT = Pattern.compile("cudatoolkit(?:_(\\d+)(?:_\\d+)*)?");

    static boolean provides(List<String> attrPath, Provider provider) {
      String name = String.join(".", attrPath);
      for (String pkg : provider.packages()) {
        if (name.equals(pkg) || name.equals(pkg + ".out") || name.equals(pkg + ".lib")
            || (pkg.endsWith(".lib") && name.equals(pkg.substring(0, pkg.length() - 4)))
            || (pkg.startsWith("xorg.") && attrPath.size() == 1 && attrPath.get(0).equals(pkg.substring(5)))) {
          return true;
        }
        if (cudaMember(attrPath, pkg, provider.cudaMajor())) {
          return true;
        }
      }
      return false;
    }

    /**
     * {@code cudaPackages_12.libcublas} is provided by the same member or the toolkit of any CUDA set whose major
     * is 12 or not written ({@code cudaPackages}, whose major depends on the nixpkgs revision), and by
     * {@code cudatoolkit}/{@code cudatoolkit_12}.
     */
    private static boolean cudaMember(List<String> attrPath, String pkg, OptionalInt major) {
      int dot = pkg.indexOf('.');
      if (dot < 0 || !CUDA_SET.matcher(pkg.substring(0, dot)).matches()) {
        return false;
      }
      String member = pkg.substring(dot + 1);
      String last = attrPath.get(attrPath.size() - 1);
      Matcher set = attrPath.size() >= 2 ? CUDA_SET.matcher(attrPath.get(attrPath.size() - 2)) : null;
      if (set != null && set.matches() && (last.equals(member) || last.equals("cudatoolkit"))) {
        return sameMajor(set.group(1), major);
      }
      Matcher toolkit = TOOLKIT.matcher(last);
      return attrPath.size() == 1 && toolkit.matches() && sameMajor(toolkit.group(1), major);
    }

    private static boolean sameMajor(String written, OptionalInt major) {
      return written == null || major.isEmpty() || Integer.parseInt(written) == major.getAsInt();
    }
  }
}
