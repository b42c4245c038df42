package io.github.nixml.validate.rules.lock;

import io.github.nixml.lock.NixpkgsBranch;
import io.github.nixml.model.DevShell;
import io.github.nixml.model.FlakeModel;
import io.github.nixml.model.PackageRef;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.facts.NixpkgsInput;
import io.github.nixml.validate.facts.ProjectFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code nixpkgs-branch-master}: the dev shell's base packages come from a nixpkgs input that follows
 * {@code master}. Taking a fast-moving tool such as uv from master is fine (the seed flakes do it with a second
 * input, {@code nixpkgs_master}); taking the interpreter or CUDA from it is not: master commits are untested and
 * mostly not yet in the binary cache, so CUDA and Python packages build from source and break without warning.
 *
 * <p>It fires for a master input when the dev-shell model sees a shell take an interpreter ({@code python312}) or a
 * CUDA package from it, and, whatever the model can read, when master is the project's only nixpkgs input (then
 * the interpreter and CUDA necessarily come from master).
 */
public final class NixpkgsBranchMasterRule extends BaseProjectRule {

  public NixpkgsBranchMasterRule() {
    super(RuleDescriptor.of("nixpkgs-branch-master", Severity.NOTE,
        "The interpreter or CUDA come from a nixpkgs input that follows master."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    List<NixpkgsInput> inputs = context.get(ProjectFacts.NIXPKGS_INPUTS);
    boolean onlyMaster = !inputs.isEmpty() && inputs.stream().allMatch(NixpkgsBranchMasterRule::followsMaster);
    String suggested = BranchPolicies.of(context.config()).suggestedBranch();
    FlakeModel model = null;
    for (NixpkgsInput input : inputs) {
      if (!followsMaster(input)) {
        continue;
      }
      if (onlyMaster) {
        sink.report(input.location(), "nixpkgs input '" + input.name() + "' follows master and is the only"
            + " nixpkgs input, so the interpreter and CUDA come from untested, mostly uncached commits: follow "
            + suggested + " and keep master in a second input (e.g. nixpkgs_master) for tools such as uv",
            input.related());
        continue;
      }
      if (model == null) {
        model = context.get(ProjectFacts.MODEL);
      }
      Optional<PackageRef> base = baseFromInput(model, input.name());
      if (base.isPresent()) {
        PackageRef ref = base.get();
        List<Location> related = new ArrayList<>(input.related());
        related.add(context.flakeNix().source().location(ref.location().line(), ref.location().column()));
        sink.report(input.location(), "nixpkgs input '" + input.name() + "' follows master and the dev shell"
            + " takes " + ref.name() + " from it (flake.nix:" + ref.location() + "): take the interpreter and CUDA"
            + " from a release input (" + suggested + ") and keep master for tools such as uv", related);
      }
    }
  }

  /** The first interpreter or CUDA package some shell takes from this input. */
  private static Optional<PackageRef> baseFromInput(FlakeModel model, String input) {
    for (DevShell shell : model.shells()) {
      List<PackageRef> base = new ArrayList<>(shell.cudaPackages());
      shell.interpreters().forEach(interpreter -> base.add(interpreter.ref()));
      base.sort(Comparator.comparingInt(ref -> ref.location().offset()));
      for (PackageRef ref : base) {
        if (ref.source() != null && ref.source().input().equals(input)) {
          return Optional.of(ref);
        }
      }
    }
    return Optional.empty();
  }

  static boolean followsMaster(NixpkgsInput input) {
    return input.branch().map(NixpkgsBranch::parse).map(b -> b.kind() == NixpkgsBranch.Kind.MASTER).orElse(false);
  }
}
