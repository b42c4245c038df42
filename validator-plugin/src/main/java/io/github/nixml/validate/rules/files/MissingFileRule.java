package io.github.nixml.validate.rules.files;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellWord;
import io.github.nixml.model.VenvStrategy;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.facts.FlakeShells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code missing-file}: a project lacks {@code flake.nix}, or lacks {@code .python-version} or
 * {@code pyproject.toml} while the project shows it needs them. Why: without the flake there is no dev shell;
 * without {@code .python-version} a uv in the shell with nothing else pinning its interpreter picks whatever
 * interpreter it finds (or downloads one) instead of the shell's; without {@code pyproject.toml} the shell's
 * {@code uv sync} (or {@code pip install -e .}) has nothing to install. A project that declares the full nixml
 * contract (a configured layout) needs all three files. Without it (layout auto) a missing flake.nix fires only when
 * something points at a flake ({@code .envrc} runs {@code use flake}, or a {@code flake.lock} is there): a devenv
 * project without a flake needs none; a missing {@code .python-version} fires only when something expects it
 * (a shell hook or {@code .envrc} reads it) and the shell's uv has no other pin. (A project is a directory with a
 * flake.nix; when the root holds no flake at all, the root is checked.)
 */
public final class MissingFileRule extends BaseProjectRule {

  public MissingFileRule() {
    super(RuleDescriptor.of("missing-file", Severity.ERROR,
        "flake.nix is missing, or .python-version or pyproject.toml that the project needs."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    if (context.config().strict()) {
      report(context.flakeNix().source(), "has no flake.nix: there is no dev shell for `nix develop` or `use flake`",
          sink);
    } else {
      flakeExpectedBy(context).ifPresent(evidence -> report(context.flakeNix().source(),
          "has no flake.nix but " + evidence + ": there is no dev shell for `nix develop` or `use flake`", sink));
    }
    FlakeShells shells = FlakeShells.of(context);
    if (context.pythonVersionSource().isMissing()) {
      if (shells.strict()) {
        report(context.pythonVersionSource(),
            "has no .python-version: uv will choose an interpreter on its own instead of the dev shell's", sink);
      } else if (expectsPythonVersion(context, shells) && !shellForCodeElsewhere(context)) {
        unpinnedUv(shells).ifPresent(shell -> report(context.pythonVersionSource(),
            "has no .python-version while the dev shell (" + shells.where(shell.location()) + ") brings uv with "
                + "nothing else pinning its interpreter: uv will choose one on its own (or download one) instead of "
                + "the shell's; write the shell's version with `uv python pin 3.XY`", sink));
      }
    }
    if (context.pyprojectSource().isMissing()) {
      if (shells.strict()) {
        report(context.pyprojectSource(), "has no pyproject.toml: `uv sync` has no project to install", sink);
      } else if (!shellForCodeElsewhere(context)) {
        Optional<String> installing = installingCommand(shells);
        installing.ifPresent(command -> report(context.pyprojectSource(),
            "has no pyproject.toml but the dev shell runs `" + command + "`, which has no project to install",
            sink));
        // a lock that flake.nix reads as data (uv2nix with the pyproject of an input), where no shell brings uv,
        // is no project uv is run on
        if (installing.isEmpty() && context.pythonFile("uv.lock").isPresent() && shells.shells().stream()
            .anyMatch(shell -> shell.packages().anyMatch(ref -> ref.last().equals("uv"))
                || shell.packages().pythonModules().stream().anyMatch(ref -> ref.last().equals("uv")))) {
          report(context.pyprojectSource(), "has no pyproject.toml but has a uv.lock: uv refuses a lock without its"
              + " project; restore pyproject.toml or remove uv.lock", sink);
        }
      }
    }
  }

  /**
   * A flake in a subfolder whose folder holds nothing of Python ({@code nix-scripts/flake.nix} beside
   * {@code project/pyproject.toml}): its shell is entered from the code's folder ({@code nix develop ../nix-scripts}),
   * so what its hook finds there is not known.
   */
  private static boolean shellForCodeElsewhere(ProjectContext context) {
    if (context.pythonDirectory().isEmpty()) {
      return false;
    }
    try (Stream<Path> files = Files.list(context.root().resolve(context.pythonDirectory()))) {
      return files.noneMatch(file -> isPythonFile(file.getFileName().toString()));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static boolean isPythonFile(String name) {
    return name.endsWith(".py") || PYTHON_FILES.contains(name)
        || name.startsWith("requirements") && name.endsWith(".txt");
  }

  private static final Set<String> PYTHON_FILES = Set.of(ProjectContext.PYPROJECT_TOML, ProjectContext.PYTHON_VERSION,
      "uv.lock", "poetry.lock", "Pipfile", "Pipfile.lock", "setup.py", "setup.cfg", "src");

  /** What in the project points at a flake: {@code use flake} in .envrc, or a flake.lock. */
  private static Optional<String> flakeExpectedBy(ProjectContext context) {
    SourceFile envrc = context.envrc();
    // `use flake github:team/dev-envs#python` or `use flake ./nix` enters a flake elsewhere: none expected here
    if (envrc.isPresent() && io.github.nixml.validate.Envrc.flakesUsed(envrc).contains("")) {
      for (int line = 1; line <= envrc.lineCount(); line++) {
        if (EnvrcNoFlakeRule.usesFlake(envrc.line(line))) {
          return Optional.of(envrc.path() + ":" + line + " runs `use flake`");
        }
      }
    }
    return context.flakeLock().isPresent() ? Optional.of("it has a flake.lock") : Optional.empty();
  }

  /** Whether a shell hook or .envrc reads .python-version: the project expects the pin to be there. */
  private static boolean expectsPythonVersion(ProjectContext context, FlakeShells shells) {
    String name = ProjectContext.PYTHON_VERSION;
    boolean hooks = shells.shells().stream().flatMap(shell -> shell.hookCommands().stream())
        .anyMatch(command -> command.words().stream().anyMatch(word -> word.containsText(name)));
    if (hooks) {
      return true;
    }
    SourceFile envrc = context.envrc();
    if (envrc.isPresent()) {
      for (int line = 1; line <= envrc.lineCount(); line++) {
        String text = envrc.line(line).strip();
        if (!text.startsWith("#") && text.contains(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A shell that brings uv while nothing else decides uv's interpreter. */
  private static Optional<DevShell> unpinnedUv(FlakeShells shells) {
    for (DevShell shell : shells.shells()) {
      if (!shell.packages().anyMatch(p -> p.last().equals("uv")) || !shell.attributesComplete()
          || !shell.hooksComplete()) {
        continue;
      }
      boolean pinned = shell.env().containsKey("UV_PYTHON")
          || shell.hookAssignments().stream().anyMatch(a -> a.name().equals("UV_PYTHON"))
          || shell.hookCommands().stream().anyMatch(MissingFileRule::choosesPython)
          // a venv made from the shell's interpreter is the one uv then uses
          || VenvStrategy.of(shell).stream().anyMatch(s -> s.kind() == VenvStrategy.Kind.VENV_SHELL_HOOK
              || s.kind() == VenvStrategy.Kind.PYTHON_VENV || s.kind() == VenvStrategy.Kind.VIRTUALENV);
      if (!pinned) {
        return Optional.of(shell);
      }
    }
    return Optional.empty();
  }

  /** {@code uv … --python X} / {@code -p X}. */
  private static boolean choosesPython(ShellCommand command) {
    return command.programName().equals("uv") && command.arguments().stream().map(ShellWord::literal)
        .anyMatch(word -> word != null && (word.equals("--python") || word.equals("-p")
            || word.startsWith("--python=")));
  }

  /** The first hook command that installs the project itself: {@code uv sync}, {@code pip install -e .}… */
  private static Optional<String> installingCommand(FlakeShells shells) {
    for (DevShell shell : shells.shells()) {
      for (ShellCommand command : shell.hookCommands()) {
        List<String> words = command.arguments().stream().map(ShellWord::literal).toList();
        String program = command.programName();
        boolean installs = (program.equals("uv") && !words.isEmpty()
                && words.get(0) != null && List.of("sync", "run", "lock", "add").contains(words.get(0)))
            || (program.matches("pip3?") || (program.equals("uv") && words.size() > 1 && "pip".equals(words.get(0))))
                && installsTheProject(words)
            || (program.equals("poetry") && words.contains("install"));
        if (installs) {
          return Optional.of(String.join(" ", command.invocation().stream()
              .map(w -> w.literal() == null ? "…" : w.literal()).toList()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * pip's options that take a value ({@code pip install einops --target .} installs einops into the folder, not the
   * project): what follows them is no requirement.
   */
  private static final java.util.Set<String> PIP_VALUE_OPTIONS = java.util.Set.of("-t", "--target", "-r",
      "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url", "-f", "--find-links",
      "--prefix", "--root", "--src", "--python", "--python-version", "--platform", "--implementation", "--abi",
      "--upgrade-strategy", "--progress-bar", "--no-binary", "--only-binary", "-C", "--config-settings",
      "--global-option", "--log", "--proxy", "--retries", "--timeout", "--cache-dir", "--trusted-host", "--report",
      "--group", "--extra", "--override", "--exclude-newer", "--index", "--default-index", "--index-strategy",
      "--keyring-provider", "--resolution", "--prerelease", "--reinstall-package", "--refresh-package",
      "--link-mode", "--target-platform");

  /**
   * {@code pip install [-e] .} ({@code .[dev]}, {@code ./}): a requirement, or an editable's path, that is the
   * project's own folder; words the model cannot read are none.
   */
  private static boolean installsTheProject(List<String> words) {
    int install = words.indexOf("install");
    if (install < 0) {
      return false;
    }
    for (int i = install + 1; i < words.size(); i++) {
      String word = words.get(i);
      if (word == null) {
        continue;
      }
      String requirement = word;
      if (word.equals("-e") || word.equals("--editable")) {
        requirement = i + 1 < words.size() ? words.get(++i) : null;
      } else if (word.startsWith("--editable=")) {
        requirement = word.substring("--editable=".length());
      } else if (PIP_VALUE_OPTIONS.contains(word)) {
        i++;
        continue;
      } else if (word.startsWith("-")) {
        continue;
      }
      if (requirement != null && (requirement.equals(".") || requirement.equals("./")
          || requirement.startsWith(".[") || requirement.startsWith("./["))) {
        return true;
      }
    }
    return false;
  }

  private static void report(SourceFile file, String what, FindingSink sink) {
    if (file.isMissing()) {
      String path = file.path();
      int slash = path.lastIndexOf('/');
      String project = slash < 0 ? "the project" : "project " + path.substring(0, slash);
      sink.report(file.location(), capitalize(project) + " " + what);
    }
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
