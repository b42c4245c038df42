package io.github.nixml.lock;

import java.util.Objects;

/** What reading {@code flake.lock} gave: a lock, or why the text is not one and where. */
public sealed interface FlakeLockResult permits FlakeLockResult.Read, FlakeLockResult.Rejected {

  /** A well-formed lock file. */
  record Read(FlakeLock lock) implements FlakeLockResult {
    public Read {
      Objects.requireNonNull(lock, "lock");
    }
  }

  /** Not JSON, or JSON that is not a lock file; the position is that of the JSON error or of the faulty member. */
  record Rejected(String message, JsonPosition position) implements FlakeLockResult {
    public Rejected {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(position, "position");
    }
  }
}
