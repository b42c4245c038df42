package io.github.nixml.report;

import java.util.List;

/**
 * {@link NixmlPage} as plain text, for terminals and bug reports ({@code nixml show}): headings underlined by
 * depth, facts as {@code name: value}, tables as indented rows of cells joined by {@code  | }.
 */
public final class TextPage implements PageSink {
  private final StringBuilder text = new StringBuilder();
  private int depth;

  private TextPage() {}

  /** The shells part of {@code page} as text. */
  public static String shells(NixmlPage page) {
    TextPage out = new TextPage();
    page.renderShells(out);
    return out.text.toString();
  }

  @Override
  public void startSection(String id, String title) {
    depth++;
    if (text.length() > 0) {
      text.append('\n');
    }
    text.append(title).append('\n');
    text.append((depth <= 1 ? "=" : depth == 2 ? "-" : "~").repeat(Math.min(title.length(), 100))).append('\n');
  }

  @Override
  public void endSection() {
    depth--;
  }

  @Override
  public void paragraph(String paragraph) {
    text.append(paragraph).append('\n');
  }

  @Override
  public void facts(List<Fact> facts) {
    facts.forEach(fact -> text.append(fact.name()).append(": ").append(fact.value()).append('\n'));
  }

  @Override
  public void table(List<String> header, List<List<String>> rows) {
    text.append("  ").append(String.join(" | ", header)).append('\n');
    rows.forEach(row -> text.append("  ").append(String.join(" | ", row)).append('\n'));
  }

  @Override
  public void source(int firstLine, List<String> lines, int markedLine) {
    for (int i = 0; i < lines.size(); i++) {
      int number = firstLine + i;
      text.append(number == markedLine ? "> " : "  ").append(number).append(" | ").append(lines.get(i)).append('\n');
    }
  }

  @Override
  public void preformatted(String preformatted) {
    text.append(preformatted.endsWith("\n") ? preformatted : preformatted + "\n");
  }
}
