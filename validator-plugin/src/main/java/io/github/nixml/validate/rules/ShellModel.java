package io.github.nixml.validate.rules;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.FlakeModel;
import io.github.nixml.model.ShellLayout;
import io.github.nixml.model.SourceSpan;
import io.github.nixml.nix.NixFile;
import io.github.nixml.validate.Layout;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.ProjectFacet;
import io.github.nixml.validate.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * The dev-shell model of a project's flake.nix, computed once per project and shared by every model rule, with
 * the helpers the rules need to turn model positions into report locations.
 */
public final class ShellModel {

  /** The model, or {@link FlakeModel#UNREADABLE} when flake.nix is missing, unreadable or rejected by Nix. */
  static final ProjectFacet<FlakeModel> FACET = ShellModel::compute;

  private final ProjectContext context;
  private final FlakeModel model;
  private final SourceFile flake;

  private ShellModel(ProjectContext context) {
    this.context = context;
    this.model = context.get(FACET);
    this.flake = context.flakeNix().source();
  }

  public static ShellModel of(ProjectContext context) {
    return new ShellModel(context);
  }

  private static FlakeModel compute(ProjectContext context) {
    Optional<NixFile> parsed = context.flake();
    return parsed.isEmpty()
        ? FlakeModel.UNREADABLE
        : FlakeModel.of(parsed.get(), context.get(FlakeExpression.FACET));
  }

  FlakeModel model() {
    return model;
  }

  ProjectContext context() {
    return context;
  }

  /** The shells the rules check: those of the configured layout ({@code nixml.layout}), or all for auto. */
  List<DevShell> shells() {
    Layout wanted = context.config().layout();
    return model.shells().stream()
        .filter(shell -> wanted == Layout.AUTO
            || (wanted == Layout.FHS) == (shell.layout() == ShellLayout.FHS))
        .toList();
  }

  /** Every dev shell checked is a buildFHSEnv environment (there is one at least): direnv can enter none. */
  public boolean fhsOnly() {
    List<DevShell> shells = shells();
    return !shells.isEmpty() && shells.stream().allMatch(shell -> shell.layout() == ShellLayout.FHS);
  }

  List<DevShell> shells(ShellLayout layout) {
    return shells().stream().filter(shell -> shell.layout() == layout).toList();
  }

  /** The report location of a place in flake.nix. */
  Location at(SourceSpan span) {
    return flake.locationAt(span.offset(), span.length());
  }

  /** {@code flake.nix:18:9} (root-relative path), for messages. */
  String where(SourceSpan span) {
    return flake.path() + ":" + span.line() + ":" + span.column();
  }

  String flakePath() {
    return flake.path();
  }
}
