package io.github.nixml.validate;

import java.util.Locale;

/** How serious a finding is. Ordered from most to least severe; {@code off} is a configuration value, not a severity. */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  /** The lower-case name used in reports, configuration and SARIF levels. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is as serious as {@code threshold} or more. */
  public boolean isAtLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /**
   * Parses {@code error}, {@code warning} or {@code note} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Severity parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Severity severity : values()) {
      if (severity.id().equals(value)) {
        return severity;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + text + "' (expected error, warning or note)");
  }

  @Override
  public String toString() {
    return id();
  }
}
