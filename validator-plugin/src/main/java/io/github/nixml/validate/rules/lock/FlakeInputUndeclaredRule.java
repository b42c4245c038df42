package io.github.nixml.validate.rules.lock;

import io.github.nixml.lock.FlakeLock;
import io.github.nixml.lock.GlobalFlakeRegistry;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.DeclaredInputs;
import io.github.nixml.validate.facts.ProjectFacts;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flake-input-undeclared}: {@code outputs} takes an argument that {@code inputs} does not declare, the global
 * flake registry does not name and flake.lock does not lock. Why: Nix makes every formal of {@code outputs} but
 * {@code self} an input, written as a registry name ({@code flake:hf-nix}, a default value changes nothing), so on
 * any machine without that name in its own registry {@code nix develop} stops with "cannot find flake 'flake:hf-nix'
 * in the flake registries". Silent when {@code inputs} is computed (it may declare the name) or the lock has it.
 */
public final class FlakeInputUndeclaredRule extends BaseProjectRule {

  public FlakeInputUndeclaredRule() {
    super(RuleDescriptor.of("flake-input-undeclared", Severity.ERROR,
        "outputs takes an input that no one declares, so nix develop cannot find it."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    DeclaredInputs declared = ProjectFacts.declaredInputs(context);
    if (!declared.complete()) {
      return;
    }
    Optional<FlakeLock> lock = ProjectFacts.lock(context);
    for (Map.Entry<String, Location> formal : context.get(ProjectFacts.OUTPUTS_FORMALS).entrySet()) {
      String name = formal.getKey();
      if (name.equals("self") || declared.find(name).isPresent() || GlobalFlakeRegistry.resolves(name)
          || lock.map(FlakeLock::root).filter(root -> root.inputs().containsKey(name)).isPresent()) {
        continue;
      }
      sink.report(formal.getValue(), "`outputs` takes `" + name + "`, which `inputs` does not declare and the global"
          + " flake registry does not name: `nix develop` fails with \"cannot find flake 'flake:" + name
          + "' in the flake registries\" on any machine whose own registry lacks it; declare `inputs." + name
          + ".url` (or drop the argument)");
    }
  }
}
