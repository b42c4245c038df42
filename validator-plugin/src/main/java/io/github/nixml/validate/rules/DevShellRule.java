package io.github.nixml.validate.rules;

import io.github.nixml.model.DevShell;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.ProjectRule;

/** A rule that checks each dev shell the model found, one at a time; silent when the model found none. */
abstract class DevShellRule implements ProjectRule {

  @Override
  public final void check(ProjectContext context, FindingSink sink) {
    ShellModel model = ShellModel.of(context);
    for (DevShell shell : model.shells()) {
      check(shell, model, sink);
    }
  }

  abstract void check(DevShell shell, ShellModel model, FindingSink sink);
}
