package io.github.nixml.validate.rules.venv;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.ShellText;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.Optional;

/**
 * {@code fhs-venv-missing}: an FHS shell's {@code profile} neither creates ({@code python -m venv}, {@code uv venv},
 * {@code virtualenv}) nor activates ({@code source …/bin/activate}) a venv. Why: inside the FHS environment
 * {@code pip install} then targets the interpreter in the Nix store and fails with "Read-only file system", or
 * packages land in {@code ~/.local} and leak between projects.
 */
public final class FhsVenvMissingRule extends DevShellRule {

  public FhsVenvMissingRule() {
    super(RuleDescriptor.of("fhs-venv-missing", Severity.ERROR,
        "An FHS profile neither creates nor activates a venv."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.layout() != Layout.FHS) {
      return;
    }
    Optional<ShellText> profile = shell.hook("profile");
    if (profile.isEmpty()) {
      if (shell.attributesComplete()) {
        sink.report(model.at(shell.location()),
            "this FHS environment has no profile, so no venv is created or activated; add a profile that runs "
                + "`python -m venv .venv` (once) and `source .venv/bin/activate`");
      }
      return;
    }
    if (!profile.get().complete() || VenvCommands.anyCreatesOrActivates(profile.get().commands())) {
      return;
    }
    sink.report(model.at(profile.get().location()),
        "this profile neither creates nor activates a venv; add `python -m venv .venv` (once) and "
            + "`source .venv/bin/activate`");
  }
}
