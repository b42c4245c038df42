package io.github.nixml.validate.rules;

import io.github.nixml.lock.NixpkgsBranch;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.ProjectRule;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import java.util.List;

/**
 * {@code nixpkgs-branch-master}: the dev shell's base packages come from a nixpkgs input that follows
 * {@code master}. Taking a fast-moving tool such as uv from master is fine (the seed flakes do it with a second
 * input, {@code nixpkgs_master}); taking the interpreter or CUDA from it is not: master commits are untested and
 * mostly not yet in the binary cache, so CUDA and Python packages build from source and break without warning.
 *
 * <p>Which packages come from which input is the dev-shell model's business; without it this rule judges at the
 * input level: it fires when master is the project's only nixpkgs input (then the interpreter and CUDA, if any,
 * necessarily come from master) and stays silent when another nixpkgs input exists.
 */
public final class NixpkgsBranchMasterRule implements ProjectRule {
  private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of("nixpkgs-branch-master", Severity.NOTE,
      "The interpreter or CUDA come from a nixpkgs input that follows master.");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    List<NixpkgsInput> inputs = context.get(FlakeLockFacets.NIXPKGS_INPUTS);
    boolean onlyMaster = !inputs.isEmpty() && inputs.stream().allMatch(NixpkgsBranchMasterRule::followsMaster);
    if (!onlyMaster) {
      return;
    }
    String suggested = BranchPolicies.of(context.config()).suggestedBranch();
    for (NixpkgsInput input : inputs) {
      sink.report(input.location(), "nixpkgs input '" + input.name() + "' follows master and is the only nixpkgs"
          + " input, so the interpreter and CUDA come from untested, mostly uncached commits: follow "
          + suggested + " and keep master in a second input (e.g. nixpkgs_master) for tools such as uv",
          input.related());
    }
  }

  static boolean followsMaster(NixpkgsInput input) {
    return input.branch().map(NixpkgsBranch::parse).map(b -> b.kind() == NixpkgsBranch.Kind.MASTER).orElse(false);
  }
}
