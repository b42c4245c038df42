package io.github.nixml.validate.rules.files;

import io.github.nixml.toml.TomlDocument;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import java.util.Optional;

/**
 * {@code toml-syntax}: {@code pyproject.toml} or {@code uv.lock} is not valid TOML 1.0 (or cannot be read; a text
 * nested deeper than {@link TomlDocument#MAX_NESTING} levels is not read). Why: uv, pip and every build backend
 * refuse the whole project on the first TOML error, so nothing installs. The first error is reported with its line
 * and column (uv's and pip's parsers stop there; later errors mostly echo it).
 */
public final class TomlSyntaxRule extends BaseProjectRule {

  public TomlSyntaxRule() {
    super(RuleDescriptor.of("toml-syntax", Severity.ERROR,
        "pyproject.toml or uv.lock is not valid TOML."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    check(context.pyprojectSource(), context.pyproject(), sink);
    check(context.uvLockSource(), context.uvLock(), sink);
  }

  private static void check(SourceFile source, Optional<TomlDocument> document, FindingSink sink) {
    if (sink.reportUnreadable(source)) {
      return;
    }
    // Missing: a missing-file finding where the project needs the file.
    document.flatMap(TomlDocument::firstError).ifPresent(error ->
        sink.report(source.location(error.line(), error.column()), "invalid TOML: " + error.message()));
  }
}
