package io.github.nixml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell tokenizer: commands, words, quotes, comments, variables, and the pieces of the Nix string. */
class ShellScriptTest {

  private static List<ShellCommand> commands(String text) {
    return ShellScript.parse(List.of(new ShellPiece.Literal(text)));
  }

  private static List<List<String>> words(String text) {
    return commands(text).stream()
        .map(command -> command.words().stream().map(w -> String.valueOf(w.literal())).toList()).toList();
  }

  @Test
  void aTextIsSplitOnceAndEqualsAnotherOfTheSameComponents() {
    ShellText hook = new ShellText("shellHook", List.of(new ShellPiece.Literal("uv sync\nsource .venv/bin/activate\n")),
        true, null);
    assertThat(hook.commands()).hasSize(2).isSameAs(hook.commands());
    ShellText same = new ShellText("shellHook", List.of(new ShellPiece.Literal("uv sync\nsource .venv/bin/activate\n")),
        true, null);
    assertThat(same).isEqualTo(hook).hasSameHashCodeAs(hook);
    assertThat(new ShellText("profile", hook.pieces(), true, null)).isNotEqualTo(hook);
    assertThat(new ShellText("shellHook", hook.pieces(), false, null)).isNotEqualTo(hook);
  }

  @Test
  void aModifierRunsTheWordAfterIt() {
    List<ShellCommand> found = commands("command uv venv .venv\nexec uv run x\nenv A=1 B=2 uv sync\ncommand -v uv\n"
        + "env -i uv sync\nnohup python3 serve.py");
    assertThat(found).extracting(ShellCommand::programName)
        .containsExactly("uv", "uv", "uv", "command", "env", "python3");
    assertThat(found.get(0).runs("uv", "venv")).isTrue();
    assertThat(found.get(3).arguments()).extracting(ShellWord::literal).containsExactly("-v", "uv");
    // env's assignments are the command's own, as leading ones are
    assertThat(found.get(2).assignments()).extracting(ShellCommand.Assignment::name).containsExactly("A", "B");
  }

  @Test
  void separatorsSplitCommands() {
    assertThat(words("a 1; b 2 && c || d | e & f\ng")).containsExactly(
        List.of("a", "1"), List.of("b", "2"), List.of("c"), List.of("d"), List.of("e"), List.of("f"), List.of("g"));
  }

  @Test
  void quotesAndEscapesJoinWords() {
    assertThat(words("echo 'a b' \"c;d\" e\\ f x\"y\"'z' \\\nnext")).containsExactly(
        List.of("echo", "a b", "c;d", "e f", "xyz", "next"));
  }

  @Test
  void commentsEndAtTheLine() {
    assertThat(words("a # b; c\n#d\ne#f")).containsExactly(List.of("a"), List.of("e#f"));
  }

  @Test
  void echoedHookTextIsNotRun() {
    assertThat(commands("echo \"runHook venvShellHook is what we forgot\"")).noneMatch(
        command -> command.runs("runHook", "venvShellHook"));
    assertThat(commands("if true; then runHook venvShellHook; fi")).anyMatch(
        command -> command.runs("runHook", "venvShellHook"));
  }

  @Test
  void variablesAndAssignments() {
    ShellCommand export = commands("export LD_LIBRARY_PATH=\"$NIX_LD_LIBRARY_PATH:${LD_LIBRARY_PATH:-}\"").get(0);
    assertThat(export.assignments()).singleElement().satisfies(assignment -> {
      assertThat(assignment.name()).isEqualTo("LD_LIBRARY_PATH");
      assertThat(assignment.exported()).isTrue();
      assertThat(assignment.value().mentionsVariable("NIX_LD_LIBRARY_PATH")).isTrue();
      assertThat(assignment.value().mentionsVariable("LD_LIBRARY_PATH")).isTrue();
      // The reference keeps its expansion as written, for showing the value to people.
      assertThat(assignment.value().segments()).filteredOn(ShellWord.Variable.class::isInstance)
          .extracting(segment -> ((ShellWord.Variable) segment).written())
          .containsExactly("$NIX_LD_LIBRARY_PATH", "${LD_LIBRARY_PATH:-}");
    });
    assertThat(commands("venvDir=.venv").get(0).assignments()).extracting(ShellCommand.Assignment::name)
        .containsExactly("venvDir");
    assertThat(commands("echo venvDir=.venv").get(0).assignments()).isEmpty();
    assertThat(words("cmd 2>&1 >/dev/null")).containsExactly(List.of("cmd", "2>&1", ">/dev/null"));
  }

  @Test
  void interpolatedPiecesStayInTheirWord() {
    List<ShellCommand> commands = ShellScript.parse(List.of(new ShellPiece.Literal("source "),
        new ShellPiece.Unknown("venv"), new ShellPiece.Literal("/bin/activate # ${x} "),
        new ShellPiece.Unknown("hidden by the comment"), new ShellPiece.Literal("\n")));
    assertThat(commands).hasSize(1);
    assertThat(commands.get(0).arguments().get(0).endsWith("bin/activate")).isTrue();
    assertThat(commands.get(0).arguments().get(0).literal()).isNull();
  }
}
