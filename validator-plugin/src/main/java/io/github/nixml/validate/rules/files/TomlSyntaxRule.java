package io.github.nixml.validate.rules.files;

import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * {@code toml-syntax}: {@code pyproject.toml} is not valid TOML 1.0 (or cannot be read). Why: uv, pip and every
 * build backend refuse the whole project on the first TOML error, so nothing installs. The first
 * error is reported with its line and column (uv's and pip's parsers stop there; later errors mostly echo it).
 */
public final class TomlSyntaxRule extends BaseProjectRule {

  public TomlSyntaxRule() {
    super(RuleDescriptor.of("toml-syntax", Severity.ERROR,
        "pyproject.toml is not valid TOML."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    SourceFile source = context.pyprojectSource();
    if (sink.reportUnreadable(source)) {
      return;
    }
    TomlParseResult toml = context.pyproject().orElse(null);
    if (toml == null) {
      return; // missing: a missing-file finding
    }
    // Only the first error: uv's and pip's parsers stop there, and what follows it is mostly its echo.
    if (!toml.errors().isEmpty()) {
      TomlParseError error = toml.errors().get(0);
      int line = Math.max(1, error.position().line());
      int column = Math.max(1, error.position().column());
      sink.report(source.location(line, column), "invalid TOML: " + error.getMessage());
    }
  }
}
