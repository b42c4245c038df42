package io.github.nixml.report;

import io.github.nixml.validate.Finding;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.ValidationResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML for CI dashboards: a testsuite per project named by its path ({@code .} for the root), a testcase per
 * rule that ran named by the rule id, one failure per error or warning (findings in Nix files outside any project go
 * to the root's suite). A note does not fail its testcase: it passes, with the note as its output
 * ({@code system-out}). Text is escaped and characters XML cannot hold are replaced, so the file is always
 * well-formed.
 */
public final class JunitReport {
  private JunitReport() {}

  public static void write(ValidationResult result, Writer out) throws IOException {
    Map<String, List<Finding>> byProject = new LinkedHashMap<>();
    List<String> suites = new ArrayList<>(result.projects());
    for (Finding finding : result.findings()) {
      String project = result.projectOf(finding.location().path());
      if (!suites.contains(project)) {
        suites.add(project);
      }
      byProject.computeIfAbsent(project, p -> new ArrayList<>()).add(finding);
    }
    suites.sort(null);
    int rules = result.rules().size();
    long failures = result.findings().stream().filter(JunitReport::fails).count();
    StringBuilder xml = new StringBuilder(4096);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuites name=\"nixml\" tests=\"").append(rules * suites.size())
        .append("\" failures=\"").append(failures).append("\" errors=\"0\">\n");
    for (String project : suites) {
      List<Finding> findings = byProject.getOrDefault(project, List.of());
      String suiteName = project.isEmpty() ? "." : project;
      xml.append("  <testsuite name=\"").append(escape(suiteName)).append("\" tests=\"").append(rules)
          .append("\" failures=\"").append(findings.stream().filter(JunitReport::fails).count())
          .append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
      for (RuleDescriptor rule : result.rules()) {
        xml.append("    <testcase classname=\"").append(escape(suiteName)).append("\" name=\"")
            .append(escape(rule.id())).append("\" time=\"0\"");
        List<Finding> ofRule = findings.stream().filter(f -> f.ruleId().equals(rule.id())).toList();
        if (ofRule.isEmpty()) {
          xml.append("/>\n");
          continue;
        }
        xml.append(">\n");
        StringBuilder notes = new StringBuilder();
        for (Finding finding : ofRule) {
          if (!fails(finding)) {
            notes.append(notes.length() == 0 ? "" : "\n").append(finding);
            continue;
          }
          xml.append("      <failure type=\"").append(finding.severity().id()).append("\" message=\"")
              .append(escape(finding.message())).append("\">").append(escape(finding.toString()))
              .append("</failure>\n");
        }
        if (notes.length() > 0) {
          xml.append("      <system-out>").append(escape(notes.toString())).append("</system-out>\n");
        }
        xml.append("    </testcase>\n");
      }
      xml.append("  </testsuite>\n");
    }
    xml.append("</testsuites>\n");
    out.write(xml.toString());
  }

  /** Errors and warnings fail their testcase; a note is information. */
  private static boolean fails(Finding finding) {
    return finding.severity() != Severity.NOTE;
  }

  /** Escapes markup characters and replaces what XML 1.0 cannot contain (control characters, lone surrogates). */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append("&#9;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
