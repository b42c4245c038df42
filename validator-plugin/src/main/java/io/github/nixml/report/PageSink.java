package io.github.nixml.report;

import java.util.List;

/**
 * Where {@link NixmlPage} puts its content: a handful of structural calls that the self-contained HTML page
 * ({@link HtmlReport}), the plain text of {@code nixml show} ({@link TextPage}) and the Maven site report (a Doxia
 * sink) each render their own way, so the three never disagree. Every string is plain text from the project: the
 * sink escapes it for its format.
 */
public interface PageSink {

  /** Opens a section, nested in the one open (the first is the page's title). */
  void startSection(String id, String title);

  void endSection();

  void paragraph(String text);

  /** Name and value pairs, such as a shell's interpreter and venv strategy. */
  void facts(List<Fact> facts);

  /** A table with a header row; every row has as many cells as the header. */
  void table(List<String> header, List<List<String>> rows);

  /** Lines of a file from {@code firstLine} on, numbered, with {@code markedLine} (0: none) marked. */
  void source(int firstLine, List<String> lines, int markedLine);

  /** Text shown as written (a rule's documentation). */
  void preformatted(String text);

  /** One named fact. */
  record Fact(String name, String value) {}
}
