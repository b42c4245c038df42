package io.github.nixml.validate.rules.lock;

import io.github.nixml.lock.BranchPolicy;
import io.github.nixml.validate.ValidationConfig;

/** The nixpkgs branch policy a configuration asks for: the listed branches, or the computed calendar. */
final class BranchPolicies {
  private BranchPolicies() {}

  static BranchPolicy of(ValidationConfig config) {
    return config.supportedBranches().isEmpty()
        ? BranchPolicy.computed(config.today())
        : BranchPolicy.listed(config.today(), config.supportedBranches());
  }
}
