package io.github.nixml.validate;

import java.nio.file.Path;
import java.util.List;

/**
 * What one run found: the projects (root-relative directories, {@code ""} for the root), the rules that ran
 * (sorted by id), every finding in {@link Finding#ORDER}, how many Nix files were checked, and notices about
 * parts of the tree that could not be walked.
 */
public record ValidationResult(
    Path root,
    List<String> projects,
    List<RuleDescriptor> rules,
    List<Finding> findings,
    int nixFileCount,
    List<String> notices) {

  public ValidationResult {
    projects = List.copyOf(projects);
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    notices = List.copyOf(notices);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** How many findings fail the build under {@code failOn}. */
  public long countFailing(FailOn failOn) {
    return findings.stream().filter(f -> failOn.fails(f.severity())).count();
  }

  /** The project a file belongs to: the deepest project directory that contains it, else the root ({@code ""}). */
  public String projectOf(String path) {
    String best = "";
    for (String project : projects) {
      if (!project.isEmpty() && (path.startsWith(project + "/")) && project.length() > best.length()) {
        best = project;
      }
    }
    return best;
  }

  /** {@code 3 projects, 12 Nix files: 2 errors, 1 warning, 0 notes}. */
  public String summary() {
    return plural(projects.size(), "project") + ", " + plural(nixFileCount, "Nix file") + ": "
        + plural(count(Severity.ERROR), "error") + ", " + plural(count(Severity.WARNING), "warning") + ", "
        + plural(count(Severity.NOTE), "note");
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
