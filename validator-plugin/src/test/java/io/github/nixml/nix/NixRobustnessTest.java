package io.github.nixml.nix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Inputs that must neither throw, overflow the stack nor hang: each is analyzed under a generous
 * timeout (a guard against hangs on a shared, loaded machine; not a benchmark), and the tree must still print back exactly.
 */
class NixRobustnessTest {
  private static final Duration GUARD = Duration.ofSeconds(120);

  private static NixFile analyzeGuarded(String text) {
    NixFile file = assertTimeoutPreemptively(GUARD, () -> NixFrontEnd.analyze(text));
    assertThat(file.root().text()).isEqualTo(text);
    return file;
  }

  private static String repeat(String s, int n) {
    return s.repeat(n);
  }

  @Test
  void hundredThousandNestedParenthesesGiveTooDeepNotStackOverflow() {
    int n = 100_000;
    NixFile file = analyzeGuarded(repeat("(", n) + "1" + repeat(")", n));
    assertThat(file.diagnostics()).extracting(NixDiagnostic::kind).containsExactly(NixDiagnostic.Kind.TOO_DEEP);
    assertThat(file.diagnostics().get(0).line()).isEqualTo(1);
  }

  @Test
  void nestingJustInsideNixsLimitIsAccepted() {
    // nix-instantiate --parse accepts 9,995 nested parentheses and rejects 9,996 ("memory exhausted")
    assertThat(analyzeGuarded(repeat("(", 9995) + "1" + repeat(")", 9995)).hasErrors()).isFalse();
    assertThat(analyzeGuarded(repeat("(", 9996) + "1" + repeat(")", 9996)).hasErrors()).isTrue();
  }

  @Test
  void deepStructuresOfEveryKindStayBounded() {
    for (Supplier<String> deep : java.util.List.<Supplier<String>>of(
        () -> repeat("[", 50_000) + repeat("]", 50_000),
        () -> repeat("{ a = ", 30_000) + "1" + repeat("; }", 30_000),
        () -> repeat("x: ", 50_000) + "x",
        () -> repeat("let a = 1; in ", 30_000) + "a",
        () -> repeat("\"${", 30_000) + "1" + repeat("}\"", 30_000),
        () -> repeat("!", 50_000) + "true",
        () -> String.join(" ++ ", java.util.Collections.nCopies(50_000, "[ ]")))) {
      NixFile file = analyzeGuarded(deep.get());
      assertThat(file.diagnostics()).extracting(NixDiagnostic::kind).contains(NixDiagnostic.Kind.TOO_DEEP);
    }
  }

  @Test
  void longLeftAssociativeChainsAreNotNestingAndAreAccepted() {
    // Nix accepts these (its LALR stack does not grow); our tree is deep, so walks must be iterative
    String sum = "x: " + String.join(" + ", java.util.Collections.nCopies(200_000, "x"));
    assertThat(analyzeGuarded(sum).hasErrors()).isFalse();
    String apply = "f: f" + " 1".repeat(200_000);
    assertThat(analyzeGuarded(apply).hasErrors()).isFalse();
  }

  @Test
  void twentyMegabyteFileIsParsed() {
    StringBuilder text = new StringBuilder("{ pkgs, lib, ... }:\n{\n");
    int i = 0;
    while (text.length() < 20_000_000) {
      text.append("  pkg").append(i).append(" = pkgs.callPackage ./pkgs/pkg").append(i)
          .append(" { inherit lib; version = \"1.").append(i).append("\"; deps = [ pkgs.a pkgs.b ]; };\n");
      i++;
    }
    text.append("}\n");
    NixFile file = analyzeGuarded(text.toString());
    assertThat(file.hasErrors()).isFalse();
  }

  @Test
  void aNulBetweenTokensEndsTheInputAndInsideAStringIsContentAsInNix() {
    NixFile file = analyzeGuarded("1 \0 ((( garbage");
    assertThat(file.hasErrors()).isFalse();
    NixFile string = analyzeGuarded("\"abc\0def\"");
    assertThat(string.hasErrors()).isFalse();
  }

  @Test
  void invalidUtf8IsDecodedWithReplacement() {
    byte[] inString = "\"a\u0000b\"".getBytes(StandardCharsets.UTF_8);
    inString[2] = (byte) 0xff;
    NixFile file = assertTimeoutPreemptively(GUARD, () -> NixFrontEnd.analyze(inString));
    assertThat(file.hasErrors()).isFalse();
    assertThat(file.text()).contains("\uFFFD");
    byte[] outside = {'1', ' ', (byte) 0xc3, (byte) 0x28};
    NixFile bad = assertTimeoutPreemptively(GUARD, () -> NixFrontEnd.analyze(outside));
    assertThat(bad.hasErrors()).isTrue();
    assertThat(bad.root().text()).isEqualTo(bad.text());
  }

  @Test
  void unterminatedConstructsAreSyntaxErrors() {
    for (String text : new String[] {"\"abc", "''abc", "/* abc", "${", "{ a = 1;", "[ 1 2", "(1",
        "let a = 1;", "x: ", "''${", "\"${", "./${x", "if", "{ a, b", "a.", "a.\"", "'", "$", "\\", "`"}) {
      NixFile file = analyzeGuarded(text);
      assertThat(file.diagnostics()).as(text).isNotEmpty();
      assertThat(file.diagnostics()).extracting(NixDiagnostic::kind).as(text).contains(NixDiagnostic.Kind.SYNTAX);
    }
  }

  @Test
  void nullAndEmptyInputsAreHandled() {
    assertThat(NixFrontEnd.analyze((String) null).hasErrors()).isTrue();
    assertThat(NixFrontEnd.analyze(new byte[0]).hasErrors()).isTrue();
  }

  @Test
  void randomBytesNeverThrow() {
    java.util.Random random = new java.util.Random(42);
    String alphabet = "{}[]()\"'$;:.,=?@!<>-+*/&|#\\ \n\tabxyz019~rec let in inherit or if then else with assert ";
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String input = text.toString();
      NixFile file = NixFrontEnd.analyze(input);
      assertThat(file.root().text()).as("seed 42 round %d", round).isEqualTo(input);
    }
  }
}
