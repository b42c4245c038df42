package io.github.nixml.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {
  @TempDir Path root;
  @TempDir Path outside;

  /** Reports every file it sees, so tests can observe discovery, reading and suppression. */
  static final class SeeEveryNixFile implements NixFileRule {
    @Override
    public RuleDescriptor descriptor() {
      return RuleDescriptor.of("see-nix", Severity.NOTE, "test");
    }

    @Override
    public void check(NixSource file, FindingSink sink) {
      if (file.source().isUnreadable()) {
        sink.report(file.source().location(), "unreadable: " + file.source().problem().orElseThrow());
        return;
      }
      String text = file.source().text().orElseThrow();
      int at = text.indexOf("FLAG");
      while (at >= 0) {
        sink.report(file.source().locationAt(at, 4), "flag");
        at = text.indexOf("FLAG", at + 1);
      }
    }
  }

  /** One finding per project at its flake.nix, and a crash where a project holds a file named CRASH. */
  static final class SeeEveryProject implements ProjectRule {
    @Override
    public RuleDescriptor descriptor() {
      return RuleDescriptor.of("see-project", Severity.WARNING, "test");
    }

    @Override
    public void check(ProjectContext context, FindingSink sink) {
      if (context.file("CRASH").isPresent()) {
        throw new IllegalStateException("boom");
      }
      sink.report(Location.of(context.pathOf("flake.nix"), 1, 1), "project " + context.directory());
    }
  }

  private static final Validator VALIDATOR =
      new Validator(RuleRegistry.of(List.of(new SeeEveryNixFile(), new SeeEveryProject())));

  private ValidationResult validate(ValidationConfig config) throws ValidationException {
    return VALIDATOR.validate(new ValidationRequest(root, config));
  }

  private ValidationResult validate() throws ValidationException {
    return validate(ValidationConfig.defaults());
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static List<String> lines(ValidationResult result) {
    return result.findings().stream().map(Finding::toString).collect(Collectors.toList());
  }

  @Test
  void everyDirectoryWithAFlakeIsAProjectAndSkippedDirectoriesAreNotEntered() throws Exception {
    write("flake.nix", "{ }");
    write("apps/a/flake.nix", "{ }");
    write("apps/b/flake.nix", "{ }");
    write("apps/b/nix/FLAG.nix", "FLAG");
    for (String skipped : List.of(".git", ".direnv", ".venv", "result", "result-dev", "target", "node_modules")) {
      write(skipped + "/flake.nix", "FLAG");
    }
    write("results/flake.nix", "{ }"); // only result and result-* are build outputs

    ValidationResult result = validate();

    assertThat(result.projects()).containsExactly("", "apps/a", "apps/b", "results");
    assertThat(result.nixFileCount()).isEqualTo(5);
    assertThat(lines(result)).containsExactly(
        "apps/a/flake.nix:1:1: warning: [see-project] project apps/a",
        "apps/b/flake.nix:1:1: warning: [see-project] project apps/b",
        "apps/b/nix/FLAG.nix:1:1: note: [see-nix] flag",
        "flake.nix:1:1: warning: [see-project] project ",
        "results/flake.nix:1:1: warning: [see-project] project results");
  }

  @Test
  void aFileMadeForNixShellByNameIsTheProjectsShellFile() throws Exception {
    // `nix-shell shell-cuda.nix`: no flake, shell.nix or default.nix; the first such file by name is the project's
    // shell file, and each of the others gives its shell too, positioned in its own file
    write("shell-cuda.nix", "{ pkgs ? import <nixpkgs> { } }: pkgs.mkShell { packages = [ pkgs.cudatoolkit ]; }");
    write("shell-cpu.nix", "{ pkgs ? import <nixpkgs> { } }: pkgs.mkShell { packages = [ pkgs.python312 ]; }");
    write("nix/devshell.nix", "{ }"); // not a nix-shell file's name, and not at the top
    assertThat(validate().projects()).containsExactly("");
    ProjectContext context = ProjectContext.open(root, "", ValidationConfig.defaults());
    assertThat(context.devShellNix().path()).isEqualTo("shell-cpu.nix");
    assertThat(context.nixShellProject()).isTrue();
    io.github.nixml.validate.facts.ProjectShells shells = io.github.nixml.validate.facts.ProjectShells.of(context);
    assertThat(shells.nixShell()).isTrue();
    assertThat(shells.model().shells()).extracting(io.github.nixml.model.DevShell::name)
        .containsExactly("shell-cpu.nix", "shell-cuda.nix");
    assertThat(shells.model().shells().get(1).location().file()).isEqualTo("shell-cuda.nix");
    assertThat(shells.at(shells.model().shells().get(1).packages().packages().get(0).location()).toString())
        .startsWith("shell-cuda.nix:1:");
    assertThat(shells.unknowns()).isEmpty();
    // one that is no shell builder call is said to be unchecked
    write("shell-gpu.nix", "{ pkgs ? import <nixpkgs> { } }: pkgs.hello");
    shells = io.github.nixml.validate.facts.ProjectShells.of(ProjectContext.open(root, "", ValidationConfig.defaults()));
    assertThat(shells.model().shells()).hasSize(2);
    assertThat(shells.unknowns()).extracting(io.github.nixml.validate.facts.ProjectShells.Unknown::subject)
        .containsExactly("shell-gpu.nix");
    assertThat(List.of("cuda-shell.nix", "shell.gpu.nix", "shell_cuda.nix", "shell.nix", "default.nix"))
        .allMatch(ProjectContext::isNixShellFile);
    assertThat(List.of("devshell.nix", "flake.nix", "shellcheck.nix", "nushell.nix"))
        .noneMatch(ProjectContext::isNixShellFile);
    // a file the shell file imports is part of its shell, not one of its own
    write("shell-cuda.nix", "import ./shell-gpu.nix { }");
    write("shell-gpu.nix", "{ pkgs ? import <nixpkgs> { } }: pkgs.mkShell { packages = [ pkgs.cudatoolkit ]; }");
    shells = io.github.nixml.validate.facts.ProjectShells.of(ProjectContext.open(root, "", ValidationConfig.defaults()));
    assertThat(shells.model().shells()).extracting(io.github.nixml.model.DevShell::name)
        .containsExactly("shell-cpu.nix", "shell-cuda.nix");
    assertThat(shells.model().shells().get(1).location().file()).isEqualTo("shell-gpu.nix");
    // shell.nix, where present, is the file nix-shell reads
    write("shell.nix", "{ pkgs ? import <nixpkgs> { } }: pkgs.mkShell { }");
    assertThat(ProjectContext.open(root, "", ValidationConfig.defaults()).devShellNix().path()).isEqualTo("shell.nix");
  }

  @Test
  void aFunctionNamedFlakeNixBelowAFlakeIsAModuleNotAProject() throws Exception {
    write("flake.nix", "{ outputs = inputs: { }; }");
    // a flake-parts module the root flake imports as ./parts/flake.nix: a function, no lock beside it
    write("parts/flake.nix", "{ self, ... }: { perSystem = { pkgs, ... }: { }; }");
    // a flake of its own below the root: a set
    write("tools/flake.nix", "{ outputs = _: { }; }");
    // a function with a lock beside it is taken as the flake its lock says it is
    write("locked/flake.nix", "{ self, ... }: { }");
    write("locked/flake.lock", "{ }");

    assertThat(validate().projects()).containsExactly("", "locked", "tools");
    // at the root it is still the project (a broken flake is the project's to fix)
    write("flake.nix", "{ self, ... }: { }");
    assertThat(validate().projects()).contains("");
  }

  @Test
  void aFolderIsBelowAnotherOnlyWhenThatOneIsAnAncestor() {
    java.util.Set<String> flakes = java.util.Set.of("tools", "a/b");
    assertThat(ProjectScanner.below("tools/x/y", flakes)).isTrue();
    assertThat(ProjectScanner.below("a/b/c", flakes)).isTrue();
    assertThat(ProjectScanner.below("toolsextra/x", flakes)).isFalse(); // a shared prefix is not a parent
    assertThat(ProjectScanner.below("a/bc/d", flakes)).isFalse();
    assertThat(ProjectScanner.below("a/b", flakes)).isFalse(); // not below itself
    assertThat(ProjectScanner.below("x", java.util.Set.of(""))).isTrue();
    assertThat(ProjectScanner.below("", java.util.Set.of(""))).isFalse();
  }

  @Test
  void aDevenvNixWithoutAFlakeIsAProjectButADevenvModuleBelowAFlakeIsNot() throws Exception {
    write("services/api/devenv.nix", "{ pkgs, ... }: { }"); // devenv without devenv.yaml: still devenv's project
    write("services/worker/devenv.nix", "{ }");
    write("services/worker/devenv.yaml", "inputs: {}\n");
    write("services/worker/flake.nix", "{ }"); // a flake beside it: the flake is the project, once
    write("services/worker/nix/devenv.nix", "{ }"); // below a flake, no devenv.yaml: a module its mkShell imports
    write("services/worker/tools/devenv.nix", "{ }");
    write("services/worker/tools/devenv.yaml", ""); // devenv.yaml beside it: devenv's own project, even below a flake

    ValidationResult result = validate();

    assertThat(result.projects()).containsExactly("services/api", "services/worker", "services/worker/tools");
  }

  @Test
  void withoutAnyFlakeAPythonProjectAtTheRootIsTheOneProject() throws Exception {
    write("pyproject.toml", "");
    ValidationResult result = validate();
    assertThat(result.projects()).containsExactly("");
    assertThat(lines(result)).containsExactly("flake.nix:1:1: warning: [see-project] project ");
    assertThat(result.notices()).isEmpty();
  }

  @Test
  void aDirectoryWithNoFlakeAndNoPythonProjectIsOneNoticeNotAProject() throws Exception {
    write("docs/shell.nix", "FLAG");
    ValidationResult result = validate();
    assertThat(result.projects()).isEmpty();
    assertThat(result.notices()).containsExactly(
        "no project found in " + root.toRealPath() + ": no flake.nix in it or below");
    // Its Nix files are still checked.
    assertThat(lines(result)).containsExactly("docs/shell.nix:1:1: note: [see-nix] flag");
  }

  @Test
  void linksInsideTheRootAreFollowedOnceAndLinksOutsideAreSkipped() throws Exception {
    write("real/flake.nix", "FLAG");
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));
    Files.createSymbolicLink(root.resolve("real/loop"), root);
    Files.writeString(outside.resolve("flake.nix"), "FLAG");
    Files.createSymbolicLink(root.resolve("escape"), outside);
    Files.createSymbolicLink(root.resolve("escape.nix"), outside.resolve("flake.nix"));
    Files.createSymbolicLink(root.resolve("dangling.nix"), root.resolve("nowhere.nix"));

    ValidationResult result = validate();

    // "alias" and "real" are one directory: whichever the walk meets first is the project.
    assertThat(result.projects()).hasSize(1);
    assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("see-nix")).hasSize(1);
  }

  @Test
  void suppressionCommentOnTheLineOrTheLineAboveSilencesOnlyThatRule() throws Exception {
    write("flake.nix", String.join("\n",
        "{",
        "  a = FLAG; # nixml: ignore see-nix",
        "  # nixml: ignore other-rule, see-nix",
        "  b = FLAG;",
        "  # nixml: ignore other-rule",
        "  c = FLAG;",
        "",
        "  d = FLAG;",
        "}"));
    ValidationResult result = validate();
    assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("see-nix"))
        .extracting(f -> f.location().line()).containsExactly(6, 8);
  }

  @Test
  void hugeFilesAreFindingsAndNulOrLatin1NixFilesAreReadAsNixReadsThem() throws Exception {
    write("flake.nix", "{ }");
    Files.write(root.resolve("binary.nix"), new byte[] {'{', 0, '}'});
    Files.write(root.resolve("latin1.nix"), new byte[] {'"', (byte) 0xE9, '"'});
    write("huge.nix", "#".repeat(2000));
    Files.createDirectories(root.resolve("dir.nix"));

    ValidationResult result = validate(ValidationConfig.builder().maxFileBytes(1000).build());

    // Nix reads NUL bytes and malformed UTF-8 (file-encoding warns); only the huge file is not read.
    assertThat(lines(result)).containsExactly("flake.nix:1:1: warning: [see-project] project ",
        "huge.nix: note: [see-nix] unreadable: is 2000 bytes, more than the 1000-byte limit; not read");
  }

  @Test
  void aCrashingRuleBecomesAFindingAndTheOthersStillRun() throws Exception {
    write("a/flake.nix", "{ }");
    write("a/CRASH", "");
    write("b/flake.nix", "{ }");
    ValidationResult result = validate();
    assertThat(lines(result)).hasSize(2);
    assertThat(lines(result).get(0)).startsWith("a/flake.nix: warning: [see-project] internal error")
        .contains("IllegalStateException: boom");
    assertThat(lines(result).get(1)).isEqualTo("b/flake.nix:1:1: warning: [see-project] project b");
  }

  @Test
  void severitiesAreOverriddenAndOffDisablesARule() throws Exception {
    write("flake.nix", "FLAG");
    ValidationResult result = validate(ValidationConfig.builder()
        .severity("see-nix", "error").severity("see-project", "off").build());
    assertThat(lines(result)).containsExactly("flake.nix:1:1: error: [see-nix] flag");
    assertThat(result.rules()).extracting(RuleDescriptor::id).containsExactly("see-nix");
    assertThat(result.countFailing(FailOn.ERROR)).isEqualTo(1);
    assertThat(result.countFailing(FailOn.NONE)).isZero();
  }

  @Test
  void unknownRuleIdsAndMissingRootsAreToolErrors() {
    assertThatThrownBy(() -> validate(ValidationConfig.builder().disable("no-such-rule").build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("unknown rule id 'no-such-rule'");
    assertThatThrownBy(() -> VALIDATOR.validate(new ValidationRequest(root.resolve("absent"),
        ValidationConfig.defaults()))).isInstanceOf(ValidationException.class).hasMessageContaining("not a directory");
  }

  @Test
  void manyProjectsValidatedInParallelGiveTheSameResultEveryTime() throws Exception {
    for (int i = 0; i < 200; i++) {
      write("p" + (i * 7919 % 200) + "/flake.nix", "FLAG\n".repeat(i % 3 + 1));
    }
    ValidationResult first = validate();
    ValidationResult second = validate();
    assertThat(first.findings()).hasSize(399 + 200).isEqualTo(second.findings());
    assertThat(first.findings()).isSortedAccordingTo(Finding.ORDER);
  }

  @Test
  void configurationValuesAreCheckedWithClearMessages() {
    assertThatThrownBy(() -> ValidationConfig.builder().set("layout", "nixos"))
        .hasMessage("unknown layout 'nixos' (expected one of auto, ld-path, fhs)");
    assertThatThrownBy(() -> ValidationConfig.builder().severity("x", "fatal"))
        .hasMessageContaining("expected error, warning, note or off");
    assertThatThrownBy(() -> FailOn.parse("always")).hasMessageContaining("error, warning, note or none");
    assertThat(ValidationConfig.builder().set("cuda", "REQUIRED").build().cuda()).isEqualTo(CudaMode.REQUIRED);
  }
}
