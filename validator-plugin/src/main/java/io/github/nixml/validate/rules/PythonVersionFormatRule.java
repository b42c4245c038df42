package io.github.nixml.validate.rules;

import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.ProjectRule;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.python.PythonVersionFile;

/**
 * {@code python-version-format}: {@code .python-version} holds no request, or a line that is not a Python
 * request uv understands ({@code 3.12}, {@code 3.12.1}, {@code cpython@3.12}, {@code pypy3.10}, {@code >=3.11},
 * {@code 3.13t}…). Why: uv reads every non-blank line that does not start with {@code #} as a request; anything it
 * cannot parse as a version becomes "an executable named '3.12 # pinned'" and every {@code uv run} fails with
 * "No interpreter found". Versions below 3.7 and free-threaded requests below 3.13 are refused by uv as well.
 */
public final class PythonVersionFormatRule implements ProjectRule {
  private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of("python-version-format", Severity.ERROR,
      ".python-version is not a version request uv understands.");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    SourceFile source = context.pythonVersionSource();
    if (source.isUnreadable()) {
      if (!source.isTooLarge()) { // file-too-large reports it
        sink.report(source.location(), source.path() + " " + source.problem().orElse("cannot be read"));
      }
      return;
    }
    if (!source.isPresent()) {
      return; // missing-file reports it
    }
    PythonVersionFile file = PythonVersionFile.of(context);
    if (file.entries().isEmpty()) {
      sink.report(source.location(), source.path()
          + " holds no version (only blank lines or comments); uv ignores it. Write the version, e.g. 3.12");
      return;
    }
    for (PythonVersionFile.Entry entry : file.entries()) {
      entry.parsed().problem().ifPresent(problem ->
          sink.report(entry.location(), "'" + entry.text() + "' " + problem));
    }
  }
}
