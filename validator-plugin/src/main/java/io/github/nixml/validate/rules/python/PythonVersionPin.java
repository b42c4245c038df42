package io.github.nixml.validate.rules.python;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.model.DevShell;
import io.github.nixml.model.PythonInterpreter;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.python.PythonVersionFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fix of {@code python-version-mismatch}: the flake's interpreter is the source of truth, so the request
 * uv reads from {@code .python-version} is replaced by its major.minor. Offered only when every shell of the
 * flake names the same interpreter version (otherwise there is no single truth to pin).
 */
public final class PythonVersionPin {
  private PythonVersionPin() {}

  public static Optional<Fix> fix(PythonVersionFile file, List<DevShell> shells) {
    Set<String> versions = new TreeSet<>();
    for (DevShell shell : shells) {
      shell.interpreters().stream().map(PythonInterpreter::version).forEach(versions::add);
    }
    if (versions.size() != 1 || file.first().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(pin(file, versions.iterator().next()));
  }

  /** Replaces the request uv uses with {@code version}. */
  public static Fix pin(PythonVersionFile file, String version) {
    SourceFile source = file.source();
    PythonVersionFile.Entry entry = file.first().orElseThrow();
    int offset = source.offsetOf(entry.location().line(), entry.location().column());
    return Fix.of("pin " + version + " in " + source.path(),
        TextEdit.replace(source.path(), offset, entry.text().length(), version));
  }
}
