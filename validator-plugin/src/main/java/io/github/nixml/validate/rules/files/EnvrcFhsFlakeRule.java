package io.github.nixml.validate.rules.files;

import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.facts.FlakeShells;
import java.util.OptionalInt;

/**
 * {@code envrc-fhs-flake}: every dev shell of the flake is a {@code buildFHSEnv} environment, and {@code .envrc}
 * runs {@code use flake} (as {@code envrc-no-flake} reads it: arguments, {@code use_flake}, after {@code ;} or
 * {@code then}; not in comments or quotes). Why: direnv and nix-direnv only copy environment variables into the
 * current shell, while an FHS environment is a separate process in its own mount namespace; its shell hook starts
 * that process on every load, and direnv reloads in a loop or hangs.
 */
public final class EnvrcFhsFlakeRule extends BaseProjectRule {

  public EnvrcFhsFlakeRule() {
    super(RuleDescriptor.of("envrc-fhs-flake", Severity.WARNING,
        ".envrc runs `use flake`, but the dev shell is a buildFHSEnv environment that direnv cannot enter."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    SourceFile envrc = context.envrc();
    if (!envrc.isPresent() || !FlakeShells.of(context).fhsOnly()) {
      return;
    }
    for (int line = 1; line <= envrc.lineCount(); line++) {
      OptionalInt column = EnvrcNoFlakeRule.useFlakeColumn(envrc.line(line));
      if (column.isPresent()) {
        sink.report(envrc.location(line, column.getAsInt()), envrc.path() + " runs `use flake`, but the dev shell"
            + " is a buildFHSEnv environment: direnv only loads environment variables into your shell and cannot"
            + " enter the FHS sandbox (it starts it on every load and reloads in a loop); remove `use flake` from"
            + " .envrc and enter with `nix develop` (or `nix run`)");
        return;
      }
    }
  }
}
