package io.github.nixml.validate;

import io.github.nixml.model.NixSources;
import io.github.nixml.toml.TomlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One-time costs of a run started on a background thread as early as possible, so that they overlap the rules'
 * registration and the reading of the first project instead of following them: the parse of nixml's own Nix
 * sources and the loading of the evaluator (its builtins, the classes its {@code lib} needs), and the TOML
 * library's initialisation (its ANTLR tables: about a fifth of a one-project run with the launcher). Nothing is
 * computed that the run would not compute anyway; each part starts once per JVM (a multi-module build runs the
 * goal once per module), and the run's own first use waits for what is under way (class initialisation and
 * {@code NixLibrary}'s parse happen once). The TOML library is only touched when a project has a TOML file.
 */
public final class WarmUp {
  /** How many projects are looked at for a TOML file: enough for a monorepo's first ones, cheap for any. */
  private static final int PROJECTS_LOOKED_AT = 8;

  private static final AtomicBoolean NIX_STARTED = new AtomicBoolean();
  private static final AtomicBoolean TOML_STARTED = new AtomicBoolean();

  private WarmUp() {}

  /** At the start of a run on {@code directory}, before anything else: the Nix part, and TOML if it has a file. */
  public static void start(Path directory) {
    begin(hasTomlFile(directory));
  }

  /** Once the projects under {@code root} are known: TOML if one of the first has a TOML file. */
  static void start(Path root, List<String> projects) {
    begin(!TOML_STARTED.get() && projects.stream().limit(PROJECTS_LOOKED_AT)
        .anyMatch(project -> hasTomlFile(root.resolve(project))));
  }

  private static boolean hasTomlFile(Path directory) {
    return Files.exists(directory.resolve(ProjectContext.PYPROJECT_TOML))
        || Files.exists(directory.resolve(ProjectContext.UV_LOCK));
  }

  private static void begin(boolean wantsToml) {
    boolean nix = NIX_STARTED.compareAndSet(false, true);
    boolean toml = wantsToml && TOML_STARTED.compareAndSet(false, true);
    if (!nix && !toml) {
      return;
    }
    Thread thread = new Thread(() -> {
      try {
        if (toml) {
          TomlDocument.parse("[project]\nname = \"warm-up\"\n");
        }
        if (nix) {
          NixSources.prepare();
        }
      } catch (RuntimeException | LinkageError e) {
        // the run's own use reports what is wrong; a warm-up has nothing to say
      }
    }, "nixml-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}
