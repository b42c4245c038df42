package io.github.nixml.validate;

import java.util.Locale;

/** The gate: the lowest severity that fails the build, or {@code none}. */
public enum FailOn {
  ERROR(Severity.ERROR),
  WARNING(Severity.WARNING),
  NOTE(Severity.NOTE),
  NONE(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  /** True when a finding of this severity fails the build. */
  public boolean fails(Severity severity) {
    return threshold != null && severity.isAtLeast(threshold);
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming the accepted values */
  public static FailOn parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (FailOn failOn : values()) {
      if (failOn.id().equals(value)) {
        return failOn;
      }
    }
    throw new IllegalArgumentException("unknown failOn '" + text + "' (expected error, warning, note or none)");
  }

  @Override
  public String toString() {
    return id();
  }
}
