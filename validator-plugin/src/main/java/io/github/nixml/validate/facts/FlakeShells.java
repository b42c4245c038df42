package io.github.nixml.validate.facts;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.FlakeModel;
import io.github.nixml.model.Layout;
import io.github.nixml.model.NixpkgsFacts;
import io.github.nixml.model.NixpkgsInstance;
import io.github.nixml.model.NixpkgsRevision;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.PythonInterpreter;
import io.github.nixml.model.Tristate;
import io.github.nixml.model.VenvStrategy;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.validate.CudaMode;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An adapter between the dev-shell model of a project's flake.nix (or, without a flake, its shell.nix or
 * default.nix: {@link ProjectContext#devShellNix()}) ({@link ProjectFacts#MODEL}) and the rules: the shells of the
 * configured layout, and model positions turned into report locations.
 */
public final class FlakeShells {

  private final ProjectContext context;
  private final FlakeModel model;
  private final SourceFile flake;

  private FlakeShells(ProjectContext context) {
    this.context = context;
    this.model = context.get(ProjectFacts.MODEL);
    this.flake = context.devShellNix().source();
  }

  public static FlakeShells of(ProjectContext context) {
    return new FlakeShells(context);
  }

  public FlakeModel model() {
    return model;
  }

  public ProjectContext context() {
    return context;
  }

  /** The shells the rules check: those of the configured layout ({@code nixml.layout}), or all for auto. */
  public List<DevShell> shells() {
    Layout wanted = context.config().layout();
    return model.shells().stream()
        .filter(shell -> wanted == Layout.AUTO || shell.layout() == wanted)
        .toList();
  }

  /** Every dev shell checked is a buildFHSEnv environment (there is one at least): direnv can enter none. */
  public boolean fhsOnly() {
    List<DevShell> shells = shells();
    return !shells.isEmpty() && shells.stream().allMatch(shell -> shell.layout() == Layout.FHS);
  }

  /** Whether the shell should bring CUDA: {@code nixml.cuda=required}, or auto and it already uses CUDA. */
  public boolean cudaWanted(DevShell shell) {
    CudaMode mode = context.config().cuda();
    return mode == CudaMode.REQUIRED || (mode == CudaMode.AUTO && !shell.cudaPackages().isEmpty());
  }

  /**
   * Whether the shell uses CUDA when it runs: as {@link #cudaWanted}, but a CUDA package interpolated only in a
   * shell comment does not count ({@link DevShell#cudaPackagesInUse()}).
   */
  public boolean cudaInUse(DevShell shell) {
    CudaMode mode = context.config().cuda();
    return mode == CudaMode.REQUIRED || (mode == CudaMode.AUTO && !shell.cudaPackagesInUse().isEmpty());
  }

  /** Whether the project declares the full nixml contract ({@link io.github.nixml.validate.ValidationConfig#strict()}). */
  public boolean strict() {
    return context.config().strict();
  }

  /** How each shell the rules check makes or enters its venv, shell by shell in order. */
  public List<VenvStrategy> venvStrategies() {
    return shells().stream().flatMap(shell -> VenvStrategy.of(shell).stream()).toList();
  }

  /**
   * The interpreters the shell brings ({@link DevShell#interpreters()}), plain {@code python3} included where the
   * facts per release say what it is on the nixpkgs revision it comes from; in source order.
   */
  public List<PythonInterpreter> interpreters(DevShell shell) {
    List<PythonInterpreter> found = new ArrayList<>(shell.interpreters());
    for (PackageRef ref : shell.packages().packages()) {
      String first = ref.attrPath().get(0);
      if (!first.equals("python3") && !first.equals("python3Packages")) {
        continue;
      }
      revisionOf(ref).ifPresent(revision -> NixpkgsFacts.bundled().python3(revision).ifPresent(alias ->
          new PackageRef(List.of(alias.target()), ref.source(), ref.guard(), ref.location()).pythonInterpreter()
              .ifPresent(resolved -> found.add(new PythonInterpreter(resolved.version(), resolved.attribute(), ref,
                  Optional.of(revision.describe()))))));
    }
    found.sort(Comparator.comparingInt(interpreter -> interpreter.ref().location().offset()));
    return found;
  }

  /**
   * The nixpkgs revision a package comes from, when it is certainly nixpkgs' own attribute (an instance of a known
   * input, without overlays) and the input's branch or locked date says which revision.
   */
  public Optional<NixpkgsRevision> revisionOf(PackageRef ref) {
    NixpkgsInstance instance = ref.source();
    if (instance == null || instance.overlays() != Tristate.FALSE) {
      return Optional.empty();
    }
    return context.get(ProjectFacts.devenvShell(context) ? ProjectFacts.DEVENV_NIXPKGS_INPUTS
            : ProjectFacts.NIXPKGS_INPUTS).stream()
        .filter(input -> input.name().equals(instance.input()))
        .findFirst()
        .flatMap(NixpkgsInput::revision);
  }

  /** The report location of a place in flake.nix or in a file it imports ({@link SourceSpan#file()}). */
  public Location at(SourceSpan span) {
    return sourceOf(span).locationAt(span.offset(), span.length());
  }

  /** {@code flake.nix:18:9} or {@code nix/shell.nix:3:5} (root-relative path), for messages. */
  public String where(SourceSpan span) {
    return pathAt(span) + ":" + span.line() + ":" + span.column();
  }

  /** The root-relative path of the file a span lies in: flake.nix, or the file it imports. */
  public String pathAt(SourceSpan span) {
    return sourceOf(span).path();
  }

  /**
   * The parsed file a span lies in (where a fix edits what is written there); empty when it cannot be read or is
   * not Nix.
   */
  public Optional<NixFile> fileAt(SourceSpan span) {
    if (span.file() != null && !span.file().endsWith(".nix")) {
      return Optional.empty(); // a data file the flake reads (devshell.toml): no Nix edit applies there
    }
    return span.file() == null ? context.devShellNix().nixFile() : context.nixFile(span.file()).nixFile();
  }

  /**
   * A fix computed on the file where {@code span} is written (flake.nix or a file it imports), given that file's
   * tree and root-relative path; empty when that file cannot be read.
   */
  public <T> Optional<T> editAt(SourceSpan span, java.util.function.BiFunction<NixFile, String, Optional<T>> edit) {
    return fileAt(span).flatMap(file -> edit.apply(file, pathAt(span)));
  }

  private SourceFile sourceOf(SourceSpan span) {
    return span.file() == null ? flake : context.file(span.file());
  }

  public String flakePath() {
    return flake.path();
  }
}
