package io.github.nixml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.testing.CleanProject;
import io.github.nixml.testing.ProjectTree;
import io.github.nixml.validate.RuleDocs;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a hook or a CI step runs it: its exit codes, its output, its file arguments. */
class NixmlCliTest {
  @TempDir Path tmp;
  private Path root;
  private String out;
  private String err;

  @BeforeEach
  void setUp() throws IOException {
    root = tmp.toRealPath().resolve("project");
    Files.createDirectories(root);
    CleanProject.write(root);
  }

  private int run(String... args) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = NixmlCli.run(new PrintWriter(stdout), new PrintWriter(stderr), args);
    out = stdout.toString();
    err = stderr.toString();
    if (args.length > 0 && args[0].equals("validate")) {
      // validate reads plain arguments without picocli (start-up); picocli must read them the same way
      StringWriter picocliOut = new StringWriter();
      StringWriter picocliErr = new StringWriter();
      int picocliCode = NixmlCli.run(new PrintWriter(picocliOut), new PrintWriter(picocliErr), true, args);
      assertThat(picocliCode).as("exit code through picocli").isEqualTo(code);
      assertThat(picocliOut.toString()).as("output through picocli").isEqualTo(out);
      assertThat(picocliErr.toString()).as("errors through picocli").isEqualTo(err);
    }
    return code;
  }

  private int validate(String... extra) {
    List<String> args = new ArrayList<>(List.of("validate", "--today", CleanProject.TODAY));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  /** Breaks the project: .python-version no longer satisfies requires-python (one error). */
  private void breakPythonVersion() throws IOException {
    Files.writeString(root.resolve(".python-version"), "3.11\n");
  }

  @Test
  void plainArgumentsReadWithoutPicocliMeanWhatPicocliReads() throws IOException {
    // run() compares every validate command line with picocli's reading; these shapes are read without it
    breakPythonVersion();
    assertThat(validate("--fail-on=none", "--disable=requires-python-mismatch", "--disable", "python-version-mismatch",
        root.toString())).isZero();
    assertThat(validate("--severity", "requires-python-mismatch=note", "--severity=python-version-mismatch=note",
        "--max-lock-age-days=30", "--max-file-bytes", "100000", "--layout", "auto", "--cuda", "auto",
        root.toString())).isZero();
    // these go to picocli: a repeated single-valued option, a bad number, a value missing
    assertThat(validate("--fail-on", "none", "--fail-on", "error", root.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(validate("--max-lock-age-days", "soon", root.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(validate(root.toString(), "--layout")).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void aCleanProjectExitsZeroAndWritesNothing() {
    assertThat(validate(root.toString())).isZero();
    assertThat(out).isEqualTo("nixml: 1 project, 1 Nix file: 0 errors, 0 warnings, 0 notes (0 at or above error)\n");
    assertThat(err).isEmpty();
    assertThat(root.resolve("target")).doesNotExist();
  }

  @Test
  void theCheckedTreeIsByteIdenticalAfterwardsAndTheFindingsAreOnStandardOutput() throws IOException {
    breakPythonVersion();
    Files.createDirectories(root.resolve("src/x"));
    Files.writeString(root.resolve("src/x/__init__.py"), "");
    Files.write(root.resolve("data.bin"), new byte[] {0, (byte) 0xff, '\r', '\n'});
    Path copy = ProjectTree.copy(root, tmp.resolve("copy"));
    Map<String, String> before = ProjectTree.snapshot(copy);

    // A directory, and files as a pre-commit hook passes them.
    assertThat(validate(copy.toString())).isEqualTo(ExitCode.FINDINGS);
    assertThat(out).contains(".python-version:1:1: error: [requires-python-mismatch] ").doesNotContain("wrote");
    assertThat(validate(copy.resolve("flake.nix").toString(), copy.resolve("src/x/__init__.py").toString()))
        .isEqualTo(ExitCode.FINDINGS);
    assertThat(out).contains(".python-version:1:1: error: [requires-python-mismatch] ");

    assertThat(ProjectTree.snapshot(copy)).isEqualTo(before);
  }

  @Test
  void findingsAtOrAboveFailOnExitOneNamingTheReportWhenThereIsOne() throws IOException {
    breakPythonVersion();
    assertThat(validate(root.toString())).isEqualTo(ExitCode.FINDINGS);
    assertThat(out).contains(".python-version:1:1: error: [requires-python-mismatch] ");
    assertThat(err).isEqualTo(
        "nixml: 1 finding at or above error; see the findings above (set --fail-on to change the threshold)\n");
    Path reports = tmp.resolve("reports");
    assertThat(validate("--output", reports.toString(), root.toString())).isEqualTo(ExitCode.FINDINGS);
    assertThat(out).contains("nixml: wrote " + reports.resolve("nixml.sarif"));
    assertThat(err).isEqualTo("nixml: 1 finding at or above error; see " + reports.resolve("nixml.sarif")
        + " (set --fail-on to change the threshold)\n");
    assertThat(validate("--fail-on", "none", root.toString())).isZero();
    assertThat(validate("--fail-on", "warning", "--severity", "requires-python-mismatch=note", root.toString()))
        .isZero();
    assertThat(validate("--fail-on", "note", "--severity", "requires-python-mismatch=note", root.toString()))
        .isEqualTo(ExitCode.FINDINGS);
    assertThat(validate("--disable", "requires-python-mismatch", root.toString())).isZero();
  }

  @Test
  void badUsageAndConfigurationExitTwoWithTheCommonPrefix() {
    assertThat(validate("--fail-on", "sometimes", root.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err).isEqualTo("nixml: invalid configuration: unknown failOn 'sometimes'"
        + " (expected error, warning, note or none)\n");
    assertThat(validate("--format", "", root.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err).startsWith("nixml: invalid configuration: nixml.formats is empty");
    assertThat(validate("--disable", "no-such-rule", root.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err).startsWith("nixml: invalid configuration: unknown rule id 'no-such-rule'");
    assertThat(validate(root.resolve("nowhere").toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err).isEqualTo("nixml: invalid configuration: " + root.resolve("nowhere") + " does not exist\n");
    assertThat(validate("--baseline", root.resolve("old.sarif").toString(), root.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err).isEqualTo("nixml: invalid configuration: baseline " + root.resolve("old.sarif")
        + " does not exist\n");
    assertThat(validate("--format", "text,sarif", root.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err).isEqualTo("nixml: invalid configuration: the sarif report is a file: pass --output DIR to say"
        + " where it goes (nothing is written into the checked directories unless asked)\n");
    assertThat(validate("--format", "junit,json", root.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err).startsWith("nixml: invalid configuration: the junit, json reports are files: pass --output DIR"
        + " to say where they go");
    assertThat(root.resolve("target")).doesNotExist();
    assertThat(run("validate", "--no-such-option")).isEqualTo(ExitCode.USAGE);
    assertThat(err).startsWith("Unknown option: '--no-such-option'");
    assertThat(run()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void anUnknownCommandIsAUsageErrorEvenWithHelp() {
    for (String[] args : List.of(new String[] {"frobnicate"}, new String[] {"triage", "--help"},
        new String[] {"--help", "triage"}, new String[] {"help", "triage"}, new String[] {"triage", "validate"})) {
      assertThat(run(args)).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
      String unknown = args[0].equals("frobnicate") ? "frobnicate" : "triage";
      assertThat(err).as(String.join(" ", args)).isEqualTo("nixml: unknown command '" + unknown + "'\n"
          + "Commands: validate, doctor, show, explain, rules, help. Run 'nixml --help' for the usage.\n");
      assertThat(out).isEmpty();
    }
    assertThat(run("help")).isZero();
    assertThat(out).contains("Commands:").contains("validate");
    assertThat(run("help", "validate")).isZero();
    assertThat(out).contains("--fail-on=LEVEL");
    assertThat(run("validate", "--help")).isZero();
  }

  @Test
  void anUnwritableOutputIsAToolFailure() throws IOException {
    Path blocker = Files.writeString(root.resolve("blocker"), "");
    assertThat(validate("--output", blocker.resolve("reports").toString(), root.toString()))
        .isEqualTo(ExitCode.TOOL_FAILURE);
    assertThat(err).isEqualTo("nixml: cannot write reports to " + blocker.resolve("reports") + ": not a directory\n");
  }

  @Test
  void aFileStandsForTheProjectHoldingItAndSeveralPathsRunTogether() throws IOException {
    Path other = tmp.resolve("other");
    Files.createDirectories(other.resolve("nix"));
    CleanProject.write(other);
    Files.writeString(other.resolve("nix/extra.nix"), "{ a = 1; a = 2; }\n");
    breakPythonVersion();
    // As pre-commit passes changed files: two from one project, one deep inside the other.
    assertThat(validate(root.resolve(".python-version").toString(), root.resolve("flake.nix").toString(),
        other.resolve("nix/extra.nix").toString())).isEqualTo(ExitCode.FINDINGS);
    assertThat(out.lines().filter(l -> l.startsWith("nixml: 1 project, ")).count()).isEqualTo(2);
    assertThat(out).contains("nixml: 1 project, 1 Nix file: 1 error")
        .contains("nixml: 1 project, 2 Nix files: 1 error")
        .contains("nix/extra.nix:1:10: error: [nix-syntax] ");
    assertThat(err.lines().count()).as(err).isEqualTo(2);
  }

  @Test
  void formatsAndOutputChooseTheReports() throws IOException {
    breakPythonVersion();
    Path reports = tmp.resolve("reports");
    assertThat(validate("--format", "json,junit", "--output", reports.toString(), root.toString()))
        .isEqualTo(ExitCode.FINDINGS);
    assertThat(reports.resolve("nixml.json")).isRegularFile();
    assertThat(reports.resolve("nixml-junit.xml")).isRegularFile();
    assertThat(reports.resolve("nixml.sarif")).doesNotExist();
    assertThat(out).doesNotContain("[requires-python-mismatch]");

    // --output alone: the goal's default formats, text and SARIF.
    Path defaults = tmp.resolve("defaults");
    assertThat(validate("--output", defaults.toString(), root.toString())).isEqualTo(ExitCode.FINDINGS);
    assertThat(out).contains("[requires-python-mismatch]");
    assertThat(defaults.resolve("nixml.sarif")).isRegularFile();
    assertThat(defaults.resolve("nixml.json")).doesNotExist();
    assertThat(root.resolve("target")).doesNotExist();
  }

  @Test
  void aBaselineLetsKnownFindingsPassAndFailsOnANewOne() throws IOException {
    breakPythonVersion();
    assertThat(validate("--output", reports().toString(), root.toString())).isEqualTo(ExitCode.FINDINGS);
    Path baseline = Files.copy(reports().resolve("nixml.sarif"), tmp.resolve("baseline.sarif"));

    assertThat(validate("--baseline", baseline.toString(), "--output", reports().toString(), root.toString()))
        .isZero();
    assertThat(out).contains("(0 at or above error); baseline: 1 known, 0 fixed");
    assertThat(sarifStates()).containsExactly("requires-python-mismatch unchanged");

    // The known finding moves (a comment line above it): still known. A new one fails.
    Files.writeString(root.resolve(".python-version"), "# pinned\n3.11\n");
    Files.writeString(root.resolve("flake.nix"), Files.readString(root.resolve("flake.nix"))
        .replace("UV_PYTHON_DOWNLOADS = \"never\";", "UV_PYTHON_DOWNLOADS = \"never\"; x = undefinedName;"));
    assertThat(validate("--baseline", baseline.toString(), "--output", reports().toString(), root.toString()))
        .isEqualTo(ExitCode.FINDINGS);
    assertThat(err).startsWith("nixml: 1 finding at or above error;");
    assertThat(sarifStates()).containsExactly("requires-python-mismatch unchanged", "nix-undefined-variable new");

    // Fixed since: the baseline's finding is listed as absent.
    CleanProject.write(root);
    assertThat(validate("--baseline", baseline.toString(), "--output", reports().toString(), root.toString()))
        .isZero();
    assertThat(sarifStates()).containsExactly("requires-python-mismatch absent");
  }

  private Path reports() {
    return tmp.resolve("reports");
  }

  private List<String> sarifStates() throws IOException {
    JsonNode results = new ObjectMapper().readTree(reports().resolve("nixml.sarif").toFile())
        .path("runs").path(0).path("results");
    List<String> states = new ArrayList<>();
    results.forEach(r -> states.add(r.path("ruleId").asText() + " " + r.path("baselineState").asText()));
    return states;
  }

  @Test
  void explainPrintsTheRulesOwnDocumentation() {
    assertThat(run("explain", "nix-syntax")).isZero();
    assertThat(out).isEqualTo(RuleDocs.of("nix-syntax").orElseThrow()).contains("**Fix");
    assertThat(run("explain", "nix-sintax")).isEqualTo(ExitCode.USAGE);
    assertThat(err).isEqualTo("nixml: unknown rule 'nix-sintax' (run `nixml rules` for the list)\n");
  }

  @Test
  void showPrintsEachShellAsTheModelUnderstoodIt() throws IOException {
    assertThat(run("show", root.resolve("flake.nix").toString())).isZero();
    assertThat(out).startsWith("nixml: the dev shells of " + root + "\n")
        .contains("\nProject .\n")
        .containsPattern("(?m)^devShells\\.x86_64-linux\\.default$")
        .contains("Interpreter: none the model can name")
        .contains("Venv strategy: venvShellHook into .venv")
        .contains("  UV_PYTHON_DOWNLOADS | never\n")
        .doesNotContain("Findings");
    assertThat(err).isEmpty();
    assertThat(run("show", root.resolve("nothing-here").toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err).contains("does not exist");
  }

  @Test
  void showPrintsTheCudaMajorOfEachLockedWheel() throws IOException {
    Files.writeString(root.resolve("uv.lock"), """
        version = 1
        requires-python = ">=3.12"

        [[package]]
        name = "torch"
        version = "2.7.1+cu128"
        source = { registry = "https://download.pytorch.org/whl/cu128" }
        wheels = [
            { url = "https://download.pytorch.org/whl/cu128/torch-2.7.1%2Bcu128-cp312-cp312-manylinux_2_28_x86_64.whl", hash = "sha256:00", size = 1 },
        ]

        [[package]]
        name = "requests"
        version = "2.32.4"
        source = { registry = "https://pypi.org/simple" }
        wheels = [
            { url = "https://files.example/requests-2.32.4-py3-none-any.whl", hash = "sha256:01", size = 1 },
        ]
        """);
    assertThat(run("show", root.resolve("flake.nix").toString())).isZero();
    assertThat(out).contains("Installed on Linux (locked or pinned): 2 distributions, 1 built for a CUDA major:")
        .containsPattern("torch +\\| 2\\.7\\.1\\+cu128 +\\| 12 +\\| uv\\.lock:4:1");
  }

  @Test
  void rulesListsEveryRuleWithItsDefaultSeverity() {
    assertThat(run("rules")).isZero();
    assertThat(out.lines()).hasSize(BuiltInRules.all().size());
    assertThat(out).containsPattern("(?m)^flake-lock-missing +note +")
        .containsPattern("(?m)^nix-syntax +error +");
  }

  @Test
  void helpAndVersion() {
    assertThat(run("--help")).isZero();
    assertThat(out).contains("validate").contains("explain").contains("Exit codes:")
        .contains("2   bad usage or configuration");
    assertThat(run("validate", "--help")).isZero();
    assertThat(out).contains("--baseline=SARIF").contains("--fail-on=LEVEL");
    assertThat(run("--version")).isZero();
    assertThat(out).startsWith("nixml ");
  }
}
