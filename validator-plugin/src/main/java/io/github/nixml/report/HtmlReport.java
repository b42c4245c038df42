package io.github.nixml.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The HTML report ({@code nixml.html}): {@link NixmlPage} as one self-contained page, its style inline, with no
 * script, font, image or link that would need the network, so it reads the same offline, in a CI artifact viewer
 * and without JavaScript. Every string from the project is escaped.
 */
public final class HtmlReport implements PageSink {
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1b1b1b;\
      line-height:1.4}
      h1,h2,h3,h4,h5,h6{font-weight:600;margin:1.2em 0 .4em}
      h1{font-size:1.6em}h2{font-size:1.35em;border-bottom:1px solid #ccc}h3{font-size:1.15em}h4,h5,h6{font-size:1em}
      section section section{margin-left:.8em}
      dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:600}dd{margin:0}
      table{border-collapse:collapse;margin:.4em 0 1em}th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;\
      vertical-align:top}th{background:#f2f2f2}
      pre{background:#f6f8fa;padding:.6em;overflow-x:auto;white-space:pre-wrap}
      pre.source span.n{color:#888;user-select:none}pre.source mark{background:#fff3b0}
      """;

  private final StringBuilder html = new StringBuilder();
  private final Set<String> ids = new HashSet<>();
  private int depth;

  private HtmlReport() {}

  /** Writes the page of {@code page} as UTF-8. */
  public static void write(NixmlPage page, OutputStream out) throws IOException {
    out.write(render(page).getBytes(StandardCharsets.UTF_8));
  }

  /** The page's HTML text. */
  public static String render(NixmlPage page) {
    HtmlReport report = new HtmlReport();
    report.html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>nixml report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    page.render(report);
    return report.html.append("</body>\n</html>\n").toString();
  }

  @Override
  public void startSection(String id, String title) {
    depth++;
    int level = Math.min(depth, 6);
    html.append("<section id=\"").append(escape(uniqueId(id))).append("\">\n<h").append(level).append('>')
        .append(escape(title)).append("</h").append(level).append(">\n");
  }

  @Override
  public void endSection() {
    depth--;
    html.append("</section>\n");
  }

  @Override
  public void paragraph(String text) {
    html.append("<p>").append(escape(text)).append("</p>\n");
  }

  @Override
  public void facts(List<Fact> facts) {
    html.append("<dl>\n");
    for (Fact fact : facts) {
      html.append("<dt>").append(escape(fact.name())).append("</dt><dd>").append(escape(fact.value()))
          .append("</dd>\n");
    }
    html.append("</dl>\n");
  }

  @Override
  public void table(List<String> header, List<List<String>> rows) {
    html.append("<table>\n<thead><tr>");
    header.forEach(cell -> html.append("<th>").append(escape(cell)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  @Override
  public void source(int firstLine, List<String> lines, int markedLine) {
    int width = String.valueOf(firstLine + lines.size() - 1).length();
    html.append("<pre class=\"source\">");
    for (int i = 0; i < lines.size(); i++) {
      int number = firstLine + i;
      String text = "<span class=\"n\">" + String.format("%" + width + "d", number) + " | </span>"
          + escape(lines.get(i));
      html.append(number == markedLine ? "<mark>" + text + "</mark>" : text).append('\n');
    }
    html.append("</pre>\n");
  }

  @Override
  public void preformatted(String text) {
    html.append("<pre>").append(escape(text)).append("</pre>\n");
  }

  private String uniqueId(String id) {
    String unique = id;
    for (int n = 2; !ids.add(unique); n++) {
      unique = id + "-" + n;
    }
    return unique;
  }

  /** Text for HTML content and quoted attributes: XML's escaping, which HTML reads the same way. */
  static String escape(String text) {
    return JunitReport.escape(text);
  }
}
