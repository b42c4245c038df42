package io.github.nixml.validate.rules.files;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.validate.SourceFile;
import java.util.Optional;

/**
 * The fix of {@code envrc-no-flake} where it applies: a missing {@code .envrc} is created with {@code use flake}.
 * An existing {@code .envrc} that does something else ({@code use nix}, a layout) is the user's design, so it gets
 * no fix.
 */
public final class EnvrcEdits {
  private EnvrcEdits() {}

  public static Optional<Fix> create(SourceFile envrc) {
    if (!envrc.isMissing()) {
      return Optional.empty();
    }
    return Optional.of(Fix.of("create " + envrc.path() + " with `use flake`",
        TextEdit.insert(envrc.path(), 0, "use flake\n")));
  }
}
