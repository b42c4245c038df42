package io.github.nixml.nix.bind;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.nix.NixDiagnostic;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Name resolution and Nix's parse-time checks; verdicts checked against nix-instantiate 2.8. */
class BinderTest {
  private static Resolution resolutionOf(String source, String marker) {
    NixFile file = NixFrontEnd.analyze(source);
    return file.bindings().resolveAt(source.indexOf(marker));
  }

  private static NixDiagnostic.Kind onlyKind(String source) {
    NixFile file = NixFrontEnd.analyze(source);
    assertThat(file.diagnostics()).as(source).hasSize(1);
    return file.diagnostics().get(0).kind();
  }

  @Test
  void letBindingsAreLocalAndSeeEachOther() {
    String source = "let a = b; b = 1; in a";
    Resolution r = resolutionOf(source, "b;");
    assertThat(r).isInstanceOf(Resolution.Local.class);
    Definition d = ((Resolution.Local) r).definition();
    assertThat(d.name()).isEqualTo("b");
    assertThat(d.kind()).isEqualTo(Definition.Kind.LET);
    assertThat(d.site().offset()).isEqualTo(source.indexOf("b ="));
  }

  @Test
  void lambdaFormalsDefaultsAndPatternBindsAreVisible() {
    String source = "args@{ a, b ? a }: [ args b ]";
    assertThat(((Resolution.Local) resolutionOf(source, "a }")).definition().kind())
        .isEqualTo(Definition.Kind.FORMAL);
    assertThat(((Resolution.Local) resolutionOf(source, "args b")).definition().kind())
        .isEqualTo(Definition.Kind.PATTERN_BIND);
    assertThat(NixFrontEnd.analyze(source).hasErrors()).isFalse();
  }

  @Test
  void withIsAFallbackThatLosesToLexicalBindingsAndBuiltins() {
    String source = "x: with { }; [ x map foo ]";
    assertThat(resolutionOf(source, "x map")).isInstanceOf(Resolution.Local.class);
    assertThat(resolutionOf(source, "map")).isEqualTo(new Resolution.Builtin("map"));
    assertThat(resolutionOf(source, "foo")).isInstanceOf(Resolution.FromWith.class);
    assertThat(NixFrontEnd.analyze(source).hasErrors()).isFalse();
  }

  @Test
  void recSetsScopeTheirAttributesButPlainInheritLooksOutside() {
    assertThat(resolutionOf("rec { a = 1; b = a; }", "a;")).isInstanceOf(Resolution.Local.class);
    assertThat(onlyKind("{ a = 1; b = a; }")).isEqualTo(NixDiagnostic.Kind.UNDEFINED_VARIABLE);
    assertThat(onlyKind("rec { inherit b; c = 1; }")).isEqualTo(NixDiagnostic.Kind.UNDEFINED_VARIABLE);
    // inherit (e): e is looked up inside the rec set
    assertThat(NixFrontEnd.analyze("rec { inherit (a) b; a = { b = 1; }; }").hasErrors()).isFalse();
  }

  @Test
  void mergedNestedSetsBindInTheFirstSetsScope() {
    // Nix 2.8 merges a.c into the rec set, where b is visible
    assertThat(NixFrontEnd.analyze("{ a = rec { b = 1; }; a.c = b; }").hasErrors()).isFalse();
    assertThat(onlyKind("{ a = { }; a = rec { b = 1; c = b; }; }")).isEqualTo(NixDiagnostic.Kind.UNDEFINED_VARIABLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ a = 1; a = 2; }", "{ a.b = 1; a.b = 2; }", "{ a = 1; a.b = 2; }", "{ a.b = 1; a = 2; }",
      "{ a = { b = 1; }; a = { b = 2; }; }", "{ a.b = 1; a = { b = 2; }; }", "{ inherit true true; }",
      "{ inherit true; true.x = 1; }", "{ ${\"a\"} = 1; a = 2; }", "{ \"a\" = 1; a = 2; }",
      "let a = 1; a = 2; in a", "{ a = let { }; a.b = 1; }", "{ inherit (builtins) map; map = 1; }"})
  void duplicateAttributes(String source) {
    assertThat(onlyKind(source)).isEqualTo(NixDiagnostic.Kind.DUPLICATE_ATTRIBUTE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ a.b = 1; a.c = 2; }", "{ a = { }; a.b = 1; }", "{ a = ({ }); a.b = 1; }", "{ a = { }; a = { }; }",
      "{ a.b = 1; a = { c = 2; }; }", "x: { ${x} = 1; ${x} = 2; }", "{ a = rec { }; a.b = 1; }"})
  void attributesNixMerges(String source) {
    assertThat(NixFrontEnd.analyze(source).diagnostics()).as(source).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{ a, a }: a", "{ a }@a: a", "a@{ a }: a", "{ a, b ? 1, a ? 2 }: a"})
  void duplicateFormals(String source) {
    assertThat(onlyKind(source)).isEqualTo(NixDiagnostic.Kind.DUPLICATE_FORMAL);
  }

  @Test
  void dynamicAttributesWhereNixForbidsThem() {
    assertThat(onlyKind("x: let ${x} = 1; in 1")).isEqualTo(NixDiagnostic.Kind.SYNTAX);
    assertThat(onlyKind("x: { inherit ${x}; }")).isEqualTo(NixDiagnostic.Kind.SYNTAX);
    // ${"a"} is a static name to Nix 2.8
    assertThat(NixFrontEnd.analyze("let ${\"a\"} = 1; in a").hasErrors()).isFalse();
    assertThat(NixFrontEnd.analyze("x: let a.${x} = 1; in a").hasErrors()).isFalse();
  }

  @Test
  void orIsAVariableAfterASimpleExpression() {
    assertThat(onlyKind("x: x or")).isEqualTo(NixDiagnostic.Kind.UNDEFINED_VARIABLE);
    assertThat(NixFrontEnd.analyze("let or = 1; in x: x or").hasErrors()).isFalse();
  }

  @Test
  void builtinsOfNix28() {
    assertThat(NixFrontEnd.analyze("[ true null builtins import map toString derivation __curPos __fetchurl ]")
        .hasErrors()).isFalse();
    assertThat(onlyKind("fetchurl")).isEqualTo(NixDiagnostic.Kind.UNDEFINED_VARIABLE);
    assertThat(onlyKind("head")).isEqualTo(NixDiagnostic.Kind.UNDEFINED_VARIABLE);
  }
}
