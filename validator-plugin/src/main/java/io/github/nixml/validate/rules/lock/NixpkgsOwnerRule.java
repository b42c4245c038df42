package io.github.nixml.validate.rules.lock;

import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.NixpkgsInput;
import io.github.nixml.validate.facts.ProjectFacts;

/**
 * {@code nixpkgs-owner}: a nixpkgs input comes from a fork instead of NixOS/nixpkgs. Why: a fork gets no binary
 * cache from cache.nixos.org for its own commits and no security fixes unless someone merges them, and whoever
 * owns it controls every package of the dev shell. A warning under the nixml contract (a configured layout, which
 * pins nixpkgs to NixOS); with {@code nixml.layout=auto} a note, since a fork is often deliberate (the owner's own
 * nixpkgs) and no breakage by itself.
 */
public final class NixpkgsOwnerRule extends BaseProjectRule {

  public NixpkgsOwnerRule() {
    super(RuleDescriptor.of("nixpkgs-owner", Severity.WARNING,
        "A nixpkgs input is not owned by NixOS."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    for (NixpkgsInput input : context.get(ProjectFacts.NIXPKGS_INPUTS)) {
      if (!input.repository().isOwnedByNixOS()) {
        String message = "nixpkgs input '" + input.name() + "' comes from "
            + input.repository().slug() + ", not NixOS/nixpkgs: use github:NixOS/nixpkgs/"
            + input.branch().orElse("<branch>") + " unless the fork is deliberate";
        if (context.config().strict()) {
          sink.report(input.location(), message, input.related());
        } else {
          sink.reportNote(input.location(), message, input.related());
        }
      }
    }
  }
}
