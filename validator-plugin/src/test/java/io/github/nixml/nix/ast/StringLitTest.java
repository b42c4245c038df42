package io.github.nixml.nix.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.testing.NixStrings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * String cooking. Expected values are what {@code nix-instantiate --eval} prints for the same
 * strings (checked against Nix 2.8).
 */
class StringLitTest {
  private static StringLit string(String source) {
    Expr e = NixFrontEnd.analyze(source).expression();
    assertThat(e).isInstanceOf(StringLit.class);
    return (StringLit) e;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // source | cooked
      "`\"a\\nb\\tc\\\\d\\\"e\\qf\"` | `a\nb\tc\\d\"eqf`",
      "`\"\\${x}\"` | `${x}`",
      "`\"$${x}\"` | `$${x}`",
      "`\"a$\"` | `a$`",
      "`\"a\r\nb\rc\"` | `a\nb\nc`",
      "`''\n  a\n    b\n  ''` | `a\n  b\n`",
      "`''\n  a\n ''` | `a\n`",
      "`''\n  a\n  b ''` | `a\nb `",
      "`''  \n  a''` | `a`",
      "`''\n\n  a\n\n    b\n''` | `\na\n\n  b\n`",
      "`''\n\t a''` | `\t a`",
      "`''a\r\nb''` | `a\r\nb`",
      "`''\n  ''$a\n    b\n''` | `$a\n  b\n`",
      "`''\n    a\n  '''b''` | `  a\n''b`",
      "`''\n  a\n''\\n  b\n  ''` | `  a\n\n  b\n`",
      "`''\n  a\n  ''\\n  b\n  ''` | `a\n\nb\n`",
      "`''\n  ''\\t a\n  b''` | `\t a\nb`",
      "`''$${x}''` | `$${x}`",
      "`''a'b''` | `a'b`",
      "`''''` | ``",
      "`\"\"` | ``",
  })
  void cooksLikeNix(String source, String cooked) {
    assertThat(string(source).cookedText()).isEqualTo(cooked == null ? "" : cooked);
  }

  @Test
  void interpolationsArePartsWithPositions() {
    String source = "''\n  x ${a} y\n    ${b}\n''";
    Expr body = ((Lambda) ((Lambda) NixFrontEnd.analyze("a: b: " + source).expression()).body()).body();
    List<StringPart> parts = ((StringLit) body).parts();
    assertThat(parts).hasSize(5);
    assertThat(parts.get(0)).isEqualTo(new StringPart.Text("x ", 9, 4));
    assertThat(parts.get(1)).isInstanceOf(StringPart.Interpolation.class);
    StringPart.Interpolation a = (StringPart.Interpolation) parts.get(1);
    assertThat(a.expr()).isInstanceOf(Ident.class);
    assertThat(((Ident) a.expr()).name()).isEqualTo("a");
    assertThat(a.offset()).isEqualTo(13);
    assertThat(((StringPart.Text) parts.get(2)).text()).isEqualTo(" y\n  ");
    assertThat(((StringPart.Text) parts.get(4)).text()).isEqualTo("\n");
  }

  @Test
  void staticTextFollowsNixsIdeaOfAPlainString() {
    assertThat(string("\"abc\"").staticText()).isEqualTo("abc");
    assertThat(string("''abc''").staticText()).isEqualTo("abc");
    // three literal tokens: a concatenation to Nix, so not a static attribute name
    assertThat(string("''a'''b''").staticText()).isNull();
    assertThat(string("''a'''b''").cookedText()).isEqualTo("a''b");
    assertThat(string("x: \"a${x}\"".substring(3)).cookedText()).isNull();
  }

  /** Shell lines with everything each kind of string must escape, alone and next to each other. */
  static List<String> shellLines() {
    return List.of(
        "export LD_LIBRARY_PATH=/run/opengl-driver/lib:$NIX_LD_LIBRARY_PATH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}",
        "echo \"a\\b\" '${x}' $${y} $ ${z}",
        "a''b '''c ''${d} '${e} ' x' ''' '$ ''\\n $'",
        "'", "''", "'''", "$", "${", "\\", "\"", "'${", "''${", "''$", "$'", "\\${", "\\n");
  }

  /** The source of a hook holding {@code line}: in ''…'' a line break follows it, as in every hook edit. */
  private static String hookSource(String line, boolean indented) {
    return indented ? "''\n" + StringLit.escape(line, true) + "\n''" : "\"" + StringLit.escape(line, false) + "\"";
  }

  @ParameterizedTest
  @MethodSource("shellLines")
  void escapedLinesCookBackToThemselves(String line) {
    for (boolean indented : new boolean[] {true, false}) {
      String source = hookSource(line, indented);
      assertThat(NixFrontEnd.analyze(source).diagnostics()).as(source).isEmpty();
      assertThat(string(source).cookedText()).as(source).isEqualTo(indented ? line + "\n" : line);
    }
  }

  @ParameterizedTest
  @MethodSource("shellLines")
  void nixReadsEscapedLinesAsTheShellLine(String line, @TempDir Path dir) {
    for (boolean indented : new boolean[] {true, false}) {
      String source = hookSource(line, indented);
      assertThat(NixStrings.evaluate(dir, source)).as(source).isEqualTo(indented ? line + "\n" : line);
    }
  }

  @Test
  void escapesOnlyWhatEachStringNeeds() {
    String line = "export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}";
    assertThat(StringLit.escape(line, true))
        .isEqualTo("export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH''${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}");
    assertThat(StringLit.escape(line, false))
        .isEqualTo("export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH\\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}");
    assertThat(StringLit.escape("echo 'a' \"b\"", true)).isEqualTo("echo 'a' \"b\"");
    assertThatThrownBy(() -> StringLit.escape("a\nb", true)).isInstanceOf(IllegalArgumentException.class);
  }
}
