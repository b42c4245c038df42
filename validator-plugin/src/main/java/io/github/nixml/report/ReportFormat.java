package io.github.nixml.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The report formats: console text, SARIF 2.1.0, JUnit XML, plain JSON, a self-contained HTML page. */
public enum ReportFormat {
  TEXT("text", null),
  SARIF("sarif", "nixml.sarif"),
  JUNIT("junit", "nixml-junit.xml"),
  JSON("json", "nixml.json"),
  HTML("html", "nixml.html");

  private final String id;
  private final String fileName;

  ReportFormat(String id, String fileName) {
    this.id = id;
    this.fileName = fileName;
  }

  public String id() {
    return id;
  }

  /** The report's file name in the output directory; null for console text. */
  public String fileName() {
    return fileName;
  }

  /**
   * Parses a comma-separated list such as {@code text,sarif}.
   *
   * @throws IllegalArgumentException naming the unknown format and the accepted ones
   */
  public static Set<ReportFormat> parseList(String text) {
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    if (text == null) {
      return formats;
    }
    for (String part : text.split(",")) {
      String value = part.trim().toLowerCase(Locale.ROOT);
      if (value.isEmpty()) {
        continue;
      }
      ReportFormat found = null;
      for (ReportFormat format : values()) {
        if (format.id.equals(value)) {
          found = format;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException("unknown report format '" + part.trim()
            + "' (expected a comma-separated list of text, sarif, junit, json, html)");
      }
      formats.add(found);
    }
    return formats;
  }

  @Override
  public String toString() {
    return id;
  }
}
