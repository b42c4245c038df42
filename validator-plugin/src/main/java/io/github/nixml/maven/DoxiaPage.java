package io.github.nixml.maven;

import io.github.nixml.report.PageSink;
import java.util.List;
import javax.swing.text.SimpleAttributeSet;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkEventAttributes;

/** {@link io.github.nixml.report.NixmlPage} through a Doxia sink: the same content as nixml.html, in the site's look. */
final class DoxiaPage implements PageSink {
  private static final int DEEPEST = 6;

  private final Sink sink;
  private int depth;

  DoxiaPage(Sink sink) {
    this.sink = sink;
  }

  @Override
  public void startSection(String id, String title) {
    depth++;
    int level = Math.min(depth, DEEPEST);
    sink.section(level, null);
    sink.sectionTitle(level, null);
    sink.text(title);
    sink.sectionTitle_(level);
  }

  @Override
  public void endSection() {
    sink.section_(Math.min(depth, DEEPEST));
    depth--;
  }

  @Override
  public void paragraph(String text) {
    sink.paragraph();
    sink.text(text);
    sink.paragraph_();
  }

  @Override
  public void facts(List<Fact> facts) {
    sink.definitionList();
    for (Fact fact : facts) {
      sink.definedTerm();
      sink.text(fact.name());
      sink.definedTerm_();
      sink.definition();
      sink.text(fact.value());
      sink.definition_();
    }
    sink.definitionList_();
  }

  @Override
  public void table(List<String> header, List<List<String>> rows) {
    sink.table();
    sink.tableRows(null, false);
    sink.tableRow();
    for (String cell : header) {
      sink.tableHeaderCell();
      sink.text(cell);
      sink.tableHeaderCell_();
    }
    sink.tableRow_();
    for (List<String> row : rows) {
      sink.tableRow();
      for (String cell : row) {
        sink.tableCell();
        sink.text(cell);
        sink.tableCell_();
      }
      sink.tableRow_();
    }
    sink.tableRows_();
    sink.table_();
  }

  @Override
  public void source(int firstLine, List<String> lines, int markedLine) {
    StringBuilder text = new StringBuilder();
    int width = String.valueOf(firstLine + lines.size() - 1).length();
    for (int i = 0; i < lines.size(); i++) {
      int number = firstLine + i;
      text.append(number == markedLine ? "> " : "  ").append(String.format("%" + width + "d", number)).append(" | ")
          .append(lines.get(i)).append('\n');
    }
    preformatted(text.toString());
  }

  @Override
  public void preformatted(String text) {
    sink.verbatim(new SourceDecoration());
    sink.text(text);
    sink.verbatim_();
  }

  /**
   * Doxia's "source" decoration of a verbatim block (shown as code). Made here: Doxia's own attribute set is in
   * doxia-core, which the report does not depend on (the sink API is what maven-site-plugin shares with it).
   */
  private static final class SourceDecoration extends SimpleAttributeSet implements SinkEventAttributes {
    private static final long serialVersionUID = 1L;

    SourceDecoration() {
      addAttribute(DECORATION, "source");
    }
  }
}
