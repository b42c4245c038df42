package io.github.nixml.validate.rules.shell;

import io.github.nixml.model.DevShell;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.facts.FlakeShells;

/** A rule that checks each dev shell the model found, one at a time; silent when the model found none. */
public abstract class DevShellRule extends BaseProjectRule {

  protected DevShellRule(RuleDescriptor descriptor) {
    super(descriptor);
  }

  @Override
  public final void check(ProjectContext context, FindingSink sink) {
    FlakeShells model = FlakeShells.of(context);
    for (DevShell shell : model.shells()) {
      check(shell, model, sink);
    }
  }

  protected abstract void check(DevShell shell, FlakeShells model, FindingSink sink);
}
