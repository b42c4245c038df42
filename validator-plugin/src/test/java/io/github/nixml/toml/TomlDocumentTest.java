package io.github.nixml.toml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TomlDocumentTest {
  private static final int LIMIT = TomlDocument.MAX_NESTING;

  @Test
  void validTextGivesItsTableAndInvalidTextItsFirstErrorWithPosition() {
    TomlDocument valid = TomlDocument.parse("[project]\nname = \"x\"\n");
    assertThat(valid.hasErrors()).isFalse();
    assertThat(valid.table().orElseThrow().getString("project.name")).isEqualTo("x");

    TomlDocument invalid = TomlDocument.parse("[project]\nname = \n");
    assertThat(invalid.table()).isEmpty();
    assertThat(invalid.firstError().orElseThrow().line()).isEqualTo(2);
    assertThat(invalid.firstError().orElseThrow().toString()).contains("(line 2, column");
  }

  @Test
  void nestingUpToTheLimitIsParsedByTomlAndOneLevelMoreIsRefusedAtThatBracket() {
    String arrays = "a = " + "[".repeat(LIMIT) + "]".repeat(LIMIT) + "\n";
    assertThat(TomlDocument.parse(arrays).hasErrors()).isFalse();
    String tables = "a = " + "{ b = ".repeat(LIMIT - 1) + "[1]" + " }".repeat(LIMIT - 1) + "\n";
    assertThat(TomlDocument.parse(tables).hasErrors()).isFalse();

    TomlDocument deeper = TomlDocument.parse("x = 1\na = " + "[".repeat(LIMIT + 1) + "]".repeat(LIMIT + 1));
    assertThat(deeper.errors()).singleElement().satisfies(error -> {
      assertThat(error.message()).startsWith("nested too deeply: more than " + LIMIT + " levels");
      assertThat(error.line()).isEqualTo(2);
      assertThat(error.column()).isEqualTo(5 + LIMIT);
    });
  }

  @Test
  void hostileNestingIsOneErrorNotAStackOverflow() {
    for (String text : new String[] {"a = " + "[".repeat(100_000), "a = " + "{ a = ".repeat(100_000),
        "a = " + "[{ a = ".repeat(50_000) + "\n", "[".repeat(100_000)}) {
      TomlDocument document = TomlDocument.parse(text);
      assertThat(document.errors()).singleElement()
          .satisfies(error -> assertThat(error.message()).startsWith("nested too deeply"));
    }
  }

  @Test
  void bracketsInStringsAndCommentsAreNotNesting() {
    String many = "[{".repeat(LIMIT);
    String text = String.join("\n",
        "# " + many,
        "basic = \"" + many + " \\\" " + many + "\"",
        "literal = '" + many + "'",
        "multi = \"\"\"",
        many + " \"\" " + many + "\"\"\"\"\"",
        "multiLiteral = '''" + many + "\n" + many + "''''",
        "[table]",
        "[[array.of.tables]]",
        "x = [ [ \"]]]]\" ], { y = '}}}' } ] # " + many,
        "");
    assertThat(TomlDocument.tooDeepAt(text)).isEqualTo(-1);
    assertThat(TomlDocument.parse(text).hasErrors()).isFalse();
  }

  @Test
  void tooDeepAtFindsTheFirstBracketBeyondTheLimit() {
    assertThat(TomlDocument.tooDeepAt("[".repeat(LIMIT))).isEqualTo(-1);
    assertThat(TomlDocument.tooDeepAt("[".repeat(LIMIT + 1))).isEqualTo(LIMIT);
    assertThat(TomlDocument.tooDeepAt("]]]" + "[".repeat(LIMIT) + "{")).isEqualTo(3 + LIMIT);
    assertThat(TomlDocument.tooDeepAt("'unterminated\n" + "[".repeat(LIMIT + 1))).isEqualTo(14 + LIMIT);
  }
}
