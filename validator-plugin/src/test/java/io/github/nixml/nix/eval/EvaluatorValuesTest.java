package io.github.nixml.nix.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.eval.Value.Failure;
import io.github.nixml.nix.eval.Value.FailureKind;
import io.github.nixml.nix.syntax.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The values of the language, failures as values, and unknown where the evaluator cannot tell. */
class EvaluatorValuesTest {

  private static Value eval(String text, Host host) {
    Term term = TreeLowering.lower(NixFrontEnd.analyze(text)).orElseThrow();
    Evaluator evaluator = new Evaluator(host, Evaluator.Mode.SYMBOLIC, text, "/project/dir");
    return evaluator.eval(term, evaluator.rootEnv());
  }

  /** {@code text} where {@code u} is unknown and {@code f} a foreign value. */
  private static Value withUnknowns(String text) {
    String function = "u: f: " + text;
    Term term = TreeLowering.lower(NixFrontEnd.analyze(function)).orElseThrow();
    Evaluator evaluator = new Evaluator(UNKNOWNS, Evaluator.Mode.SYMBOLIC, function, null);
    Value closure = evaluator.eval(term, evaluator.rootEnv());
    Value partial = evaluator.apply(closure, Thunk.of(Value.UNKNOWN), null);
    return evaluator.apply(partial, Thunk.of(new Value.Foreign() {}), null);
  }

  private static Value eval(String text) {
    return eval(text, Host.NONE);
  }

  @Test
  void aFileHasAStepBudgetAndALibraryEvaluatorHasNone() {
    // 300,000 additions: more than a file's budget; a library's thunks are forced once, whatever project asks
    String text = "builtins.foldl' (a: b: a + b) 0 (builtins.genList (x: x) 300000)";
    Term term = TreeLowering.lower(NixFrontEnd.analyze(text)).orElseThrow();
    Evaluator file = new Evaluator(Host.NONE, Evaluator.Mode.SYMBOLIC, text);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> file.eval(term, file.rootEnv()))
        .isInstanceOf(Evaluator.Exhausted.class);
    Evaluator library = Evaluator.library(text);
    assertThat(library.eval(term, library.rootEnv())).isEqualTo(eval("44999850000"));
  }

  /** A host that says every {@code elem} of a foreign value is true. */
  private static final Host UNKNOWNS = new Host() {
    @Override
    public Value builtin(Evaluator evaluator, String name, List<Value> args, SourceSpan span) {
      return name.equals("elem") ? new Value.Bool(true) : Value.UNKNOWN;
    }
  };

  /** A host that knows {@code <nixpkgs>} and what one URL holds. */
  private static final Host SEARCH_PATHS = new Host() {
    @Override
    public Value searchPath(Evaluator evaluator, String name, SourceSpan span) {
      return name.equals("nixpkgs") ? Value.Str.of("search:" + name, span) : Value.UNKNOWN;
    }

    @Override
    public Value fetch(Evaluator evaluator, String fetcher, Value argument, SourceSpan span) {
      Value url = argument instanceof Value.Attrs spec ? spec.get("url") : argument;
      return url instanceof Value.Str str && "https://example.org/a.tar.gz".equals(str.literal())
          ? Value.Str.of(fetcher + ":a", span) : Value.UNKNOWN;
    }
  };

  @Test
  void searchPathsAndFetchersAreUnknownUnlessTheHostKnowsThem() {
    assertThat(eval("<nixpkgs>")).isSameAs(Value.UNKNOWN);
    assertThat(eval("fetchTarball \"https://example.org/a.tar.gz\"")).isSameAs(Value.UNKNOWN);
    assertThat(eval("<nixpkgs>", SEARCH_PATHS)).isInstanceOfSatisfying(Value.Str.class,
        str -> assertThat(str.literal()).isEqualTo("search:nixpkgs"));
    assertThat(eval("<other>", SEARCH_PATHS)).isSameAs(Value.UNKNOWN);
    assertThat(eval("builtins.fetchTarball { url = \"https://example.org/a.tar.gz\"; sha256 = \"x\"; }",
        SEARCH_PATHS)).isInstanceOfSatisfying(Value.Str.class,
        str -> assertThat(str.literal()).isEqualTo("fetchTarball:a"));
    assertThat(eval("fetchTarball \"https://example.org/b.tar.gz\"", SEARCH_PATHS)).isSameAs(Value.UNKNOWN);
  }

  @Test
  void aDynamicAttributeMergesWithNoOtherDefinitionOfItsName() {
    // as nix-instantiate 2.8: "dynamic attribute 'x' already defined"; a literal key is static and merges
    for (String clash : List.of("let s = \"x\"; in { a.${s}.b = 1; a.${s}.c = 2; }.a",
        "let s = \"x\"; in { ${s}.b = 1; x.c = 2; }", "let s = \"x\"; in { x.c = 2; ${s}.b = 1; }",
        "let s = \"x\"; in { \"${s}\" = 1; x = 2; }", "let x = 3; s = \"x\"; in { ${s} = 1; inherit x; }",
        "let x = 3; s = \"x\"; in { inherit x; ${s} = 1; }")) {
      assertThat(eval(clash)).as(clash).isInstanceOfSatisfying(Failure.class,
          failure -> assertThat(failure.message()).isEqualTo("dynamic attribute 'x' already defined"));
    }
    assertThat(eval("let s = \"x\"; in { a = { ${s}.b = 1; }; a.c = 2; }")).isInstanceOf(Value.Attrs.class);
    assertThat(eval("{ ${\"x\"}.b = 1; x.c = 2; }")).isInstanceOfSatisfying(Value.Attrs.class,
        attrs -> assertThat(attrs.get("x")).isInstanceOfSatisfying(Value.Attrs.class,
            x -> assertThat(x.entries()).containsOnlyKeys("b", "c")));
  }

  @Test
  void integersWrapAndDivideTowardZero() {
    assertThat(eval("9223372036854775807 + 1")).isEqualTo(new Value.Int(Long.MIN_VALUE));
    assertThat(eval("7 / (0 - 2)")).isEqualTo(new Value.Int(-3));
    assertThat(eval("1 / 0")).isInstanceOfSatisfying(Failure.class,
        failure -> assertThat(failure.kind()).isEqualTo(FailureKind.ARITHMETIC));
  }

  @Test
  void numbersCompareAcrossIntAndFloat() {
    assertThat(eval("1 == 1.0")).isEqualTo(new Value.Bool(true));
    assertThat(eval("[ 1 2 ] < [ 1 3 ]")).isEqualTo(new Value.Bool(true));
    assertThat(eval("{ a = [ 1 ]; } == { a = [ 1.0 ]; }")).isEqualTo(new Value.Bool(true));
  }

  @Test
  void pathsResolveAgainstTheFilesDirectory() {
    assertThat(eval("./a/../b + \"/c\"")).isEqualTo(new Value.Path("/project/dir/b/c"));
    assertThat(eval("toString ./.")).isInstanceOfSatisfying(Value.Str.class,
        str -> assertThat(str.literal()).isEqualTo("/project/dir"));
    assertThat(eval("<nixpkgs>")).isEqualTo(Value.UNKNOWN);
  }

  @Test
  void failuresAreValuesWithTheirKindAndPlace() {
    Value thrown = eval("let x = 1; in\n  throw \"no\"");
    assertThat(thrown).isInstanceOfSatisfying(Failure.class, failure -> {
      assertThat(failure.kind()).isEqualTo(FailureKind.THROW);
      assertThat(failure.message()).isEqualTo("no");
      assertThat(failure.span().line()).isEqualTo(2);
    });
    assertThat(eval("{ a = 1; }.b")).isInstanceOfSatisfying(Failure.class,
        failure -> assertThat(failure.kind()).isEqualTo(FailureKind.MISSING_ATTRIBUTE));
    assertThat(eval("{ a = 1; }.b or 2")).isEqualTo(new Value.Int(2));
    assertThat(eval("1 + \"a\"")).isInstanceOfSatisfying(Failure.class,
        failure -> assertThat(failure.kind()).isEqualTo(FailureKind.TYPE));
  }

  @Test
  void tryEvalCatchesThrowAndAssertButNotAbort() {
    assertThat(eval("(builtins.tryEval (throw \"x\")).success")).isEqualTo(new Value.Bool(false));
    assertThat(eval("(builtins.tryEval (assert false; 1)).success")).isEqualTo(new Value.Bool(false));
    assertThat(eval("builtins.tryEval (abort \"x\")")).isInstanceOfSatisfying(Failure.class,
        failure -> assertThat(failure.kind()).isEqualTo(FailureKind.ABORT));
  }

  @Test
  void laterFailuresStayLazy() {
    assertThat(eval("builtins.length [ (throw \"a\") (abort \"b\") ]")).isEqualTo(new Value.Int(2));
    assertThat(eval("map (throw \"f\") [ ]")).isEqualTo(new Value.ListV(List.of()));
    assertThat(eval("builtins.attrNames { a = throw \"x\"; }")).isInstanceOf(Value.ListV.class);
  }

  @Test
  void unknownStaysUnknownButLaterItemsDoNot() {
    assertThat(withUnknowns("builtins.length [ u u ]")).isEqualTo(new Value.Int(2));
    assertThat(withUnknowns("u + 1")).isEqualTo(Value.UNKNOWN);
    assertThat(withUnknowns("builtins.attrNames u")).isEqualTo(Value.UNKNOWN);
    assertThat(withUnknowns("toString u")).isEqualTo(Value.UNKNOWN);
    assertThat(withUnknowns("builtins.getEnv \"HOME\"")).isEqualTo(Value.UNKNOWN);
    assertThat(withUnknowns("builtins.currentSystem")).isEqualTo(Value.UNKNOWN);
    // `or` applies to a missing attribute only: one the model cannot read may be there
    assertThat(withUnknowns("u.imports or [ ]")).isEqualTo(Value.UNKNOWN);
    assertThat(withUnknowns("{ imports = u; }.imports or [ ]")).isEqualTo(Value.UNKNOWN);
    assertThat(withUnknowns("{ a = u; }.a.b or 1")).isEqualTo(Value.UNKNOWN);
    assertThat(withUnknowns("{ }.imports or [ ]")).isEqualTo(new Value.ListV(List.of()));
    assertThat(withUnknowns("\"text\".a or 1")).isEqualTo(new Value.Int(1));
  }

  @Test
  void aForeignArgumentGoesToTheHost() {
    assertThat(withUnknowns("builtins.elem f [ \"x86_64-linux\" ]")).isEqualTo(new Value.Bool(true));
    assertThat(eval("builtins.elem \"a\" [ \"a\" ]", Host.NONE)).isEqualTo(new Value.Bool(true));
  }

  @Test
  void filesAreReadOnlyInsideTheRootTheHostAllows(@TempDir Path root, @TempDir Path elsewhere) throws IOException {
    Files.writeString(root.resolve("in.txt"), "inside");
    Files.writeString(elsewhere.resolve("out.txt"), "outside");
    Files.createSymbolicLink(root.resolve("leak"), elsewhere.resolve("out.txt"));
    Files.createSymbolicLink(root.resolve("alias"), Path.of("in.txt"));
    Host reading = new Host() {
      @Override
      public Path readableRoot() {
        return root;
      }
    };
    String dir = root.toString();
    assertThat(eval("builtins.readFile " + dir + "/in.txt", reading)).isInstanceOfSatisfying(Value.Str.class,
        str -> assertThat(str.literal()).isEqualTo("inside"));
    assertThat(eval("builtins.readFile " + dir + "/in.txt", Host.NONE)).isEqualTo(Value.UNKNOWN);
    assertThat(eval("builtins.readFile " + elsewhere + "/out.txt", reading)).isEqualTo(Value.UNKNOWN);
    assertThat(eval("builtins.readFile " + dir + "/leak", reading)).isEqualTo(Value.UNKNOWN);
    assertThat(eval("builtins.pathExists " + dir + "/../x", reading)).isEqualTo(Value.UNKNOWN);
    assertThat(eval("builtins.pathExists " + dir + "/nope", reading)).isEqualTo(new Value.Bool(false));
    // a path interpolated is its copy in the store, which holds the same files (`builtins.readDir "${./.}"`)
    assertThat(eval("builtins.readFile \"${" + dir + "}/in.txt\"", reading)).isInstanceOfSatisfying(Value.Str.class,
        str -> assertThat(str.literal()).isEqualTo("inside"));
    assertThat(eval("builtins.readFile \"${" + dir + "/in.txt}\"", reading)).isInstanceOfSatisfying(Value.Str.class,
        str -> assertThat(str.literal()).isEqualTo("inside"));
    // `"${./in}.txt"` names the store's `…-in.txt`, another path
    assertThat(eval("builtins.pathExists \"${" + dir + "/in}.txt\"", reading)).isEqualTo(Value.UNKNOWN);
    // `..` after the copy leaves it (into the store); a missing path makes Nix fail; a link is copied as a link
    assertThat(eval("builtins.pathExists \"${" + dir + "}/../x\"", reading)).isEqualTo(Value.UNKNOWN);
    assertThat(eval("builtins.pathExists \"${" + dir + "/missing}\"", reading)).isEqualTo(Value.UNKNOWN);
    assertThat(eval("builtins.pathExists \"${" + dir + "}/leak\"", reading)).isEqualTo(Value.UNKNOWN);
    assertThat(eval("builtins.readFile " + dir + "/alias", reading)).isInstanceOf(Value.Str.class);
    assertThat(eval("builtins.readFile \"${" + dir + "/alias}\"", reading)).isEqualTo(Value.UNKNOWN);
    assertThat(eval("builtins.readDir " + dir, reading)).isInstanceOfSatisfying(Value.Attrs.class,
        attrs -> assertThat(attrs.get("leak")).isInstanceOfSatisfying(Value.Str.class,
            str -> assertThat(str.literal()).isEqualTo("symlink")));
  }

  @Test
  void stringsCoerceAsNixDoes() {
    assertThat(eval("toString [ 1 [ ] 2.5 null true ]")).isInstanceOfSatisfying(Value.Str.class,
        str -> assertThat(str.literal()).isEqualTo("1 2.500000  1"));
    assertThat(eval("\"${1}\"")).isInstanceOf(Failure.class);
    assertThat(eval("\"${{ outPath = \"/o\"; }}\"")).isInstanceOfSatisfying(Value.Str.class,
        str -> assertThat(str.literal()).isEqualTo("/o"));
  }
}
