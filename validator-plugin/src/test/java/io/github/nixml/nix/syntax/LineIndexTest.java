package io.github.nixml.nix.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineIndexTest {

  @Test
  void aSpanHasTheLineAndColumnOfItsStartWhereverItIs() {
    String text = "{\n  a = 1;\n\n  b = ''\n    x\n  '';\n}";
    LineIndex lines = new LineIndex(text);
    for (int offset = -1; offset <= text.length() + 1; offset++) {
      SourceSpan span = lines.span(offset, 1, "nix/shell.nix");
      assertThat(span.line()).as("line at %d", offset).isEqualTo(lines.line(offset));
      assertThat(span.column()).as("column at %d", offset).isEqualTo(lines.column(offset));
      assertThat(span.file()).isEqualTo("nix/shell.nix");
    }
    assertThat(lines.span(text.indexOf('b'), 1, null)).isEqualTo(new SourceSpan(text.indexOf('b'), 1, 4, 3));
    assertThat(lines.span(text.length(), 0, null).line()).isEqualTo(7);
  }
}
