package io.github.nixml.validate.rules;

import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.ProjectRule;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * {@code toml-syntax}: {@code pyproject.toml} is not valid TOML 1.0 (or cannot be read). Why: uv, pip and every
 * build backend refuse the whole project on the first TOML error, so nothing installs; each error is reported with
 * its line and column.
 */
public final class TomlSyntaxRule implements ProjectRule {
  private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of("toml-syntax", Severity.ERROR,
      "pyproject.toml is not valid TOML.");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    SourceFile source = context.pyprojectSource();
    if (source.isUnreadable()) {
      if (!source.isTooLarge()) { // file-too-large reports it
        sink.report(source.location(), source.path() + " " + source.problem().orElse("cannot be read"));
      }
      return;
    }
    TomlParseResult toml = context.pyproject().orElse(null);
    if (toml == null) {
      return; // missing: a missing-file finding
    }
    for (TomlParseError error : toml.errors()) {
      int line = Math.max(1, error.position().line());
      int column = Math.max(1, error.position().column());
      sink.report(source.location(line, column), "invalid TOML: " + error.getMessage());
    }
  }
}
