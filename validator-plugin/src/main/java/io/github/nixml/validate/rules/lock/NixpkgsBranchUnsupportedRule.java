package io.github.nixml.validate.rules.lock;

import io.github.nixml.lock.BranchPolicy;
import io.github.nixml.lock.NixpkgsBranch;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.NixpkgsInput;
import io.github.nixml.validate.facts.ProjectFacts;

/**
 * {@code nixpkgs-branch-unsupported}: a nixpkgs input follows a branch that is not supported today: a release past
 * its end of support (one month after the next release), a release not out yet, or a branch that is no release or
 * channel at all. Why: an end-of-life release gets no security fixes and no binary cache for new builds, so CUDA
 * and Python packages are rebuilt from source or stay vulnerable; the supported list is computed from the release
 * calendar, so it does not go stale after each release the way a hard-coded list does. {@code master} is left to
 * {@code nixpkgs-branch-master}; a fork's branch that names no NixOS release ({@code patched-nixos-unstable}) to
 * {@code nixpkgs-owner}.
 */
public final class NixpkgsBranchUnsupportedRule extends BaseProjectRule {

  public NixpkgsBranchUnsupportedRule() {
    super(RuleDescriptor.of("nixpkgs-branch-unsupported",
        Severity.WARNING, "A nixpkgs input follows a branch that is not currently supported."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    BranchPolicy policy = BranchPolicies.of(context.config());
    for (NixpkgsInput input : context.get(ProjectFacts.NIXPKGS_INPUTS)) {
      if (input.branch().isEmpty()) {
        continue; // pinned to a revision, or left to the registry
      }
      String branch = input.branch().get();
      NixpkgsBranch parsed = NixpkgsBranch.parse(branch);
      if (parsed.kind() == NixpkgsBranch.Kind.MASTER || policy.isSupported(branch)) {
        continue;
      }
      if (!input.repository().isOwnedByNixOS() && parsed.release().isEmpty() && !policy.isOverridden()) {
        continue; // a fork's own branch (patched-nixos-unstable): no NixOS calendar to judge it by; nixpkgs-owner
      }
      sink.report(input.location(), "nixpkgs input '" + input.name() + "' follows " + branch + ", "
          + why(parsed, policy) + "; supported on " + policy.today() + ": "
          + String.join(", ", policy.supportedBranches()) + " (" + advice(input, policy.suggestedBranch()) + ")",
          input.related(), context.flake().flatMap(f ->
          InputUrlEdits.moveBranch(f, context.pathOf(ProjectContext.FLAKE_NIX), input.name(), branch,
              policy.suggestedBranch())));
    }
  }

  /** Switch the input's branch; one that follows another input's branch is that input's to move. */
  private static String advice(NixpkgsInput input, String suggested) {
    return input.followsNote().map(note -> note + ": run " + input.updateCommand() + " once "
            + input.updateInput() + " follows " + suggested + ", or declare " + input.name() + " on " + suggested)
        .orElse("switch to " + suggested + " and run " + input.updateCommand());
  }

  private static String why(NixpkgsBranch branch, BranchPolicy policy) {
    if (policy.isOverridden()) {
      return "which is not in nixml.supportedBranches";
    }
    if (branch.release().isEmpty()) {
      return "which is not a NixOS release or channel branch";
    }
    NixpkgsBranch.Release release = branch.release().get();
    if (policy.today().isBefore(release.releaseDate())) {
      return "a release not out until " + release.releaseDate();
    }
    return "whose support ended on " + release.endOfSupport() + " (one month after " + release.successor()
        + " was released)";
  }
}
