package io.github.nixml.validate;

import io.github.nixml.nix.NixFile;
import io.github.nixml.toml.TomlDocument;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One project as the rules see it: a directory under the root that holds (or, for the root itself when no project
 * exists, should hold) a {@code flake.nix}, or a {@code devenv.nix} without one (devenv's own project). Files are read lazily, at most once per run, and shared; derived
 * objects such as the dev-shell model are {@link ProjectFacet}s, computed once per project on first use.
 */
public final class ProjectContext {

  public static final String FLAKE_NIX = "flake.nix";
  public static final String FLAKE_LOCK = "flake.lock";
  public static final String SHELL_NIX = "shell.nix";
  public static final String DEFAULT_NIX = "default.nix";

  /**
   * The files a project's dev shells are read from, in the order tried; the first present is the project's
   * {@link #devShellNix() dev-shell file}: flake.nix ({@code nix develop}), else devenv.nix ({@code devenv shell}),
   * else what {@code nix-shell} reads.
   */
  public static final java.util.List<String> DEV_SHELL_FILES = java.util.List.of(FLAKE_NIX, "devenv.nix", SHELL_NIX,
      DEFAULT_NIX);
  /**
   * Other files made for {@code nix-shell FILE} ({@code shell-cuda.nix}, {@code cuda-shell.nix},
   * {@code shell.cpu.nix}): the project's shell file where it has none of {@link #DEV_SHELL_FILES}, and read beside
   * shell.nix or default.nix too ({@code ProjectFacts.MODEL}).
   */
  private static final java.util.regex.Pattern NIX_SHELL_VARIANT =
      java.util.regex.Pattern.compile("(?:[\\w.-]+[-_.])?shell(?:[-_.][\\w.-]+)?\\.nix");

  /** A project's nix-shell files other than shell.nix and default.nix, by name, sorted. */
  public static final ProjectFacet<java.util.List<String>> NIX_SHELL_VARIANTS =
      context -> nixShellVariants(context.directoryPath());
  public static final String PYTHON_VERSION = ".python-version";
  public static final String PYPROJECT_TOML = "pyproject.toml";
  public static final String GITIGNORE = ".gitignore";
  public static final String ENVRC = ".envrc";
  public static final String UV_LOCK = "uv.lock";
  /** devenv's module, its settings and its lock (flake.lock's format), for a devenv project without a flake. */
  public static final String DEVENV_NIX = "devenv.nix";
  public static final String DEVENV_YAML = "devenv.yaml";
  public static final String DEVENV_LOCK = "devenv.lock";

  /** pyproject.toml parsed; empty when the file is missing or unreadable. */
  public static final ProjectFacet<Optional<TomlDocument>> PYPROJECT =
      context -> context.pyprojectSource().text().map(TomlDocument::parse);

  /** The Python project's uv.lock parsed; empty when the file is missing or unreadable. */
  public static final ProjectFacet<Optional<TomlDocument>> UV_LOCK_DOCUMENT =
      context -> context.uvLockSource().text().map(TomlDocument::parse);

  private final Path root;
  private final String directory;
  private final ValidationConfig config;
  private final SourceCache sources;
  private final ConcurrentHashMap<ProjectFacet<?>, Object> facets = new ConcurrentHashMap<>();

  ProjectContext(Path root, String directory, ValidationConfig config, SourceCache sources) {
    this.root = root;
    this.directory = directory;
    this.config = config;
    this.sources = sources;
  }

  /**
   * A project read on its own, outside a validation run (its files read afresh): what the reports use to show the
   * model of a project the run found.
   */
  public static ProjectContext open(Path root, String directory, ValidationConfig config) {
    return new ProjectContext(root, directory, config, new SourceCache(root, config.maxFileBytes(), java.util.Map.of()));
  }

  /** The validation root (real path). */
  public Path root() {
    return root;
  }

  /** This project's directory relative to the root, {@code /}-separated; {@code ""} for the root itself. */
  public String directory() {
    return directory;
  }

  /** This project's directory on disk. */
  public Path directoryPath() {
    return directory.isEmpty() ? root : root.resolve(directory);
  }

  public ValidationConfig config() {
    return config;
  }

  /** The root-relative path of {@code name} (a path relative to this project). */
  public String pathOf(String name) {
    return directory.isEmpty() ? name : directory + "/" + name;
  }

  /** Any file of this project, by its project-relative path; read once per run. */
  public SourceFile file(String name) {
    return sources.file(pathOf(name));
  }

  /** Any file under the root by its root-relative path (e.g. a monorepo's top-level .gitignore); read once per run. */
  public SourceFile rootFile(String rootRelativePath) {
    return sources.file(rootRelativePath);
  }

  /** Any Nix file of this project, parsed once per run (shared with the syntax check of all Nix files). */
  public NixSource nixFile(String name) {
    return sources.nix(pathOf(name));
  }

  public NixSource flakeNix() {
    return nixFile(FLAKE_NIX);
  }

  /**
   * The file the project's dev shells are read from: the first of {@link #DEV_SHELL_FILES} present, else flake.nix
   * (missing).
   */
  public NixSource devShellNix() {
    for (String name : DEV_SHELL_FILES) {
      NixSource source = nixFile(name);
      if (!source.source().isMissing()) {
        return source;
      }
    }
    java.util.List<String> variants = get(NIX_SHELL_VARIANTS);
    return variants.isEmpty() ? flakeNix() : nixFile(variants.get(0));
  }

  /**
   * Whether the project's dev shells come from a file {@code nix-shell} reads (shell.nix, default.nix, or another
   * {@code *shell*.nix} made for {@code nix-shell FILE}), not a flake.
   */
  public boolean nixShellProject() {
    String path = devShellNix().path();
    return isNixShellFile(path.substring(path.lastIndexOf('/') + 1));
  }

  /** Whether a file of this name is read by {@code nix-shell}: shell.nix, default.nix, or a named variant. */
  public static boolean isNixShellFile(String name) {
    return name.equals(SHELL_NIX) || name.equals(DEFAULT_NIX) || NIX_SHELL_VARIANT.matcher(name).matches();
  }

  /** The nix-shell variants among a folder's files ({@code shell-cuda.nix}), sorted; none when it cannot be read. */
  public static java.util.List<String> nixShellVariants(Path folder) {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
      return files.filter(java.nio.file.Files::isRegularFile).map(file -> file.getFileName().toString())
          .filter(name -> !name.equals(SHELL_NIX) && NIX_SHELL_VARIANT.matcher(name).matches()).sorted().toList();
    } catch (java.io.IOException | RuntimeException e) {
      return java.util.List.of();
    }
  }

  /** The parsed flake.nix, or empty when it is missing or unreadable. */
  public Optional<NixFile> flake() {
    return flakeNix().nixFile();
  }

  /**
   * Whether this is a devenv project without a flake: {@code devenv.nix} (with or without {@code devenv.yaml}) and
   * no {@code flake.nix}. Its dev shell is devenv.nix's module, read by the same evaluator.
   */
  public boolean devenvWithoutFlake() {
    return flakeNix().source().isMissing() && nixFile(DEVENV_NIX).source().isPresent();
  }


  public SourceFile flakeLock() {
    return file(FLAKE_LOCK);
  }

  public SourceFile pythonVersionSource() {
    return pythonFile(PYTHON_VERSION);
  }

  public SourceFile pyprojectSource() {
    return pythonFile(PYPROJECT_TOML);
  }

  /**
   * The directory holding the Python project ({@code pyproject.toml}, {@code .python-version}, {@code uv.lock}),
   * its {@code .envrc} and its venv, root-relative: this project's own directory, unless the flake sits in a
   * subfolder that an ancestor's {@code .envrc} enters with {@code use flake <subfolder>} (a flake kept in
   * {@code .nix/}); then that ancestor's, where direnv runs the shell.
   */
  public String pythonDirectory() {
    return get(PYTHON_DIRECTORY);
  }

  /** A file of the Python project by its path relative to {@link #pythonDirectory()}; read once per run. */
  public SourceFile pythonFile(String name) {
    return sources.file(pythonPathOf(name));
  }

  /** The root-relative path of a file of the Python project. */
  public String pythonPathOf(String name) {
    String python = pythonDirectory();
    return python.isEmpty() ? name : python + "/" + name;
  }

  private static final ProjectFacet<String> PYTHON_DIRECTORY = ProjectContext::enteringDirectory;

  /** The nearest ancestor whose .envrc runs {@code use flake} on this project's directory, else this directory. */
  private static String enteringDirectory(ProjectContext context) {
    String directory = context.directory;
    for (int slash = directory.lastIndexOf('/'); !directory.isEmpty(); slash = directory.lastIndexOf('/', slash - 1)) {
      String ancestor = slash < 0 ? "" : directory.substring(0, slash);
      String relative = directory.substring(slash + 1);
      SourceFile envrc = context.sources.file(ancestor.isEmpty() ? ENVRC : ancestor + "/" + ENVRC);
      if (Envrc.flakesUsed(envrc).contains(relative)) {
        return ancestor;
      }
      if (slash < 0) {
        break;
      }
    }
    return directory;
  }

  /** pyproject.toml parsed once (its table only when it is valid); empty when missing or unreadable. */
  public Optional<TomlDocument> pyproject() {
    return get(PYPROJECT);
  }

  public SourceFile uvLockSource() {
    return pythonFile(UV_LOCK);
  }

  /** uv.lock parsed once (its table only when it is valid); empty when missing or unreadable. */
  public Optional<TomlDocument> uvLock() {
    return get(UV_LOCK_DOCUMENT);
  }

  /** The .gitignore of the Python project's directory, where the venv is made. */
  public SourceFile gitignore() {
    return pythonFile(GITIGNORE);
  }

  public SourceFile envrc() {
    return pythonFile(ENVRC);
  }

  /**
   * The value of {@code facet} for this project, computed on first use and shared afterwards. Computation happens
   * outside any lock, so a facet may ask for other facets; if two threads race, one result wins for both.
   */
  @SuppressWarnings("unchecked")
  public <T> T get(ProjectFacet<T> facet) {
    Object value = facets.get(facet);
    if (value == null) {
      T computed = facet.compute(this);
      value = facets.putIfAbsent(facet, computed == null ? NULL : computed);
      if (value == null) {
        value = computed == null ? NULL : computed;
      }
    }
    return value == NULL ? null : (T) value;
  }

  private static final Object NULL = new Object();

  @Override
  public String toString() {
    return "project " + (directory.isEmpty() ? "." : directory);
  }
}
