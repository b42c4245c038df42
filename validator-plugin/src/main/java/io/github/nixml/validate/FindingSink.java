package io.github.nixml.validate;

import io.github.nixml.fix.Fix;
import java.util.List;
import java.util.Optional;

/**
 * Where a rule reports. The engine gives each rule its own sink, bound to the rule's id and configured severity,
 * so rules only say where and what.
 */
@FunctionalInterface
public interface FindingSink {

  /** Reports a finding with the fix that makes it go away, when the rule can compute one. */
  void report(Location location, String message, List<Location> related, Optional<Fix> fix);

  default void report(Location location, String message, List<Location> related) {
    report(location, message, related, Optional.empty());
  }

  default void report(Location location, String message) {
    report(location, message, List.of());
  }

  /**
   * Reports a finding that is not evidence of a breakage (what the model cannot read, a choice the project may have
   * made on purpose) at {@code note}, unless the user set the rule's severity: a rule uses it where only the nixml
   * contract would make the finding a warning. Sinks that cannot lower the severity report it as usual.
   */
  default void reportNote(Location location, String message, List<Location> related) {
    report(location, message, related);
  }

  /**
   * Reports a file that exists but cannot be read (too large, not a regular file, an I/O error) at the file, and
   * says so: a rule that reads the file then stops, since there is nothing more to check.
   */
  default boolean reportUnreadable(SourceFile file) {
    if (file.isUnreadable()) {
      if (!file.isTooLarge()) { // file-too-large reports it
        report(file.location(), file.path() + " " + file.problem().orElse("cannot be read"));
      }
      return true;
    }
    return false;
  }
}
