package io.github.nixml.validate.rules.files;

import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;

/**
 * {@code missing-file}: a project lacks {@code flake.nix}, {@code .python-version} or {@code pyproject.toml}. Why:
 * without the flake there is no dev shell; without {@code .python-version} uv picks whatever interpreter it finds
 * (or downloads one) instead of the shell's; without {@code pyproject.toml} {@code uv sync} has nothing to install.
 * (A project is a directory with a flake.nix; when the root holds no flake at all, the root is checked.)
 */
public final class MissingFileRule extends BaseProjectRule {

  public MissingFileRule() {
    super(RuleDescriptor.of("missing-file", Severity.ERROR,
        "flake.nix, .python-version or pyproject.toml is missing."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    report(context.flakeNix().source(), "has no flake.nix: there is no dev shell for `nix develop` or `use flake`",
        sink);
    report(context.pythonVersionSource(),
        "has no .python-version: uv will choose an interpreter on its own instead of the dev shell's", sink);
    report(context.pyprojectSource(), "has no pyproject.toml: `uv sync` has no project to install", sink);
  }

  private static void report(SourceFile file, String what, FindingSink sink) {
    if (file.isMissing()) {
      String path = file.path();
      int slash = path.lastIndexOf('/');
      String project = slash < 0 ? "the project" : "project " + path.substring(0, slash);
      sink.report(file.location(), capitalize(project) + " " + what);
    }
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
