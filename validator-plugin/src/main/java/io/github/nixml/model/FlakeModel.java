package io.github.nixml.model;

import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.eval.Term;
import io.github.nixml.nix.eval.TreeLowering;
import java.util.List;
import java.util.Optional;

/**
 * What the model understood of one {@code flake.nix}: its dev shells (only those it could resolve), or nothing
 * when the file could not be read. Rules never fire on what is absent from here.
 *
 * @param readable false when the file could not be read into expressions (a syntax error, an unsupported form)
 * @param shellsComplete false when {@code devShells} holds something the model could not resolve
 * @param misplaced shells found at a level {@code nix develop} does not look at (not in {@code shells})
 * @param importProblems each file the flake imports that was not read, by its path relative to the flake's
 *     directory, with the reason (outside that directory, missing, rejected by Nix, an import cycle)
 */
public record FlakeModel(boolean readable, List<DevShell> shells, boolean shellsComplete,
    List<MisplacedShells> misplaced, java.util.Map<String, String> importProblems) {
  public static final FlakeModel UNREADABLE = new FlakeModel(false, List.of(), false);

  public FlakeModel {
    shells = List.copyOf(shells);
    misplaced = List.copyOf(misplaced);
    importProblems = java.util.Map.copyOf(importProblems);
  }

  public FlakeModel(boolean readable, List<DevShell> shells, boolean shellsComplete,
      List<MisplacedShells> misplaced) {
    this(readable, shells, shellsComplete, misplaced, java.util.Map.of());
  }

  public FlakeModel(boolean readable, List<DevShell> shells, boolean shellsComplete) {
    this(readable, shells, shellsComplete, List.of());
  }

  /** Builds the model of a parsed flake.nix; never throws. A file with parse errors is {@link #UNREADABLE}. */
  public static FlakeModel of(NixFile file) {
    return of(file, TreeLowering.lower(file));
  }

  /** Models a flake.nix already lowered (empty: it could not be); never throws. Nothing it imports is read. */
  public static FlakeModel of(NixFile file, Optional<Term> lowered) {
    return of(file, lowered, null);
  }

  /**
   * Models a flake.nix already lowered that may import the files of its directory ({@code directory}; null: none
   * are read); never throws.
   */
  public static FlakeModel of(NixFile file, Optional<Term> lowered, FlakeDirectory directory) {
    return lowered.map(term -> new DevShellExtractor(file.text(), directory).extract(term)).orElse(UNREADABLE);
  }

  /**
   * Models a file {@code nix-shell} reads ({@code shell.nix}, {@code default.nix}) already lowered: its one dev
   * shell, named {@code name}; it may import the files of {@code directory} (null: none). Never throws.
   */
  public static FlakeModel ofShellFile(NixFile file, Optional<Term> lowered, FlakeDirectory directory, String name) {
    return lowered.map(term -> new DevShellExtractor(file.text(), directory).extractShellFile(term, name))
        .orElse(UNREADABLE);
  }

  /**
   * Models a devenv project without a flake: {@code devenvNix} (its path relative to {@code directory}) with the
   * settings of its devenv.yaml; never throws.
   */
  public static FlakeModel ofDevenv(DevenvSettings settings, FlakeDirectory directory, String devenvNix) {
    return new DevShellExtractor("", directory).extractDevenv(settings, devenvNix);
  }

  /** Parses, then models, a flake.nix text; never throws. */
  public static FlakeModel of(String text) {
    return of(NixFrontEnd.analyze(text));
  }
}
