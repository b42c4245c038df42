package io.github.nixml.validate.facts;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.FlakeModel;
import io.github.nixml.model.Layout;
import io.github.nixml.model.VenvStrategy;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.validate.CudaMode;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * An adapter between the dev-shell model of a project's flake.nix ({@link ProjectFacts#MODEL}) and the rules: the
 * shells of the configured layout, and model positions turned into report locations.
 */
public final class FlakeShells {

  private final ProjectContext context;
  private final FlakeModel model;
  private final SourceFile flake;

  private FlakeShells(ProjectContext context) {
    this.context = context;
    this.model = context.get(ProjectFacts.MODEL);
    this.flake = context.flakeNix().source();
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

  /** Whether the project declares the full nixml contract ({@link io.github.nixml.validate.ValidationConfig#strict()}). */
  public boolean strict() {
    return context.config().strict();
  }

  /** How each shell the rules check makes or enters its venv, shell by shell in order. */
  public List<VenvStrategy> venvStrategies() {
    return shells().stream().flatMap(shell -> VenvStrategy.of(shell).stream()).toList();
  }

  /** The report location of a place in flake.nix. */
  public Location at(SourceSpan span) {
    return flake.locationAt(span.offset(), span.length());
  }

  /** {@code flake.nix:18:9} (root-relative path), for messages. */
  public String where(SourceSpan span) {
    return flake.path() + ":" + span.line() + ":" + span.column();
  }

  public String flakePath() {
    return flake.path();
  }
}
