package io.github.nixml.validate.rules.venv;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.VenvStrategy;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.facts.FlakeShells;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code venv-not-ignored}: git would not ignore a virtual environment directory the project really makes: the
 * directory of a venv strategy of its shells ({@code venvShellHook}'s {@code venvDir}, {@code uv sync} into
 * {@code UV_PROJECT_ENVIRONMENT} or {@code .venv}, {@code uv venv DIR}, {@code python -m venv DIR},
 * {@code virtualenv DIR}, {@code source DIR/bin/activate}, the same in an FHS profile), a venv already on disk, and
 * {@code .venv} when the project declares the full nixml contract (a configured layout).
 * Every {@code .gitignore} from the top of the git work tree (or the validation root) down to the project counts,
 * with git's rules: last match wins, deeper files override, {@code !} re-includes, and nothing inside an ignored
 * directory can be re-included. Why: the venv holds thousands of files and symlinks into {@code /nix/store}; one
 * {@code git add .} commits them, bloats the repository and breaks every other checkout.
 */
public final class VenvNotIgnoredRule extends BaseProjectRule {

  public VenvNotIgnoredRule() {
    super(RuleDescriptor.of("venv-not-ignored", Severity.WARNING,
        ".gitignore does not ignore the venv directory."));
  }

  /** The venv directory created by the templates' venvShellHook and by uv. */
  static final String VENV_DIRECTORY = ".venv";

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    SourceFile own = context.gitignore();
    if (sink.reportUnreadable(own)) {
      return;
    }
    Path root = context.root();
    Path top = gitTop(root);
    List<GitignorePattern> patterns = new ArrayList<>();
    String rootFromTop = relative(top, root);
    // .gitignore files above the validation root, down to the work-tree top: matched, never reported
    List<Path> above = new ArrayList<>();
    for (Path dir = root.getParent(); dir != null && dir.startsWith(top); dir = dir.getParent()) {
      above.add(0, dir);
    }
    for (Path dir : above) {
      SourceFile file = SourceFile.read(dir.resolve(".gitignore"), dir.resolve(".gitignore").toString(),
          context.config().maxFileBytes());
      patterns.addAll(GitignorePattern.parse(file, relative(top, dir), false));
    }
    // .gitignore files from the validation root down to the project
    String directory = context.pythonDirectory();
    List<String> dirs = new ArrayList<>();
    dirs.add("");
    if (!directory.isEmpty()) {
      String[] parts = directory.split("/");
      StringBuilder prefix = new StringBuilder();
      for (String part : parts) {
        prefix.append(prefix.length() == 0 ? "" : "/").append(part);
        dirs.add(prefix.toString());
      }
    }
    for (String dir : dirs) {
      SourceFile file = context.rootFile(join(dir, ".gitignore"));
      patterns.addAll(GitignorePattern.parse(file, join(rootFromTop, dir), true));
    }

    for (String venvDirectory : venvDirectories(context)) {
      String venv = join(rootFromTop, join(directory, venvDirectory));
      Verdict verdict = decide(patterns, venv, true);
      // `.venv/*` leaves the directory itself visible but ignores what a venv holds: that is enough.
      if (verdict.ignored() || (decide(patterns, venv + "/pyvenv.cfg", false).ignored()
          && decide(patterns, venv + "/bin", true).ignored() && decide(patterns, venv + "/lib", true).ignored())) {
        continue;
      }
      String path = context.pythonPathOf(venvDirectory);
      if (verdict.reincludedBy() != null && verdict.reincludedBy().location() != null) {
        sink.report(verdict.reincludedBy().location(), "'" + verdict.reincludedBy().text()
            + "' re-includes the venv " + path + "/, so `git add .` would commit it; remove the negation");
      } else if (own.isMissing()) {
        sink.report(own.location(), "No .gitignore ignores the venv " + path
            + "/: `git add .` would commit thousands of files; add a .gitignore with the line " + venvDirectory
            + "/", List.of(), GitignoreEntry.append(own, venvDirectory + "/"));
      } else {
        sink.report(own.location(), own.path() + " does not ignore the venv " + path
            + "/: `git add .` would commit thousands of files; add the line " + venvDirectory + "/", List.of(),
            GitignoreEntry.append(own, venvDirectory + "/"));
      }
    }
  }

  /**
   * The venv directories the project really makes, relative to its Python directory: those of the shells' venv
   * strategies, a venv already on disk ({@code .venv/pyvenv.cfg}), and {@code .venv} for a project that declares
   * the full nixml contract (a configured layout).
   */
  private static List<String> venvDirectories(ProjectContext context) {
    Set<String> found = new LinkedHashSet<>();
    FlakeShells shells = FlakeShells.of(context);
    if (shells.strict()) {
      found.add(VENV_DIRECTORY);
    }
    // a directory counts unless every maker of it writes the venv's own .gitignore (entering it says nothing)
    Map<String, Boolean> selfIgnored = new LinkedHashMap<>();
    for (DevShell shell : shells.shells()) {
      List<VenvStrategy> strategies = VenvStrategy.of(shell);
      // `poetry install` into a folder the model cannot tell (poetry.toml's in-project), then `source
      // .venv/bin/activate`: the venv activated may be that maker's, which ignores itself
      boolean selfIgnoringMakerElsewhere = strategies.stream().anyMatch(strategy -> strategy.creates()
          && strategy.directory().isEmpty() && ignoresItself(strategy, shell, shells).orElse(false));
      for (VenvStrategy strategy : strategies) {
        if (strategy.kind() == VenvStrategy.Kind.VENV_SHELL_HOOK && VenvStrategy.venvShellHookReplaced(shell)) {
          continue; // a venvShellHook that never runs makes nothing
        }
        strategy.directory().ifPresent(dir -> {
          if (strategy.creates()) {
            // a maker the model cannot tell about (venv of an interpreter of unknown version) is no evidence
            selfIgnored.merge(dir, ignoresItself(strategy, shell, shells).orElse(true), (a, b) -> a && b);
          } else if (!selfIgnoringMakerElsewhere) {
            selfIgnored.putIfAbsent(dir, null);
          }
        });
      }
    }
    selfIgnored.forEach((dir, ignores) -> {
      if (!Boolean.TRUE.equals(ignores)) {
        found.add(dir);
      }
    });
    if (context.pythonFile(VENV_DIRECTORY + "/pyvenv.cfg").isPresent()
        && !ignoresEverything(context.pythonFile(VENV_DIRECTORY + "/.gitignore"))) {
      found.add(VENV_DIRECTORY);
    }
    return List.copyOf(found);
  }

  /**
   * Whether the venv's maker writes a {@code .gitignore} of {@code *} into it: uv ({@code uv sync}, {@code uv venv})
   * does, virtualenv does from 20.0.21 (2020; every nixpkgs release since 20.09 has a later one), and so does poetry
   * (it makes its venvs with virtualenv, 20 or later since poetry 1.1), and so does
   * {@code python -m venv} from Python 3.13 on (venvShellHook runs it with the shell's interpreter): empty when the
   * interpreter's version is not known. Entering a venv ({@code source .venv/bin/activate}) says nothing about who
   * made it.
   */
  private static Optional<Boolean> ignoresItself(VenvStrategy strategy, DevShell shell, FlakeShells shells) {
    return switch (strategy.kind()) {
      case UV_SYNC, UV_VENV, VIRTUALENV, POETRY -> Optional.of(true);
      case VENV_SHELL_HOOK, PYTHON_VENV -> {
        List<io.github.nixml.model.PythonInterpreter> interpreters = shells.interpreters(shell);
        yield interpreters.isEmpty() ? Optional.empty()
            : Optional.of(interpreters.stream().allMatch(interpreter -> atLeast313(interpreter.version())));
      }
      default -> Optional.of(false);
    };
  }

  /** {@code 3.13}, {@code 3.14}, {@code 4.0}: a Python whose venv module writes the venv's {@code .gitignore}. */
  private static boolean atLeast313(String version) {
    String[] parts = version.split("\\.");
    try {
      int major = Integer.parseInt(parts[0]);
      return major > 3 || major == 3 && parts.length > 1 && Integer.parseInt(parts[1]) >= 13;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A {@code .gitignore} whose lines ignore everything beside it ({@code *}), as uv and venv write it. */
  private static boolean ignoresEverything(SourceFile gitignore) {
    return gitignore.text().map(text -> text.lines().map(String::strip).anyMatch(line -> line.equals("*")))
        .orElse(false);
  }

  /** Whether git ignores directory {@code path}, and which negation re-included it if one did. */
  record Verdict(boolean ignored, GitignorePattern reincludedBy) {}

  static Verdict decide(List<GitignorePattern> patterns, String path, boolean isDirectory) {
    String[] parts = path.split("/");
    StringBuilder prefix = new StringBuilder();
    GitignorePattern last = null;
    for (int i = 0; i < parts.length; i++) {
      prefix.append(prefix.length() == 0 ? "" : "/").append(parts[i]);
      String current = prefix.toString();
      boolean directory = i < parts.length - 1 || isDirectory;
      last = null;
      for (GitignorePattern pattern : patterns) {
        if (pattern.matches(current, directory)) {
          last = pattern;
        }
      }
      if (last != null && !last.negated()) {
        return new Verdict(true, null); // an ignored directory: nothing below can be re-included
      }
    }
    return new Verdict(false, last);
  }

  /** The top of the git work tree holding {@code root}, or {@code root} itself outside git. */
  private static Path gitTop(Path root) {
    for (Path dir = root; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return dir;
      }
    }
    return root;
  }

  private static String relative(Path top, Path dir) {
    return top.relativize(dir).toString().replace('\\', '/');
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
  }
}
