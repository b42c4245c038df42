package io.github.nixml.validate.rules.shell;

import io.github.nixml.model.MisplacedShells;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;

/**
 * {@code devshells-system-level}: a dev shell sits where {@code nix develop} never looks. Nix asks for
 * {@code devShells.<system>.<name>} (or {@code devShell.<system>}), so a shell written as {@code devShells.default}
 * outside any per-system construct, or under a system level written twice ({@code eachDefaultSystem} around
 * {@code devShells.${system}.default}), is not found: {@code nix develop} stops with "does not provide attribute
 * 'devShells.x86_64-linux.default'". Silent where the model cannot tell the levels (computed keys, unknown helpers).
 */
public final class DevShellsSystemLevelRule extends BaseProjectRule {

  public DevShellsSystemLevelRule() {
    super(RuleDescriptor.of("devshells-system-level", Severity.ERROR,
        "A dev shell is missing its system level, or has it twice, so nix develop does not find it."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    FlakeShells shells = FlakeShells.of(context);
    for (MisplacedShells misplaced : shells.model().misplaced()) {
      sink.report(shells.at(misplaced.span()), message(misplaced));
    }
  }

  private static String message(MisplacedShells misplaced) {
    boolean single = misplaced.path().startsWith("devShell.") || misplaced.path().equals("devShell");
    String top = single ? "devShell.<system>" : "devShells.<system>.<name>";
    String example = single ? "devShell.x86_64-linux" : "devShells.x86_64-linux.default";
    return switch (misplaced.kind()) {
      case NO_SYSTEM_LEVEL -> "`" + misplaced.path() + "` has no system level: `nix develop` looks up `" + top
          + "` (`" + example + "` on x86_64-linux) and does not find this shell; put it under each system (`"
          + example + "`, `lib.genAttrs` over the systems, or flake-utils' `eachDefaultSystem`)";
      case SYSTEM_LEVEL_REPEATED -> "`" + misplaced.path() + "` repeats the system level: a per-system construct"
          + " (flake-utils' `eachDefaultSystem`, flake-parts' `perSystem`) already adds it, so `nix develop` finds"
          + " no `" + top + "`; write `devShells.<name>` inside it";
    };
  }
}
