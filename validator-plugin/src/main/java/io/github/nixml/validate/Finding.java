package io.github.nixml.validate;

import io.github.nixml.fix.Fix;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found by one rule: where it is, how serious, what is wrong. {@code related} points at the other
 * places involved (a mismatch points at both sides); {@code fix}, when the rule can compute one, is the edit that
 * makes the finding go away.
 */
public record Finding(String ruleId, Severity severity, String message, Location location, List<Location> related,
    Optional<Fix> fix) {

  /** The stable report order: path, line, column, rule id, then message. */
  public static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.location().path())
      .thenComparingInt(f -> f.location().line())
      .thenComparingInt(f -> f.location().column())
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::message)
      .thenComparing(Finding::location)
      .thenComparing(f -> f.severity().ordinal())
      .thenComparing(f -> f.related().toString());

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    related = List.copyOf(related);
    Objects.requireNonNull(fix, "fix");
  }

  public Finding(String ruleId, Severity severity, String message, Location location, List<Location> related) {
    this(ruleId, severity, message, location, related, Optional.empty());
  }

  public Finding(String ruleId, Severity severity, String message, Location location) {
    this(ruleId, severity, message, location, List.of());
  }

  /** {@code path:line:col: severity: [rule-id] message}, the console line. */
  @Override
  public String toString() {
    return location + ": " + severity.id() + ": [" + ruleId + "] " + message;
  }
}
