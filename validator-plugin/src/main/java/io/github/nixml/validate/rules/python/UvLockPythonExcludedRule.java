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
import io.github.nixml.validate.python.PythonRequest;
import io.github.nixml.validate.python.PythonVersionFile;
import io.github.nixml.validate.python.VersionSpecifierSet;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * {@code uv-lock-python-excluded}: {@code uv.lock} was resolved for a {@code requires-python} that admits no
 * version {@code .python-version} asks for (the lock is older than the pin, or the pin moved back). Why:
 * {@code uv sync --locked} and {@code --frozen} then refuse the interpreter or install wheels resolved for another
 * Python; {@code uv lock} re-resolves for the pinned version.
 */
public final class UvLockPythonExcludedRule extends BaseProjectRule {

  public UvLockPythonExcludedRule() {
    super(RuleDescriptor.of("uv-lock-python-excluded", Severity.WARNING,
        "uv.lock's requires-python excludes the .python-version version."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    SourceFile lockFile = context.uvLockSource();
    TomlTable lock = context.uvLock().flatMap(TomlDocument::table).orElse(null);
    if (lock == null || !(lock.get("requires-python") instanceof String requiresPython)) {
      return; // missing, or not a lock uv wrote (toml-syntax reports invalid TOML): nothing to compare
    }
    PythonVersionFile versionFile = context.get(ProjectFacts.PYTHON_VERSION);
    Optional<PythonVersionFile.Entry> entry = versionFile.first();
    Optional<PythonRequest> request = entry.flatMap(PythonVersionFile.Entry::request);
    if (request.isEmpty() || !request.get().hasVersion()) {
      return;
    }
    VersionSpecifierSet specifiers;
    try {
      specifiers = VersionSpecifierSet.parse(requiresPython);
    } catch (IllegalArgumentException e) {
      return; // uv writes valid specifiers; a hand-edited lock is uv's to refuse
    }
    if (RequiresPythonMismatchRule.admitsSome(request.get(), specifiers)) {
      return;
    }
    TomlPosition position = lock.inputPositionOf("requires-python");
    Location at = position == null ? lockFile.location() : lockFile.location(position.line(), position.column());
    sink.report(at, lockFile.path() + " was resolved for requires-python \"" + requiresPython + "\", which excludes"
        + " Python " + request.get().text() + " of .python-version (" + entry.get().location() + "): `uv sync"
        + " --locked` refuses it; run `uv lock` and commit uv.lock", List.of(entry.get().location()));
  }
}
