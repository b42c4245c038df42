package io.github.nixml.validate;

import io.github.nixml.lock.Today;
import io.github.nixml.model.Layout;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the user configured: the expected layout, the CUDA mode, per-rule severities (a rule set to {@code off} is
 * disabled), the date rules may compare against, the largest file the validator reads, and the flake.lock policy:
 * the nixpkgs branches taken as supported (empty: computed from the release calendar) and the oldest lock age.
 */
public record ValidationConfig(
    Layout layout,
    CudaMode cuda,
    Map<String, Severity> severities,
    Set<String> disabledRules,
    LocalDate today,
    long maxFileBytes,
    List<String> supportedBranches,
    int maxLockAgeDays) {

  /** Files above this size are reported, not read. */
  public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

  /** A locked nixpkgs revision older than this many days is stale ({@code flake-lock-stale}). */
  public static final int DEFAULT_MAX_LOCK_AGE_DAYS = 30;

  public ValidationConfig {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(cuda, "cuda");
    Objects.requireNonNull(today, "today");
    severities = Map.copyOf(severities);
    disabledRules = Set.copyOf(disabledRules);
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
    }
    supportedBranches = List.copyOf(supportedBranches);
    if (maxLockAgeDays < 0) {
      throw new IllegalArgumentException("maxLockAgeDays must not be negative: " + maxLockAgeDays);
    }
  }

  public static ValidationConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether the project declares the full nixml contract: a layout is configured (the generated pom sets it), so
   * every rule holds the project to the templates' shape. With {@code auto} the rules fire only on evidence found
   * in the project itself.
   */
  public boolean strict() {
    return layout != Layout.AUTO;
  }

  public boolean isEnabled(String ruleId) {
    return !disabledRules.contains(ruleId);
  }

  /** The severity findings of this rule get: the configured override, else the rule's default. */
  public Severity severityOf(RuleDescriptor rule) {
    return severities.getOrDefault(rule.id(), rule.defaultSeverity());
  }

  /** Whether the user set this rule's severity (then a rule's note-level findings keep it too). */
  public boolean isSeverityConfigured(String ruleId) {
    return severities.containsKey(ruleId);
  }

  /** Collects settings, each validated with a message fit for a user. */
  public static final class Builder {
    private Layout layout = Layout.AUTO;
    private CudaMode cuda = CudaMode.AUTO;
    private final Map<String, Severity> severities = new TreeMap<>();
    private final Set<String> disabledRules = new TreeSet<>();
    private LocalDate today;
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private final List<String> supportedBranches = new ArrayList<>();
    private int maxLockAgeDays = DEFAULT_MAX_LOCK_AGE_DAYS;

    private Builder() {}

    /** Replaces the computed nixpkgs branch policy with this comma-separated list (blank: computed). */
    public Builder supportedBranches(String commaSeparated) {
      supportedBranches.clear();
      if (commaSeparated != null) {
        for (String branch : commaSeparated.split(",")) {
          if (!branch.isBlank()) {
            supportedBranches.add(branch.trim());
          }
        }
      }
      return this;
    }

    public Builder maxLockAgeDays(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxLockAgeDays must be a number of days, 0 or more: " + value);
      }
      this.maxLockAgeDays = value;
      return this;
    }

    public Builder layout(Layout value) {
      this.layout = Objects.requireNonNull(value);
      return this;
    }

    public Builder cuda(CudaMode value) {
      this.cuda = Objects.requireNonNull(value);
      return this;
    }

    public Builder today(LocalDate value) {
      this.today = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Pins the day from its written form ({@link Today#PROPERTY}); absent, blank or {@value Today#CLOCK} leaves the
     * clock's day.
     *
     * @throws IllegalArgumentException when the value is not an ISO date
     */
    public Builder pinToday(String value) {
      Today.pinned(value).ifPresent(this::today);
      return this;
    }

    public Builder maxFileBytes(long value) {
      this.maxFileBytes = value;
      return this;
    }

    /** Sets a rule's severity from {@code error}, {@code warning}, {@code note} or {@code off}. */
    public Builder severity(String ruleId, String value) {
      String id = ruleId == null ? "" : ruleId.trim();
      if (id.isEmpty()) {
        throw new IllegalArgumentException("empty rule id in severities");
      }
      String level = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
      if (level.equals("off")) {
        disabledRules.add(id);
        severities.remove(id);
      } else {
        try {
          severities.put(id, Severity.parse(level));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "unknown severity '" + value + "' for rule " + id + " (expected error, warning, note or off)");
        }
        disabledRules.remove(id);
      }
      return this;
    }

    /** Disables rules given as a comma-separated list of ids (blank entries ignored). */
    public Builder disable(String commaSeparatedIds) {
      if (commaSeparatedIds != null) {
        for (String id : commaSeparatedIds.split(",")) {
          if (!id.isBlank()) {
            disabledRules.add(id.trim());
          }
        }
      }
      return this;
    }

    /**
     * Applies one {@code key=value} setting as written in a fixture's {@code nixml.properties}: {@code layout},
     * {@code cuda}, {@code today} (ISO date), {@code maxFileBytes}, {@code disabledRules}, or
     * {@code severity.<rule-id>}.
     *
     * @throws IllegalArgumentException on an unknown key or a bad value
     */
    public Builder set(String key, String value) {
      String k = key.trim();
      String v = value == null ? "" : value.trim();
      if (k.startsWith("severity.")) {
        return severity(k.substring("severity.".length()), v);
      }
      switch (k) {
        case "layout":
          return layout(Layout.parse(v));
        case "cuda":
          return cuda(CudaMode.parse(v));
        case "today":
          return pinToday(v);
        case "maxFileBytes":
          try {
            return maxFileBytes(Long.parseLong(v));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("maxFileBytes must be a number: '" + v + "'");
          }
        case "disabledRules":
          return disable(v);
        case "supportedBranches":
          return supportedBranches(v);
        case "maxLockAgeDays":
          try {
            return maxLockAgeDays(Integer.parseInt(v));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("maxLockAgeDays must be a number of days: '" + v + "'");
          }
        default:
          throw new IllegalArgumentException("unknown setting '" + k + "'");
      }
    }

    /** Applies every entry of {@code settings} in key order. */
    public Builder setAll(Map<String, String> settings) {
      new TreeMap<>(settings).forEach(this::set);
      return this;
    }

    public ValidationConfig build() {
      return new ValidationConfig(layout, cuda, new LinkedHashMap<>(severities), disabledRules,
          today != null ? today : Today.resolve(null), maxFileBytes, supportedBranches, maxLockAgeDays);
    }
  }
}
