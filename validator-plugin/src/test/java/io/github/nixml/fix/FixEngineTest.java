package io.github.nixml.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.Fixer;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.ProjectRule;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.RuleRegistry;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix engine on its own: edits, conflicts, diffs, atomic writes, and what the fixer refuses to do. */
class FixEngineTest {
  @TempDir Path root;

  @Test
  void editsApplyAgainstTheOriginalTextAndConflictsAreRefused() {
    String text = "abcdef";
    assertThat(TextEdits.apply(text, List.of(TextEdit.replace("f", 1, 2, "XY"), TextEdit.insert("f", 0, ">"),
        TextEdit.replace("f", 5, 1, "")))).isEqualTo(">aXYde");
    assertThat(TextEdit.insert("f", 2, "a").conflictsWith(TextEdit.insert("f", 2, "b"))).isTrue();
    assertThat(TextEdit.insert("f", 2, "a").conflictsWith(TextEdit.replace("f", 2, 2, "b"))).isFalse();
    assertThat(TextEdit.insert("f", 3, "a").conflictsWith(TextEdit.replace("f", 2, 2, "b"))).isTrue();
    assertThat(TextEdit.insert("f", 2, "a").conflictsWith(TextEdit.insert("g", 2, "b"))).isFalse();
    assertThatThrownBy(() -> TextEdits.apply(text, List.of(TextEdit.replace("f", 0, 3, ""),
        TextEdit.replace("f", 2, 2, "")))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fix.of("two at once", TextEdit.insert("f", 1, "a"), TextEdit.insert("f", 1, "b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDiffIsUnified() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\nthirteen";
    assertThat(UnifiedDiff.of("a.txt", before, after)).isEqualTo("""
        --- a/a.txt
        +++ b/a.txt
        @@ -2,7 +2,7 @@
         2
         3
         4
        -5
        +five
         6
         7
         8
        @@ -10,3 +10,4 @@
         10
         11
         12
        +thirteen
        \\ No newline at end of file
        """);
    assertThat(UnifiedDiff.of("a.txt", before, before)).isEmpty();
    assertThat(UnifiedDiff.of("new", "", "x\n")).isEqualTo("--- a/new\n+++ b/new\n@@ -0,0 +1,1 @@\n+x\n");
  }

  @Test
  void atomicWritesKeepPermissionsAndLeaveNoTemporaryFile() throws Exception {
    Path script = root.resolve("run.sh");
    Files.writeString(script, "old");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
    AtomicFiles.write(script, "new");
    AtomicFiles.write(root.resolve("fresh.txt"), "fresh");
    assertThat(Files.readString(script)).isEqualTo("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxr-x---");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("fresh.txt"))))
        .isEqualTo("rw-r--r--");
    try (Stream<Path> files = Files.list(root)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run.sh", "fresh.txt");
    }
  }

  @Test
  void editsThatSplitATokenOrBreakTheFileAreRefused() {
    var file = io.github.nixml.nix.NixFrontEnd.analyze("{ a = 1; }");
    assertThat(NixEdits.problem(io.github.nixml.nix.NixFrontEnd.analyze("{ abc = 1; }"),
        List.of(TextEdit.insert("f.nix", 3, "x")))).get().asString().contains("would split");
    assertThat(NixEdits.problem(file, List.of(TextEdit.insert("f.nix", 2, "b = 2; ")))).isEmpty();
    assertThat(NixEdits.problem(io.github.nixml.nix.NixFrontEnd.analyze("{ a = ; }"),
        List.of(TextEdit.insert("f.nix", 0, " ")))).get().asString().startsWith("it does not parse");
  }

  /** Offers, on flake.nix, whatever edit the test puts in {@code EDIT}. */
  static final class EditFlake implements ProjectRule {
    static volatile TextEdit edit;

    @Override
    public RuleDescriptor descriptor() {
      return RuleDescriptor.of("edit-flake", Severity.ERROR, "test");
    }

    @Override
    public void check(ProjectContext context, FindingSink sink) {
      SourceFile flake = context.flakeNix().source();
      if (flake.text().isPresent() && !flake.text().get().contains("fixed")) {
        sink.report(Location.of(flake.path(), 1, 1), "not fixed", List.of(), Optional.of(Fix.of("fix it", edit)));
      }
    }
  }

  @Test
  void theFixerNeverTouchesAFileThatDoesNotParseNorWritesOneThatWouldNot() throws Exception {
    Fixer fixer = new Fixer(new Validator(RuleRegistry.of(List.of(new EditFlake()))), FailOn.ERROR);
    ValidationRequest request = new ValidationRequest(root, ValidationConfig.defaults());

    Files.writeString(root.resolve("flake.nix"), "{ a = ; }");
    EditFlake.edit = TextEdit.insert("flake.nix", 0, "# fixed\n");
    Fixer.FixResult broken = fixer.fix(request, false);
    assertThat(broken.changes()).isEmpty();
    assertThat(broken.notes()).singleElement().asString().contains("does not parse");
    assertThat(Files.readString(root.resolve("flake.nix"))).isEqualTo("{ a = ; }");

    Files.writeString(root.resolve("flake.nix"), "{ a = 1; }");
    EditFlake.edit = TextEdit.insert("flake.nix", 9, "fixed = ; ");
    Fixer.FixResult rejected = fixer.fix(request, false);
    assertThat(rejected.notes()).singleElement().asString().contains("the result would not parse");
    assertThat(Files.readString(root.resolve("flake.nix"))).isEqualTo("{ a = 1; }");

    EditFlake.edit = TextEdit.insert("flake.nix", 9, "fixed = 2; ");
    Fixer.FixResult dry = fixer.fix(request, true);
    assertThat(dry.changes()).singleElement().satisfies(c -> assertThat(c.after()).isEqualTo("{ a = 1; fixed = 2; }"));
    assertThat(Files.readString(root.resolve("flake.nix"))).isEqualTo("{ a = 1; }");
    assertThat(dry.after().findings()).isEmpty();

    Fixer.FixResult written = fixer.fix(request, false);
    assertThat(written.written()).isTrue();
    assertThat(Files.readString(root.resolve("flake.nix"))).isEqualTo("{ a = 1; fixed = 2; }");
    assertThat(fixer.fix(request, false).changes()).isEmpty();
  }

  /** Reports each line holding a TODO with its text, naming its position in the message as some rules do. */
  static final class TodoMarker extends BaseProjectRule {
    TodoMarker() {
      super(RuleDescriptor.of("todo-left", Severity.ERROR, "test"));
    }

    @Override
    public void check(ProjectContext context, FindingSink sink) {
      SourceFile flake = context.flakeNix().source();
      List<String> lines = flake.text().orElse("").lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        int column = lines.get(i).indexOf("TODO") + 1;
        if (column > 0) {
          sink.report(Location.of(flake.path(), i + 1, column),
              lines.get(i).substring(column - 1) + " is left (flake.nix:" + (i + 1) + ":" + column + ")");
        }
      }
    }
  }

  @Test
  void anEditThatWouldIntroduceAFindingAtOrAboveTheGateIsNotWrittenWhileEarlierOnesDoNotCount() throws Exception {
    Validator validator = new Validator(RuleRegistry.of(List.of(new EditFlake(), new TodoMarker())));
    ValidationRequest request = new ValidationRequest(root, ValidationConfig.defaults());
    String flake = "{\n  a = 1; # TODO\n}\n";
    Files.writeString(root.resolve("flake.nix"), flake);

    // The fix brings a TODO of its own: refused at the error gate, nothing written.
    EditFlake.edit = TextEdit.insert("flake.nix", 2, "  fixed = 1; # TODO undo\n");
    Fixer.FixResult refused = new Fixer(validator, FailOn.ERROR).fix(request, false);
    assertThat(refused.written()).isFalse();
    assertThat(refused.introducedFailing()).singleElement().asString()
        .isEqualTo("flake.nix:2:16: error: [todo-left] TODO undo is left (flake.nix:2:16)");
    assertThat(Files.readString(root.resolve("flake.nix"))).isEqualTo(flake);

    // The gate decides: with none, the same edit would be written.
    Fixer.FixResult ungated = new Fixer(validator, FailOn.NONE).fix(request, true);
    assertThat(ungated.introducedFailing()).isEmpty();
    assertThat(ungated.changes()).hasSize(1);

    // A fix that moves the earlier TODO down a line (its message names the new line) introduces nothing.
    EditFlake.edit = TextEdit.insert("flake.nix", 2, "  fixed = 1;\n");
    Fixer.FixResult moved = new Fixer(validator, FailOn.ERROR).fix(request, false);
    assertThat(moved.introducedFailing()).isEmpty();
    assertThat(moved.written()).isTrue();
    assertThat(moved.after().findings()).singleElement().asString()
        .isEqualTo("flake.nix:3:12: error: [todo-left] TODO is left (flake.nix:3:12)");
  }
}
