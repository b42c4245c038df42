package io.github.nixml.validate.rules.lock;

import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.facts.DeclaredInput;
import io.github.nixml.validate.facts.DeclaredInputs;
import io.github.nixml.validate.facts.ProjectFacts;
import java.util.List;

/**
 * {@code flake-lock-missing}: flake.nix declares inputs but the project has no flake.lock. Why: without a lock,
 * every {@code nix develop} on a new machine resolves the inputs anew (nixpkgs at whatever its branch points to
 * that day) and writes its own lock, so two team members get different interpreters, CUDA and libraries.
 */
public final class FlakeLockMissingRule extends BaseProjectRule {

  public FlakeLockMissingRule() {
    super(RuleDescriptor.of("flake-lock-missing", Severity.NOTE,
        "flake.nix declares inputs but there is no flake.lock."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    SourceFile lock = context.flakeLock();
    DeclaredInputs declared = ProjectFacts.declaredInputs(context);
    if (!lock.isMissing() || declared.isEmpty()) {
      return;
    }
    List<String> names = declared.inputs().stream().map(DeclaredInput::name).toList();
    sink.report(lock.location(), "flake.nix declares " + names.size() + (names.size() == 1 ? " input" : " inputs")
        + " (" + String.join(", ", names) + ") but there is no flake.lock, so each machine resolves them anew:"
        + " run `nix flake lock` and commit flake.lock",
        declared.location().or(() -> declared.inputs().stream().findFirst().map(DeclaredInput::location))
            .map(List::of).orElse(List.of()));
  }
}
