package io.github.nixml.validate.rules.files;

import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.facts.FlakeShells;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code envrc-no-flake}: the project uses direnv (it has an {@code .envrc}) and its {@code .envrc} contradicts the
 * flake: it runs a bare {@code use nix} (or {@code use_nix}) while the project has no {@code shell.nix} or
 * {@code default.nix} for it to load, only flake.nix, so direnv fails instead of entering the dev shell. Under the
 * full nixml contract (a configured layout) the template's {@code .envrc} is expected: it fires whenever
 * {@code .envrc} never runs {@code use flake} (with or without arguments such as {@code use flake .#cuda --impure};
 * {@code use_flake} counts too; commented-out lines do not), and when {@code .envrc} is missing. Without a
 * configured layout an {@code .envrc} that enters its dev environment another way ({@code use devenv},
 * {@code nix print-dev-env}, {@code use envreload}, lorri, {@code use nix} with a shell.nix …) or enters none is
 * the project's choice, not a breakage: silent. Why: with direnv the dev shell, its {@code LD_LIBRARY_PATH} and the
 * venv hook are entered automatically on {@code cd}; without it people run {@code uv} outside the shell and wheels
 * fail on missing libraries. Silent when every dev shell is a buildFHSEnv environment, which direnv cannot enter
 * ({@code envrc-fhs-flake}), and while flake.nix cannot be read (the layout is then unknown).
 */
public final class EnvrcNoFlakeRule extends BaseProjectRule {

  public EnvrcNoFlakeRule() {
    super(RuleDescriptor.of("envrc-no-flake", Severity.WARNING,
        ".envrc runs `use nix` with no shell.nix for it (with a configured layout: lacks `use flake`, or is missing)."));
  }

  /** {@code use flake} / {@code use_flake} as a command: at the start of a line or after ; & | { ( then do else. */
  private static final Pattern USE_FLAKE = Pattern.compile(
      "(?:^|[;&|{(]|\\bthen\\b|\\bdo\\b|\\belse\\b)\\s*(?<use>use\\s+flake|use_flake)(?=$|[\\s;&|)}])");

  /** A bare {@code use nix} / {@code use_nix} as a command: it loads ./shell.nix or ./default.nix. */
  private static final Pattern USE_NIX = Pattern.compile(
      "(?:^|[;&|{(]|\\bthen\\b|\\bdo\\b|\\belse\\b)\\s*(?:use\\s+nix|use_nix)\\s*(?:$|[;&|)}])");

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    SourceFile envrc = context.envrc();
    if (sink.reportUnreadable(envrc)) {
      return;
    }
    // Advice that depends on the layout waits for a flake.nix the model can read (nix-syntax speaks first).
    FlakeShells shells = FlakeShells.of(context);
    if (!shells.model().readable() || shells.fhsOnly() || context.nixShellProject()) {
      return; // a shell.nix project without a flake: `use nix` is its way in, `use flake` has nothing to enter
    }
    if (envrc.isMissing()) {
      if (!context.config().strict()) {
        return; // a project without .envrc uses no direnv: nothing for `use flake` to fix
      }
      sink.report(envrc.location(), "No .envrc: direnv will not enter the dev shell on cd; create it with the line"
          + " `use flake`", List.of(), EnvrcEdits.create(envrc));
      return;
    }
    for (int line = 1; line <= envrc.lineCount(); line++) {
      if (usesFlake(envrc.line(line))) {
        return;
      }
    }
    if (!context.config().strict()) {
      if (context.file("shell.nix").isPresent() || context.file("default.nix").isPresent()) {
        return; // `use nix` has its file; any other way into a dev environment is the project's choice
      }
      for (int line = 1; line <= envrc.lineCount(); line++) {
        if (USE_NIX.matcher(code(envrc.line(line))).find()) {
          sink.report(Location.of(envrc.path(), line, 1), envrc.path() + " runs `use nix`, but the project has no"
              + " shell.nix or default.nix for it, only flake.nix: direnv fails instead of entering the dev shell;"
              + " replace it with `use flake`");
          return;
        }
      }
      return;
    }
    sink.report(envrc.location(), envrc.path() + " never runs `use flake`: direnv will not enter the flake's dev"
        + " shell; add the line `use flake`");
  }

  /** Whether a shell line runs {@code use flake} outside comments and quotes. */
  static boolean usesFlake(String line) {
    return useFlakeColumn(line).isPresent();
  }

  /** The 1-based column where a shell line runs {@code use flake} outside comments and quotes, if it does. */
  public static OptionalInt useFlakeColumn(String line) {
    Matcher matcher = USE_FLAKE.matcher(code(line));
    return matcher.find() ? OptionalInt.of(matcher.start("use") + 1) : OptionalInt.empty();
  }

  /** The line with quoted strings blanked and a trailing comment removed. */
  static String code(String line) {
    StringBuilder code = new StringBuilder(line.length());
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          i++;
          code.append(' '); // one blank per character: columns stay those of the line
        } else if (c == quote) {
          quote = 0;
        }
        code.append(' ');
      } else if (c == '\'' || c == '"') {
        quote = c;
        code.append(' ');
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        break;
      } else {
        code.append(c);
      }
    }
    return code.toString();
  }
}
