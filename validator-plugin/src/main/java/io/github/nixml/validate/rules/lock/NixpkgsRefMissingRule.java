package io.github.nixml.validate.rules.lock;

import io.github.nixml.lock.FlakeRef;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.DeclaredInput;
import io.github.nixml.validate.facts.NixpkgsInput;
import io.github.nixml.validate.facts.ProjectFacts;
import java.util.Optional;
import java.util.Set;

/**
 * {@code nixpkgs-ref-missing}: a nixpkgs input names its repository ({@code github:NixOS/nixpkgs}) but no branch or
 * revision. Why: it then follows the repository's default branch, {@code master}: every {@code nix flake update}
 * takes untested, mostly uncached commits, and the interpreter and CUDA build from source or break. A registry
 * input ({@code nixpkgs} alone, locked as {@code indirect}) is not meant: the registry names a branch.
 */
public final class NixpkgsRefMissingRule extends BaseProjectRule {

  /** Reference types that fetch a repository's default branch when no ref is given. */
  private static final Set<String> REPOSITORY_TYPES = Set.of("github", "gitlab", "sourcehut", "git");

  public NixpkgsRefMissingRule() {
    super(RuleDescriptor.of("nixpkgs-ref-missing", Severity.NOTE,
        "A nixpkgs input names no branch, so it follows master."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    String suggested = BranchPolicies.of(context.config()).suggestedBranch();
    for (NixpkgsInput input : context.get(ProjectFacts.NIXPKGS_INPUTS)) {
      if (input.branch().isPresent() || input.repository().rev().isPresent()) {
        continue;
      }
      Optional<FlakeRef> original = input.node().map(node -> node.originalRef())
          .or(() -> ProjectFacts.declaredInputs(context).find(input.name()).flatMap(DeclaredInput::reference));
      if (original.isEmpty() || !REPOSITORY_TYPES.contains(original.get().type())
          || original.get().rev().isPresent()) {
        continue;
      }
      sink.report(input.location(), "nixpkgs input '" + input.name() + "' names no branch ("
          + original.get().display() + "), so it follows master: untested, mostly uncached commits on every "
          + "update; name a release branch, e.g. github:NixOS/nixpkgs/" + suggested, input.related());
    }
  }
}
