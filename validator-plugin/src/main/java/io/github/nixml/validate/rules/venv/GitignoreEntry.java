package io.github.nixml.validate.rules.venv;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.validate.SourceFile;
import java.util.Optional;

/**
 * The fix of {@code venv-not-ignored}: append a line ({@code .venv/}) to the project's {@code .gitignore},
 * creating the file when it is missing. Not offered when a negation re-includes the venv (removing a line the
 * user wrote on purpose is theirs to decide) or the file cannot be read.
 */
public final class GitignoreEntry {
  private GitignoreEntry() {}

  public static Optional<Fix> append(SourceFile gitignore, String line) {
    if (gitignore.isUnreadable()) {
      return Optional.empty();
    }
    String text = gitignore.text().orElse("");
    String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    return Optional.of(Fix.of((gitignore.isMissing() ? "create " + gitignore.path() + " with " : "add ") + line
        + (gitignore.isMissing() ? "" : " to " + gitignore.path()),
        TextEdit.insert(gitignore.path(), text.length(), separator + line + "\n")));
  }
}
