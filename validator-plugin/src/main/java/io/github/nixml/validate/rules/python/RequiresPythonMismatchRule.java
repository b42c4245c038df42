package io.github.nixml.validate.rules.python;

import io.github.nixml.toml.TomlDocument;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.facts.ProjectFacts;
import io.github.nixml.validate.python.Pep440Version;
import io.github.nixml.validate.python.PythonRequest;
import io.github.nixml.validate.python.PythonVersionFile;
import io.github.nixml.validate.python.VersionSpecifierSet;
import io.github.nixml.validate.rules.python.RequiresPythonBound;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * {@code requires-python-mismatch}: {@code [project].requires-python} in pyproject.toml (a PEP 440 specifier set)
 * admits no Python version that {@code .python-version} asks for, or is not a valid specifier set. Why: uv then
 * stops every {@code uv sync}/{@code uv run} with "The requested interpreter resolved to Python 3.11, which is
 * incompatible with the project's Python requirement". A request such as {@code 3.12} stands for every 3.12.x
 * release, so {@code >=3.12.4} does not fire; {@code 3.12} against {@code >=3.13} or {@code ==3.11.*} does.
 */
public final class RequiresPythonMismatchRule extends BaseProjectRule {

  public RequiresPythonMismatchRule() {
    super(RuleDescriptor.of("requires-python-mismatch", Severity.ERROR,
        "requires-python (PEP 440) excludes the .python-version version."));
  }

  /** Highest minor and patch numbers tried when a request names no exact release. */
  private static final int MAX_MINOR = 40;
  private static final int MAX_PATCH = 99;

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    TomlTable toml = context.pyproject().flatMap(TomlDocument::table).orElse(null);
    if (toml == null) {
      return; // missing or invalid: other rules report it
    }
    Object value = toml.get("project.requires-python");
    if (!(value instanceof String requiresPython)) {
      return;
    }
    SourceFile pyproject = context.pyprojectSource();
    TomlPosition position = toml.inputPositionOf("project.requires-python");
    Location specifierLocation = position == null ? pyproject.location()
        : pyproject.location(position.line(), position.column());
    VersionSpecifierSet specifiers;
    try {
      specifiers = VersionSpecifierSet.parse(requiresPython);
    } catch (IllegalArgumentException e) {
      sink.report(specifierLocation, "requires-python \"" + requiresPython
          + "\" is not a valid PEP 440 specifier set: " + e.getMessage());
      return;
    }
    PythonVersionFile versionFile = context.get(ProjectFacts.PYTHON_VERSION);
    Optional<PythonVersionFile.Entry> entry = versionFile.first();
    Optional<PythonRequest> request = entry.flatMap(PythonVersionFile.Entry::request);
    if (request.isEmpty() || !request.get().hasVersion()) {
      return; // unknown: never guess
    }
    if (admitsSome(request.get(), specifiers)) {
      return;
    }
    sink.report(entry.get().location(),
        ".python-version asks for Python " + request.get().text() + " but requires-python \"" + requiresPython
            + "\" (" + specifierLocation + ") excludes it; uv will refuse to run",
        List.of(specifierLocation),
        request.get().majorMinor().flatMap(version -> RequiresPythonBound.fix(pyproject, toml, version)));
  }

  /** Whether some final release the request stands for satisfies the specifiers. */
  static boolean admitsSome(PythonRequest request, VersionSpecifierSet specifiers) {
    Optional<Pep440Version> exact = request.version();
    if (exact.isPresent() && exact.get().isPrerelease()) {
      return specifiers.containsIgnoringPrereleasePolicy(exact.get());
    }
    int fixedMinor = exact.filter(v -> v.releaseSize() >= 2).map(v -> v.releasePart(1).intValue()).orElse(-1);
    for (int minor = 0; minor <= MAX_MINOR; minor++) {
      if (fixedMinor >= 0 && minor != fixedMinor) {
        continue;
      }
      for (int patch = 0; patch <= MAX_PATCH; patch++) {
        Pep440Version candidate = Pep440Version.of(3, minor, patch);
        if (request.admits(candidate) && specifiers.contains(candidate)) {
          return true;
        }
      }
    }
    return false;
  }
}
