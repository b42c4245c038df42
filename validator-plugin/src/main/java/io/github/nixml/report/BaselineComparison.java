package io.github.nixml.report;

import io.github.nixml.validate.Finding;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A run compared with its baseline: the findings the baseline already had ({@code unchanged}; every other finding
 * is {@code new}) and the baseline's results no longer found ({@code absent}). {@link #NONE} when no baseline was
 * given: then SARIF carries no {@code baselineState} and every finding counts.
 */
public record BaselineComparison(boolean active, Set<Finding> unchanged, List<Baseline.Entry> absent) {

  public static final BaselineComparison NONE = new BaselineComparison(false, Set.of(), List.of());

  public BaselineComparison {
    Set<Finding> copy = Collections.newSetFromMap(new IdentityHashMap<>());
    copy.addAll(unchanged);
    unchanged = Collections.unmodifiableSet(copy);
    absent = List.copyOf(absent);
  }

  public boolean isKnown(Finding finding) {
    return unchanged.contains(finding);
  }

  /** {@code new}, {@code unchanged}, as SARIF's {@code baselineState} names them. */
  public String stateOf(Finding finding) {
    return isKnown(finding) ? "unchanged" : "new";
  }
}
