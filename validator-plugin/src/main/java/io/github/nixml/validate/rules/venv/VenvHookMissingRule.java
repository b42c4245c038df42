package io.github.nixml.validate.rules.venv;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.ShellWord;
import io.github.nixml.model.VenvStrategy;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.List;
import java.util.Optional;

/**
 * {@code venv-hook-missing}: an ld-path shell ({@code mkShell}) shows it expects a venv ({@code runHook
 * venvShellHook} in a hook, {@code venvDir} set, {@code source DIR/bin/activate}) but nothing in it creates one:
 * no {@code venvShellHook}, {@code uv sync}, {@code uv venv}, {@code python -m venv} or {@code virtualenv}. Why:
 * {@code runHook} of a missing hook and the activation of a missing venv fail, and {@code pip install} then writes
 * into the read-only Nix store or the user's global site-packages. A project that declares the full nixml contract
 * (a configured layout) is held to the templates' venv hook: there any ld-path shell without the hook (or an
 * activation of its own) fires.
 */
public final class VenvHookMissingRule extends DevShellRule {

  public VenvHookMissingRule() {
    super(RuleDescriptor.of("venv-hook-missing", Severity.ERROR,
        "An ld-path shell expects a venv that nothing creates (with a configured layout: has no venvShellHook)."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.layout() != Layout.LD_PATH || !shell.packages().complete() || !shell.hooksComplete()) {
      return;
    }
    List<VenvStrategy> strategies = VenvStrategy.of(shell);
    if (model.strict()) {
      if (strategies.stream().noneMatch(s -> s.kind() == VenvStrategy.Kind.VENV_SHELL_HOOK
          || s.kind() == VenvStrategy.Kind.ACTIVATE || s.kind() == VenvStrategy.Kind.ACTIVATE_BUILT)) {
        sink.report(model.at(shell.location()),
            "this mkShell has no venvShellHook, so nothing creates or activates the venv; add "
                + "python3XYPackages.venvShellHook (the interpreter's own package set) to packages and set venvDir");
      }
      return;
    }
    boolean hook = strategies.stream().anyMatch(s -> s.kind() == VenvStrategy.Kind.VENV_SHELL_HOOK);
    if (!hook && shell.hookCommands().stream()
        .anyMatch(command -> command.runs("runHook", "venvShellHook") || command.runs("venvShellHook"))) {
      sink.report(model.at(shell.location()),
          "a hook runs `runHook venvShellHook` but venvShellHook is not in this mkShell's packages, so the call "
              + "does nothing and the venv is neither made nor activated by it; add python3XYPackages.venvShellHook "
              + "(the interpreter's own package set) to packages");
      return;
    }
    if (strategies.stream().anyMatch(VenvStrategy::creates) || runsWhatTheModelDoesNotRead(shell, strategies)) {
      return;
    }
    // uv makes the venv where the shell has uv and no Python of nixpkgs for venvShellHook (and no venvDir for it)
    boolean uvOnly = shell.packages().anyMatch(ref -> ref.last().equals("uv")) && !shell.mayBringNixPython()
        && !shell.env().containsKey("venvDir");
    String advice = !uvOnly ? "add python3XYPackages.venvShellHook (the interpreter's own package set) to packages"
        : model.context().pyproject().isPresent()
            ? "run `uv sync` in the hook to make the venv (before anything activates it)"
            : "run `uv venv` in the hook to make the venv (before anything activates it)";
    expectation(shell, strategies).ifPresent(expected -> sink.report(model.at(shell.location()),
        expected + " but nothing in this mkShell creates the venv (no venvShellHook, uv sync, uv venv, "
            + "python -m venv or virtualenv); " + advice));
  }

  /**
   * What shows that the shell expects a venv, as a message says it; empty when nothing does. {@code venvDir} is read
   * by venvShellHook alone: in a shell with no Python and no uv whose texts run no Python tool (a Rust shell that
   * kept the setting) it makes nothing fail and says nothing of a venv the shell would use.
   */
  private static Optional<String> expectation(DevShell shell, List<VenvStrategy> strategies) {
    boolean python = shell.mayBringNixPython() || shell.packages().anyMatch(ref -> ref.last().equals("uv"))
        || runsPythonTools(shell);
    if (python && (shell.env().containsKey("venvDir")
        || shell.hookAssignments().stream().anyMatch(a -> a.name().equals("venvDir")))) {
      return Optional.of("venvDir is set");
    }
    return strategies.stream().filter(s -> s.kind() == VenvStrategy.Kind.ACTIVATE)
        .filter(s -> s.directory().map(directory -> !testedFirst(shell, directory)).orElse(true)).findFirst()
        .map(s -> "a hook activates " + s.directory().map(d -> d + "/").orElse("a venv"));
  }

  /** Python's programs and tools that live in a venv ({@code pip install -e .} in {@code postVenvCreation}). */
  private static final java.util.regex.Pattern PYTHON_TOOL =
      java.util.regex.Pattern.compile("(python|pip|pypy)[0-9.]*|poetry|virtualenv|uv");

  /** Whether the shell's hooks, or the texts venvShellHook would run, run Python or one of its tools. */
  private static boolean runsPythonTools(DevShell shell) {
    java.util.stream.Stream<io.github.nixml.model.ShellCommand> venvTexts = java.util.stream.Stream.of(
        "preVenvCreation", "postVenvCreation").map(shell.env()::get).filter(java.util.Objects::nonNull)
        .flatMap(text -> text.commands().stream());
    return java.util.stream.Stream.concat(shell.hookCommands().stream(), venvTexts)
        .map(io.github.nixml.model.ShellCommand::programName)
        .anyMatch(name -> name != null && PYTHON_TOOL.matcher(name).matches());
  }

  /**
   * Whether a hook tests for the venv ({@code if [[ -d .venv/ ]]; then source .venv/bin/activate; fi}): activating
   * a venv only where one exists expects none, so nothing needs to create it.
   */
  private static boolean testedFirst(DevShell shell, String directory) {
    String bare = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
    return shell.hookCommands().stream()
        .filter(command -> TESTS.contains(command.programName()))
        .anyMatch(command -> command.words().stream().map(ShellWord::literal)
            .anyMatch(word -> word != null && (word.equals(bare) || word.startsWith(bare + "/"))));
  }

  private static final java.util.Set<String> TESTS = java.util.Set.of("[", "[[", "test");

  /** Tools that make a project's venv themselves ({@code poetry install} into {@code .venv}). */
  private static final java.util.Set<String> VENV_TOOLS = java.util.Set.of("poetry", "pdm", "pipenv", "hatch", "rye",
      "pixi", "conda", "mamba", "micromamba", "devenv");

  /** Task runners, which may make it when a target says so ({@code make venv}, {@code just setup}). */
  private static final java.util.Set<String> TASK_RUNNERS = java.util.Set.of("make", "just", "task");

  /** Words of a task's name that say it sets the project up. */
  private static final java.util.regex.Pattern SETUP_TASK =
      java.util.regex.Pattern.compile(".*(venv|setup|install|init|sync|bootstrap).*");

  /** Programs that run the script named by their first argument. */
  private static final java.util.Set<String> SCRIPT_RUNNERS = java.util.Set.of("bash", "sh", "zsh", "source", ".");

  /**
   * Whether a hook runs something that may make the venv and that the model does not read: a script the project
   * builds or holds ({@code ${initial-setup}/bin/initial-setup}, {@code ./setup.sh}, {@code bash scripts/dev.sh},
   * {@code source ./env.sh}), or a tool that makes venvs of its own.
   */
  private static boolean runsWhatTheModelDoesNotRead(DevShell shell, List<VenvStrategy> strategies) {
    java.util.Set<String> venvs = new java.util.HashSet<>();
    strategies.forEach(strategy -> strategy.directory().ifPresent(directory -> venvs.add(bare(directory))));
    for (io.github.nixml.model.ShellCommand command : shell.hookCommands()) {
      List<ShellWord> invocation = command.invocation();
      if (invocation.isEmpty()) {
        continue;
      }
      if (VENV_TOOLS.contains(command.programName()) || isScript(invocation.get(0), venvs)) {
        return true;
      }
      if (TASK_RUNNERS.contains(command.programName()) && command.arguments().stream().map(ShellWord::literal)
          .anyMatch(word -> word != null && SETUP_TASK.matcher(word).matches())) {
        return true;
      }
      if (SCRIPT_RUNNERS.contains(command.programName()) && invocation.size() > 1
          && isScript(invocation.get(1), venvs)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A word naming a script of the project: a path it builds or holds, or a relative path with a folder in it
   * ({@code scripts/dev.sh}); a program of the venv itself ({@code .venv/bin/pip}) is none.
   */
  private static boolean isScript(ShellWord word, java.util.Set<String> venvs) {
    if (word.segments().stream().anyMatch(segment -> segment instanceof ShellWord.Piece piece
        && (piece.piece() instanceof io.github.nixml.model.ShellPiece.BuiltPath
            || piece.piece() instanceof io.github.nixml.model.ShellPiece.ProjectPath))) {
      return true;
    }
    String literal = word.literal();
    if (literal == null || !literal.contains("/") || literal.startsWith("/")) {
      return false;
    }
    String relative = literal.startsWith("./") ? literal.substring(2) : literal;
    String first = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
    return !venvs.contains(first) && !VENV_NAME.matcher(first).matches();
  }

  /** Folder names venvs are given ({@code .venv}, {@code venv}, {@code .venv-linux}, {@code env}). */
  private static final java.util.regex.Pattern VENV_NAME = java.util.regex.Pattern.compile("\\.?(venv.*|env)");

  private static String bare(String directory) {
    String trimmed = directory.startsWith("./") ? directory.substring(2) : directory;
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
