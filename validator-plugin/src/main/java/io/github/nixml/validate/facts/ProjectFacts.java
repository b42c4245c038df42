package io.github.nixml.validate.facts;

import io.github.nixml.lock.FlakeLock;
import io.github.nixml.lock.FlakeLockReader;
import io.github.nixml.lock.FlakeLockResult;
import io.github.nixml.lock.JsonPosition;
import io.github.nixml.model.FlakeDirectory;
import io.github.nixml.model.FlakeModel;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.eval.Term;
import io.github.nixml.nix.eval.TreeLowering;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.NixSource;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.ProjectFacet;
import io.github.nixml.validate.python.PythonVersionFile;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The one home of what rules share per project, each computed once on first use: flake.nix lowered, its dev-shell
 * model, the inputs it declares, flake.lock, the nixpkgs inputs and .python-version. A rule asks
 * {@code context.get(FACT)}.
 */
public final class ProjectFacts {
  private ProjectFacts() {}

  /** flake.nix lowered to the model's expression form; empty when flake.nix is missing or has errors. */
  public static final ProjectFacet<Optional<Term>> FLAKE_EXPRESSION =
      context -> context.flake().flatMap(TreeLowering::lower);

  /**
   * The model of the project's dev-shell file ({@link ProjectContext#devShellNix()}: flake.nix, else devenv.nix
   * with its devenv.yaml, else shell.nix or default.nix), or {@link FlakeModel#UNREADABLE} when it is missing,
   * unreadable or rejected by Nix.
   */
  public static final ProjectFacet<FlakeModel> MODEL = ProjectFacts::model;

  /** flake.lock read and checked; empty when it is missing or unreadable. */
  public static final ProjectFacet<Optional<FlakeLockResult>> LOCK_FILE =
      context -> context.flakeLock().text().map(FlakeLockReader::read);

  /** The inputs flake.nix declares, read from its literal values. */
  public static final ProjectFacet<DeclaredInputs> DECLARED_INPUTS = DeclaredInputsReader::read;

  /**
   * The names the {@code outputs} function takes ({@code { self, nixpkgs, ... }}), each where it is written: an
   * input Nix fetches even when {@code inputs} does not declare it; empty when unknown.
   */
  public static final ProjectFacet<Map<String, Location>> OUTPUTS_FORMALS = DeclaredInputsReader::outputsFormals;

  /** The project's {@code .python-version}, parsed as uv reads it (no entries when missing or unreadable). */
  public static final ProjectFacet<PythonVersionFile> PYTHON_VERSION =
      context -> PythonVersionFile.parse(context.pythonVersionSource());

  /**
   * What uv.lock says lands in the venv: packages, wheels and their platform tags ({@link LockedWheels#NONE} when
   * uv.lock is missing or not valid TOML).
   */
  public static final ProjectFacet<LockedWheels> LOCKED_WHEELS =
      context -> LockedWheels.read(context.uvLockSource(), context.uvLock());

  /**
   * The distributions the project installs into its venv on Linux, from uv.lock, pylock.toml, requirements*.txt
   * and pyproject.toml, each with the strength of its evidence ({@link InstalledDistributions}).
   */
  public static final ProjectFacet<InstalledDistributions> DISTRIBUTIONS = InstalledDistributions::read;

  /** Every nixpkgs input of the project, from the lock when it is well-formed, else from flake.nix. */
  public static final ProjectFacet<List<NixpkgsInput>> NIXPKGS_INPUTS = NixpkgsInput::of;

  /**
   * The nixpkgs inputs of a devenv project without a flake, from devenv.yaml and devenv.lock (empty for other
   * projects): what the facts per release need; the lock rules read {@link #NIXPKGS_INPUTS}, flake.lock's.
   */
  public static final ProjectFacet<List<NixpkgsInput>> DEVENV_NIXPKGS_INPUTS =
      context -> devenvShell(context) ? NixpkgsInput.ofDevenv(context) : List.of();

  /** The model of flake.nix alone, whatever else the project holds. */
  private static final ProjectFacet<FlakeModel> FLAKE_MODEL = context -> context.flake()
      .map(parsed -> FlakeModel.of(parsed, context.get(FLAKE_EXPRESSION), directoryOf(context)))
      .orElse(FlakeModel.UNREADABLE);

  /**
   * Whether the project's dev shell is devenv.nix's, which {@code devenv shell} enters: devenv.nix with no flake, or
   * beside a flake that defines no dev shell the model finds (a flake that packages the project, while devenv makes
   * its shell; nix develop would enter the package's build environment) and that `.envrc` does not enter with
   * {@code use flake}; a flake with shells, or one the model cannot fully read, keeps {@code nix develop}'s.
   */
  public static boolean devenvShell(ProjectContext context) {
    if (context.devenvWithoutFlake()) {
      return true;
    }
    if (context.nixFile(ProjectContext.DEVENV_NIX).source().isMissing() || context.flake().isEmpty()
        || io.github.nixml.validate.Envrc.flakesUsed(context.file(ProjectContext.ENVRC)).contains("")) {
      return false; // `.envrc` entering the flake (`use flake`) says which shell the project uses
    }
    FlakeModel flake = context.get(FLAKE_MODEL);
    return flake.readable() && flake.shellsComplete() && flake.shells().isEmpty();
  }

  private static FlakeDirectory directoryOf(ProjectContext context) {
    return new FlakeDirectory(context.directoryPath(), name -> context.file(name).text());
  }

  private static FlakeModel model(ProjectContext context) {
    FlakeDirectory directory = directoryOf(context);
    if (devenvShell(context)) {
      return FlakeModel.ofDevenv(DevenvYaml.read(context.file(ProjectContext.DEVENV_YAML).text()), directory,
          ProjectContext.DEVENV_NIX);
    }
    if (context.nixShellProject()) {
      NixSource shellFile = context.devShellNix();
      String main = shellFile.path().substring(shellFile.path().lastIndexOf('/') + 1);
      FlakeModel model = shellFile.nixFile().map(file -> FlakeModel.ofShellFile(file, TreeLowering.lower(file),
          directory, main)).orElse(FlakeModel.UNREADABLE);
      return withOtherShellFiles(model, main, context, directory);
    }
    return context.get(FLAKE_MODEL);
  }

  /**
   * The shells of the project's other files made for {@code nix-shell FILE} ({@code cuda-shell.nix} beside
   * {@code shell.nix}), each read as {@code import ./FILE} is, so that its positions and fixes are in that file; one
   * that another of them imports is part of that one's shell, not a shell of its own.
   */
  private static FlakeModel withOtherShellFiles(FlakeModel model, String main, ProjectContext context,
      FlakeDirectory directory) {
    List<String> others = context.get(ProjectContext.NIX_SHELL_VARIANTS).stream()
        .filter(name -> !name.equals(main)).toList();
    if (others.isEmpty() || !model.readable()) {
      return model;
    }
    Map<String, FlakeModel> read = new java.util.LinkedHashMap<>();
    java.util.Set<String> imported = new java.util.HashSet<>(filesOf(model));
    for (String other : others) {
      NixFile importer = io.github.nixml.nix.NixFrontEnd.analyze("import ./" + other);
      FlakeModel one = FlakeModel.ofShellFile(importer, TreeLowering.lower(importer), directory, other);
      read.put(other, one);
      filesOf(one).stream().filter(file -> !file.equals(other)).forEach(imported::add);
    }
    List<io.github.nixml.model.DevShell> shells = new java.util.ArrayList<>(model.shells());
    Map<String, String> problems = new java.util.LinkedHashMap<>(model.importProblems());
    boolean complete = model.shellsComplete();
    for (Map.Entry<String, FlakeModel> entry : read.entrySet()) {
      if (imported.contains(entry.getKey())) {
        continue; // another file imports it (`import ./python-shell.nix { … }`): part of that shell
      }
      FlakeModel one = entry.getValue();
      shells.addAll(one.shells());
      problems.putAll(one.importProblems());
      complete &= one.readable() && one.shellsComplete();
    }
    return new FlakeModel(true, shells, complete, model.misplaced(), problems);
  }

  /** The files a model's shells are written in: where each is defined and each package named. */
  private static java.util.Set<String> filesOf(FlakeModel model) {
    java.util.Set<String> files = new java.util.HashSet<>();
    for (io.github.nixml.model.DevShell shell : model.shells()) {
      if (shell.location() != null && shell.location().file() != null) {
        files.add(shell.location().file());
      }
      shell.packages().packages().stream().filter(ref -> ref.location() != null && ref.location().file() != null)
          .forEach(ref -> files.add(ref.location().file()));
    }
    return files;
  }

  /** The lock, when flake.lock is present and well-formed. */
  public static Optional<FlakeLock> lock(ProjectContext context) {
    return context.get(LOCK_FILE).flatMap(result -> result instanceof FlakeLockResult.Read read
        ? Optional.of(read.lock()) : Optional.empty());
  }

  public static DeclaredInputs declaredInputs(ProjectContext context) {
    return context.get(DECLARED_INPUTS);
  }

  /** A position in this project's flake.lock. */
  public static Location inLock(ProjectContext context, JsonPosition position) {
    return context.flakeLock().location(position.line(), position.column());
  }
}
