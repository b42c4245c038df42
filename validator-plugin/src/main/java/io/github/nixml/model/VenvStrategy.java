package io.github.nixml.model;

import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One way a dev shell makes or enters a Python virtual environment, read from its packages, variables and the
 * commands of its hooks (or FHS profile): {@code venvShellHook} with {@code venvDir}, {@code uv sync}/{@code uv run}
 * (into {@code UV_PROJECT_ENVIRONMENT} or {@code .venv}), {@code uv venv [DIR]}, {@code python -m venv DIR},
 * {@code virtualenv DIR}, {@code poetry install} (into {@code .venv} where {@code POETRY_VIRTUALENVS_IN_PROJECT} says
 * so, else into poetry's cache outside the project), and the activation {@code source DIR/bin/activate}, which
 * creates nothing (of a venv Nix builds, {@code source ${venv}/bin/activate}, a kind of its own).
 *
 * @param directory the venv directory relative to where the shell is entered, normalised ({@code .venv}); empty
 *     when the text does not tell (a variable the shell does not set, an interpolation) or when it lies outside
 *     the project (an absolute path, {@code $HOME})
 * @param location where the evidence is written: the {@code venvShellHook} package, or the hook holding the command
 */
public record VenvStrategy(Kind kind, Optional<String> directory, SourceSpan location) {
  /**
   * Where devenv makes the venv of {@code languages.python.venv.enable} and {@code uv.sync.enable}
   * ({@code $DEVENV_STATE/venv}); devenv rebuilds it on entry when the interpreter changes.
   */
  public static final String DEVENV_VENV = ".devenv/state/venv";

  private static final java.util.regex.Pattern PYTHON_PROGRAM = java.util.regex.Pattern.compile("python[0-9.]*");

  /** What the shell does, and whether that creates a venv. */
  public enum Kind {
    VENV_SHELL_HOOK(true),
    UV_SYNC(true),
    UV_VENV(true),
    PYTHON_VENV(true),
    VIRTUALENV(true),
    /** A poetry command that makes the project's venv when missing ({@code poetry install}). */
    POETRY(true),
    ACTIVATE(false),
    /**
     * An activation of a venv Nix builds ({@code source ${venv}/bin/activate} of uv2nix's {@code mkVirtualEnv}, a
     * {@code runCommand}) or of one behind an interpolation the model cannot resolve: no venv of the project's, which
     * nothing in the shell has to make.
     */
    ACTIVATE_BUILT(false);

    private final boolean creates;

    Kind(boolean creates) {
      this.creates = creates;
    }

    public boolean creates() {
      return creates;
    }
  }

  /** uv's options that take a value, so that the value is not read as the venv directory. */
  private static final Set<String> UV_VALUE_OPTIONS = Set.of("-p", "--python", "--prompt", "-i", "--index-url",
      "--extra-index-url", "--index", "--default-index", "-f", "--find-links", "--link-mode", "--cache-dir",
      "--directory", "--project", "--index-strategy", "--keyring-provider", "--exclude-newer", "--config-file",
      "--python-preference", "--color", "--relocatable-prompt");
  /** poetry's commands that make the project's venv when it is missing (poetry's {@code EnvManager.create_venv}). */
  private static final Set<String> POETRY_MAKERS = Set.of("install", "sync", "update", "add", "remove", "run",
      "shell");
  /** python -m venv's and virtualenv's options that take a value. */
  private static final Set<String> VENV_VALUE_OPTIONS = Set.of("--prompt", "-p", "--python", "--activators",
      "--creator", "--seeder", "--app-data", "--extra-search-dir", "--pip", "--setuptools", "--wheel");

  public boolean creates() {
    return kind.creates();
  }

  /**
   * Whether the shell's own {@code shellHook} replaces venvShellHook's and never runs it ({@code runHook
   * venvShellHook}): the hook then creates and activates nothing. False when the hook is not known whole.
   */
  public static boolean venvShellHookReplaced(DevShell shell) {
    Optional<ShellText> hook = shell.hook("shellHook");
    return hook.isPresent() && hook.get().complete() && hook.get().commands().stream()
        .noneMatch(command -> command.runs("runHook", "venvShellHook") || command.runs("venvShellHook"));
  }

  /** The strategies of a shell, in the order written: the venv hook first, then each hook's commands. */
  public static List<VenvStrategy> of(DevShell shell) {
    Map<String, String> variables = new HashMap<>();
    shell.env().forEach((name, text) -> {
      String literal = text.value().literal();
      if (literal != null) {
        variables.put(name, literal);
      }
    });
    List<VenvStrategy> found = new ArrayList<>();
    for (PackageRef ref : shell.packages().packages()) {
      if (ref.last().equals("venvShellHook")) {
        found.add(new VenvStrategy(Kind.VENV_SHELL_HOOK, directory(shell.env().get("venvDir"), variables),
            ref.location()));
        break;
      }
    }
    for (ShellText hook : shell.hooks()) {
      for (ShellCommand command : hook.commands()) {
        command.assignments().forEach(assignment -> {
          String value = resolve(assignment.value(), variables);
          if (value != null) {
            variables.put(assignment.name(), value);
          } else {
            variables.remove(assignment.name());
          }
        });
        kindOf(command).ifPresent(kind -> found.add(new VenvStrategy(kind, directoryOf(kind, command, variables),
            hook.location())));
      }
    }
    // venvShellHook reads venvDir when it runs, so a hook's own assignment counts too
    if (!found.isEmpty() && found.get(0).kind() == Kind.VENV_SHELL_HOOK && found.get(0).directory().isEmpty()
        && variables.containsKey("venvDir")) {
      found.set(0, new VenvStrategy(Kind.VENV_SHELL_HOOK, normalise(variables.get("venvDir")),
          found.get(0).location()));
    }
    return List.copyOf(found);
  }

  private static Optional<Kind> kindOf(ShellCommand command) {
    String program = command.programName();
    List<ShellWord> args = command.arguments();
    String first = args.isEmpty() ? null : args.get(0).literal();
    if (program.equals("uv") && ("sync".equals(first) || "run".equals(first))) {
      return Optional.of(Kind.UV_SYNC);
    }
    if (program.equals("uv") && "venv".equals(first)) {
      return Optional.of(Kind.UV_VENV);
    }
    if (PYTHON_PROGRAM.matcher(program).matches() && args.size() >= 2 && "-m".equals(first)) {
      String module = args.get(1).literal();
      return "venv".equals(module) ? Optional.of(Kind.PYTHON_VENV)
          : "virtualenv".equals(module) ? Optional.of(Kind.VIRTUALENV) : Optional.empty();
    }
    if (program.equals("virtualenv")) {
      return Optional.of(Kind.VIRTUALENV);
    }
    if (program.equals("poetry") && (POETRY_MAKERS.contains(first)
        || "env".equals(first) && args.size() > 1 && "use".equals(args.get(1).literal()))) {
      return Optional.of(Kind.POETRY);
    }
    List<ShellWord> invocation = command.invocation();
    String word = invocation.isEmpty() ? null : invocation.get(0).literal();
    if (("source".equals(word) || ".".equals(word)) && !args.isEmpty() && args.get(0).endsWith("bin/activate")) {
      return Optional.of(inTheStoreOrUnknown(args.get(0)) ? Kind.ACTIVATE_BUILT : Kind.ACTIVATE);
    }
    return Optional.empty();
  }

  /**
   * Whether a path starts with a store path ({@code ${venv}/bin/activate} of a venv Nix builds: it exists once the
   * shell is built, nothing in the shell makes it) or with an interpolation the model cannot resolve (it may be
   * either): such an activation is of no venv of the project's.
   */
  private static boolean inTheStoreOrUnknown(ShellWord path) {
    return !path.segments().isEmpty() && path.segments().get(0) instanceof ShellWord.Piece piece
        && (piece.piece() instanceof ShellPiece.PackagePath || piece.piece() instanceof ShellPiece.BuiltPath
            || piece.piece() instanceof ShellPiece.InputSource || piece.piece() instanceof ShellPiece.Unknown);
  }

  private static Optional<String> directoryOf(Kind kind, ShellCommand command, Map<String, String> variables) {
    List<ShellWord> args = command.arguments();
    switch (kind) {
      case UV_SYNC:
        return variables.containsKey("UV_PROJECT_ENVIRONMENT")
            ? normalise(variables.get("UV_PROJECT_ENVIRONMENT")) : Optional.of(".venv");
      case UV_VENV: {
        Optional<ShellWord> target = firstOperand(args.subList(1, args.size()), UV_VALUE_OPTIONS);
        if (target.isPresent()) {
          return normaliseWord(target.get(), variables);
        }
        return variables.containsKey("UV_PROJECT_ENVIRONMENT")
            ? normalise(variables.get("UV_PROJECT_ENVIRONMENT")) : Optional.of(".venv");
      }
      case PYTHON_VENV:
        return firstOperand(args.subList(2, args.size()), VENV_VALUE_OPTIONS)
            .flatMap(word -> normaliseWord(word, variables));
      case VIRTUALENV:
        return firstOperand(command.programName().equals("virtualenv") ? args : args.subList(2, args.size()),
            VENV_VALUE_OPTIONS).flatMap(word -> normaliseWord(word, variables));
      case POETRY:
        return inProject(variables.get("POETRY_VIRTUALENVS_IN_PROJECT"))
            && !"false".equals(variables.get("POETRY_VIRTUALENVS_CREATE")) ? Optional.of(".venv") : Optional.empty();
      case ACTIVATE: {
        String path = resolve(args.get(0), variables);
        if (path == null || !path.endsWith("/bin/activate")) {
          return Optional.empty();
        }
        return normalise(path.substring(0, path.length() - "/bin/activate".length()));
      }
      default:
        return Optional.empty();
    }
  }

  /** poetry's boolean settings as variables: {@code true} or {@code 1} (a Nix {@code true} becomes "1"). */
  private static boolean inProject(String value) {
    return "true".equalsIgnoreCase(value) || "1".equals(value);
  }

  /** The first argument that is no option nor an option's value. */
  private static Optional<ShellWord> firstOperand(List<ShellWord> args, Set<String> valueOptions) {
    for (int i = 0; i < args.size(); i++) {
      String literal = args.get(i).literal();
      if (literal != null && literal.startsWith("-")) {
        if (valueOptions.contains(literal)) {
          i++;
        }
        continue;
      }
      return Optional.of(args.get(i));
    }
    return Optional.empty();
  }

  private static Optional<String> directory(ShellText venvDir, Map<String, String> variables) {
    return venvDir == null ? Optional.empty() : normaliseWord(venvDir.value(), variables);
  }

  private static Optional<String> normaliseWord(ShellWord word, Map<String, String> variables) {
    String text = resolve(word, variables);
    return text == null ? Optional.empty() : normalise(text);
  }

  /** The word's text with the variables the shell sets filled in ({@code $PWD} as {@code .}); null if unknown. */
  private static String resolve(ShellWord word, Map<String, String> variables) {
    StringBuilder out = new StringBuilder();
    for (ShellWord.Segment segment : word.segments()) {
      if (segment instanceof ShellWord.Text text) {
        out.append(text.text().replace("$(pwd)", ".").replace("$(PWD)", "."));
      } else if (segment instanceof ShellWord.Variable variable && variable.name().equals("PWD")) {
        out.append('.');
      } else if (segment instanceof ShellWord.Variable variable && variables.containsKey(variable.name())) {
        out.append(variables.get(variable.name()));
      } else {
        return null;
      }
    }
    return out.toString();
  }

  /** {@code ./.venv/} → {@code .venv}; empty for a path outside the project or with a substitution left. */
  private static Optional<String> normalise(String path) {
    String result = path.strip();
    while (result.startsWith("./")) {
      result = result.substring(2);
    }
    while (result.endsWith("/") && result.length() > 1) {
      result = result.substring(0, result.length() - 1);
    }
    if (result.isEmpty() || result.equals(".") || result.startsWith("/") || result.startsWith("~")
        || result.startsWith("..") || result.contains("$")) {
      return Optional.empty();
    }
    return Optional.of(result);
  }
}
