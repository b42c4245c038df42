package io.github.nixml.validate.rules.shell;

import io.github.nixml.model.FlakeModel;
import io.github.nixml.model.Layout;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import java.util.List;

/**
 * {@code layout-unknown}: flake.nix parses, but no dev shell of either layout (an {@code mkShell} or a
 * {@code buildFHSEnv}) is found, or none of the layout set by {@code nixml.layout}. Why: every dev-shell rule is
 * then silent, so a green build would say nothing; the finding makes that visible. It is a warning only when the
 * user configured a layout (the nixml contract) the model cannot see; with {@code nixml.layout=auto} a shell the
 * model cannot read is no breakage of the project, so it is a note. Silent when flake.nix does not parse
 * ({@code nix-syntax} reports that) or is missing ({@code missing-file}).
 */
public final class LayoutUnknownRule extends BaseProjectRule {

  public LayoutUnknownRule() {
    super(RuleDescriptor.of("layout-unknown", Severity.WARNING,
        "No dev shell of either layout is found."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    if (context.flake().map(f -> f.hasErrors()).orElse(true)) {
      return;
    }
    FlakeShells model = FlakeShells.of(context);
    if (!model.shells().isEmpty()) {
      return;
    }
    Location start = Location.of(model.flakePath(), 1, 1);
    Layout wanted = context.config().layout();
    FlakeModel flake = model.model();
    if (wanted != Layout.AUTO && !flake.shells().isEmpty()) {
      sink.report(start, "nixml.layout is " + wanted.id() + " but the dev shells here are of the other layout;"
          + " fix nixml.layout or the flake");
    } else if (!flake.readable()) {
      report(context, sink, start, "the validator could not follow this flake, so no dev-shell rule checked it; "
          + "write devShells with pkgs.mkShell or pkgs.buildFHSEnv in flake.nix itself");
    } else {
      report(context, sink, start, "no dev shell built with mkShell or buildFHSEnv was found in devShells, so no "
          + "dev-shell rule checked this project");
    }
  }

  /** At warning under the contract (a configured layout); at note with {@code auto}, where only evidence counts. */
  private static void report(ProjectContext context, FindingSink sink, Location start, String message) {
    if (context.config().strict()) {
      sink.report(start, message);
    } else {
      sink.reportNote(start, message, List.of());
    }
  }
}
