package io.github.nixml.nix.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} of local files: read inside the root only, evaluated lazily, once. */
class ImportsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path root;
  @TempDir
  Path elsewhere;

  private Host reading;

  @BeforeEach
  void files() throws IOException {
    reading = new Host() {
      @Override
      public Path readableRoot() {
        return root;
      }
    };
    Files.createDirectories(root.resolve("nix/sub"));
    Files.writeString(root.resolve("nix/shell.nix"), "{ pkgs ? null, extra ? [ ] }:\n"
        + "{ packages = [ \"python3\" ] ++ extra; helper = import ./sub; }\n");
    Files.writeString(root.resolve("nix/sub/default.nix"), "let x = import ../values.nix; in x.answer + 1");
    Files.writeString(root.resolve("nix/values.nix"), "{ answer = 41; text = builtins.readFile ./data.txt; }");
    Files.writeString(root.resolve("nix/data.txt"), "read beside the importing file");
    Files.writeString(root.resolve("broken.nix"), "{ a = ; }");
    Files.writeString(root.resolve("cycle-a.nix"), "import ./cycle-b.nix");
    Files.writeString(root.resolve("cycle-b.nix"), "import ./cycle-a.nix");
    Files.writeString(root.resolve("lazy-cycle.nix"), "{ self = import ./lazy-cycle.nix; v = 1; }");
    Files.writeString(root.resolve("scoped.nix"), "greeting + \" \" + name");
    Files.writeString(elsewhere.resolve("out.nix"), "1");
    Files.createSymbolicLink(root.resolve("leak.nix"), elsewhere.resolve("out.nix"));
  }

  private Evaluator evaluator(String text) {
    return new Evaluator(reading, Evaluator.Mode.SYMBOLIC, text, root.toString());
  }

  private Value eval(Evaluator evaluator, String text) {
    Term term = TreeLowering.lower(NixFrontEnd.analyze(text)).orElseThrow();
    return evaluator.eval(term, evaluator.rootEnv());
  }

  private Value eval(String text) {
    return eval(evaluator(text), text);
  }

  @Test
  void aFileAndADirectorysDefaultNixAreEvaluatedWithTheirOwnDirectory() {
    assertThat(eval("(import ./nix/shell.nix { }).helper")).isEqualTo(new Value.Int(42));
    assertThat(eval("(import ./nix/values.nix).text")).isInstanceOfSatisfying(Value.Str.class,
        str -> assertThat(str.literal()).isEqualTo("read beside the importing file"));
    assertThat(eval("builtins.length (import ./nix/shell.nix { extra = [ 1 2 ]; }).packages"))
        .isEqualTo(new Value.Int(3));
  }

  @Test
  void spansInAnImportedFileNameItAndItsSourceIsItsOwn() {
    String text = "(import ./nix/shell.nix { }).packages";
    Evaluator evaluator = evaluator(text);
    Value packages = eval(evaluator, text);
    Value.Str python = (Value.Str) ((Value.ListV) packages).items().get(0).value();
    assertThat(python.span().file()).isEqualTo("nix/shell.nix");
    assertThat(python.span().line()).isEqualTo(2);
    assertThat(python.span().column()).isEqualTo(16);
    assertThat(evaluator.source(python.span())).isEqualTo("\"python3\"");
  }

  @Test
  void whatCannotBeReadIsUnknownWithAReason() {
    Evaluator evaluator = evaluator("");
    assertThat(eval(evaluator, "import ./broken.nix")).isEqualTo(Value.UNKNOWN);
    assertThat(eval(evaluator, "import ./missing.nix")).isEqualTo(Value.UNKNOWN);
    assertThat(eval(evaluator, "import ./leak.nix")).isEqualTo(Value.UNKNOWN);
    assertThat(eval(evaluator, "import " + elsewhere + "/out.nix")).isEqualTo(Value.UNKNOWN);
    assertThat(eval(evaluator, "import ./cycle-a.nix")).isEqualTo(Value.UNKNOWN);
    assertThat(evaluator.importProblems()).containsEntry("broken.nix",
        "Nix rejects it (1:7: syntax error, unexpected ';')").containsEntry("missing.nix", "no such file")
        .containsKey("cycle-a.nix");
    assertThat(evaluator.importProblems().values()).contains("outside the project's directory, not read");
    assertThat(eval(new Evaluator(Host.NONE, Evaluator.Mode.SYMBOLIC, "", root.toString()), "import ./nix/values.nix"))
        .isEqualTo(Value.UNKNOWN);
  }

  @Test
  void aLazySelfImportIsNoCycle() {
    assertThat(eval("(import ./lazy-cycle.nix).self.self.v")).isEqualTo(new Value.Int(1));
  }

  @Test
  void scopedImportStaysUnknown() {
    assertThat(eval("scopedImport { greeting = \"hello\"; name = \"nix\"; } ./scoped.nix")).isEqualTo(Value.UNKNOWN);
  }

  /** The same programs through {@code nix-instantiate --eval --strict --json}, in the same directory. */
  @Test
  void importsAgreeWithNix() throws IOException {
    Oracle.NIX_EVAL.assumeAvailable();
    List<String> programs = List.of(
        "import ./nix/shell.nix { }",
        "(import ./nix/shell.nix { extra = [ 1 ]; }).packages",
        "import ./nix/sub",
        "(import ./nix/values.nix).text",
        "(import ./lazy-cycle.nix).self.v",
        "builtins.map (f: (import f).answer) [ ./nix/values.nix ./nix/values.nix ]");
    for (String program : programs) {
      Path main = root.resolve("main.nix");
      Files.writeString(main, program);
      Oracle.Verdict nix = Oracle.NIX_EVAL.check(main);
      assertThat(nix.accepted()).as(program + ": " + nix.output()).isTrue();
      String text = "builtins.toJSON (" + program + ")";
      Value ours = eval(text);
      assertThat(ours).as(program).isInstanceOf(Value.Str.class);
      assertThat(JSON.readTree(((Value.Str) ours).literal())).as(program)
          .isEqualTo(JSON.readTree(Optional.of(nix.output()).get()));
    }
  }
}
