package io.github.nixml.validate.rules.shell;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.MisplacedShells;
import io.github.nixml.model.ShellBreakage;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
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
 * 'devShells.x86_64-linux.default'". The same mistake inside a shell's call fails building it: a set keyed by system
 * selected by another name ({@code inputsFrom = [ self.devShells.rust ]}), or one system's outputs selected by a
 * system ({@code self'.packages.${system}.tool} in flake-parts' {@code perSystem}). Silent where the model cannot
 * tell the levels (computed keys, unknown helpers).
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
    java.util.Set<SourceSpan> reported = new java.util.HashSet<>();
    for (DevShell shell : shells.model().shells()) {
      for (ShellBreakage breakage : shell.breakages()) {
        if (breakage.kind() == ShellBreakage.Kind.SYSTEM_LEVEL && reported.add(breakage.location())) {
          sink.report(shells.at(breakage.location()), message(breakage));
        }
      }
    }
  }

  private static String message(ShellBreakage breakage) {
    String missing = breakage.nixError().replaceAll("^attribute '(.*)' missing$", "$1");
    String failure = "building the shell fails here, in " + breakage.attribute() + ": \"" + breakage.nixError()
        + "\"; ";
    return PlatformGuard.isSystemDouble(missing)
        ? failure + "no name of the set is a system, so selecting the system fails; where the set holds one"
            + " system's outputs already (flake-parts' `self'` and `config`, a value built inside a per-system"
            + " construct), select the name without the system (no `.${system}`)"
        : failure + "the set is keyed by system first (`<system>." + missing + "`), so select the system before"
            + " the name (`….${system}." + missing + "`)";
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
