package io.github.nixml.fix;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What would make a finding go away: a one-line description for people ({@code pin 3.12 in .python-version}) and
 * the text edits that do it, possibly in several files. The edits of one fix never conflict with each other.
 */
public record Fix(String description, List<TextEdit> edits) {

  public Fix {
    Objects.requireNonNull(description, "description");
    edits = edits.stream().sorted(TextEdit.ORDER).toList();
    if (edits.isEmpty()) {
      throw new IllegalArgumentException("a fix needs at least one edit: " + description);
    }
    for (int i = 1; i < edits.size(); i++) {
      if (edits.get(i - 1).conflictsWith(edits.get(i))) {
        throw new IllegalArgumentException("conflicting edits in one fix: " + description);
      }
    }
  }

  public static Fix of(String description, TextEdit... edits) {
    return new Fix(description, List.of(edits));
  }

  /** The files this fix changes, sorted. */
  public Set<String> paths() {
    Set<String> paths = new TreeSet<>();
    edits.forEach(edit -> paths.add(edit.path()));
    return paths;
  }

  /** Whether some edit of this fix conflicts with some edit of {@code other}. */
  public boolean conflictsWith(Fix other) {
    for (TextEdit mine : edits) {
      for (TextEdit theirs : other.edits) {
        if (mine.conflictsWith(theirs)) {
          return true;
        }
      }
    }
    return false;
  }
}
