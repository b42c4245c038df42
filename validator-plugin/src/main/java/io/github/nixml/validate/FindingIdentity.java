package io.github.nixml.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What stays the same about a finding when an edit moves it to another line: its rule, its file and its message
 * with every {@code line:col} position taken out. A baseline matches findings by it (the SARIF fingerprints), and
 * the goals that edit files tell the findings their edit introduced from those that were there before.
 */
public record FindingIdentity(String ruleId, String path, String message) {
  /** A {@code line:col} pair ("defined at 1:3") or a {@code :line} after a path. */
  private static final Pattern POSITION = Pattern.compile("\\d+:\\d+|:\\d+");

  public static FindingIdentity of(Finding finding) {
    return new FindingIdentity(finding.ruleId(), finding.location().path(),
        POSITION.matcher(finding.message()).replaceAll(":_"));
  }

  /**
   * The findings of {@code after} that {@code before} did not have, in {@code after}'s order. Identities are
   * counted: a second identical finding in the same file is a new one.
   */
  public static List<Finding> introduced(List<Finding> before, List<Finding> after) {
    Map<FindingIdentity, Integer> known = new HashMap<>();
    for (Finding finding : before) {
      known.merge(of(finding), 1, Integer::sum);
    }
    List<Finding> introduced = new ArrayList<>();
    for (Finding finding : after) {
      if (known.merge(of(finding), -1, Integer::sum) < 0) {
        introduced.add(finding);
      }
    }
    return introduced;
  }
}
