package io.github.nixml.validate.rules.files;

import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.NixFileRule;
import io.github.nixml.validate.NixSource;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.ProjectRule;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import java.util.List;

/**
 * {@code file-too-large}: a file the validator would check is larger than {@code nixml.maxFileBytes}, so it was not
 * read and nothing in it was checked. Every Nix file, and each project's flake.lock, .python-version,
 * pyproject.toml, uv.lock, .gitignore and .envrc. Why: a gate that skips a file silently passes whatever is in it.
 */
public final class FileTooLargeRule implements NixFileRule, ProjectRule {
  private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of("file-too-large", Severity.WARNING,
      "A file is larger than nixml.maxFileBytes, so it was not checked.");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(NixSource file, FindingSink sink) {
    report(file.source(), sink);
  }

  /** The project's other files (its flake.nix is a Nix file, checked above). */
  @Override
  public void check(ProjectContext context, FindingSink sink) {
    for (SourceFile file : List.of(context.flakeLock(), context.pythonVersionSource(), context.pyprojectSource(),
        context.uvLockSource(), context.gitignore(), context.envrc())) {
      report(file, sink);
    }
  }

  private static void report(SourceFile file, FindingSink sink) {
    if (file.isTooLarge()) {
      sink.report(file.location(), file.path() + " " + file.problem().orElse("is too large; not read")
          + ": nothing in it was checked; raise nixml.maxFileBytes to check it");
    }
  }
}
