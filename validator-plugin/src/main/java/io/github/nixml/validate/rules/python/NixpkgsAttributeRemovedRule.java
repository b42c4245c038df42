package io.github.nixml.validate.rules.python;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.NixpkgsFacts;
import io.github.nixml.model.NixpkgsRevision;
import io.github.nixml.model.PackageRef;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code nixpkgs-attribute-removed}: a dev shell takes an interpreter attribute ({@code python38},
 * {@code python39Packages}) from a nixpkgs revision that no longer has it. Why: {@code nix develop} stops with
 * "attribute 'python38' missing" (or the alias' removal message) before the shell exists. Fires only when the
 * input's branch or locked date names the revision and the package set is nixpkgs' own (no overlays); a name the
 * flake binds itself is not a nixpkgs attribute and never fires.
 */
public final class NixpkgsAttributeRemovedRule extends DevShellRule {

  public NixpkgsAttributeRemovedRule() {
    super(RuleDescriptor.of("nixpkgs-attribute-removed", Severity.ERROR,
        "A dev shell uses a nixpkgs attribute its nixpkgs revision no longer has."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    Set<Integer> reported = new HashSet<>();
    for (PackageRef ref : shell.packages().packages()) {
      Optional<NixpkgsRevision> revision = model.revisionOf(ref);
      Optional<NixpkgsFacts.Removal> removal =
          revision.flatMap(r -> NixpkgsFacts.bundled().removedAttribute(ref.attrPath().get(0), r));
      if (removal.isEmpty() || !reported.add(ref.location().offset())) {
        continue;
      }
      NixpkgsFacts.Removal removed = removal.get();
      sink.report(model.at(ref.location()),
          removed.attribute() + " does not exist in " + revision.get().describe() + ": nixpkgs removed it in "
              + removed.release().version() + " (" + removed.reference() + "), so `nix develop` fails; use "
              + removed.replacement() + " or another interpreter the release has");
    }
  }
}
