package io.github.nixml.model;

import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one dev shell of the flake contains.
 *
 * @param name the {@code devShells} attribute ({@code default})
 * @param systems the systems the shell is built for; empty when the model cannot tell
 * @param location the {@code mkShell}/{@code buildFHSEnv} call
 * @param instance the nixpkgs instance whose {@code mkShell}/{@code buildFHSEnv} it is (null: unknown)
 * @param packages {@code packages}/{@code buildInputs}… (ld-path) or {@code targetPkgs}/{@code multiPkgs} (FHS)
 * @param packagesLocation where that attribute is named (null when absent)
 * @param env string-valued attributes (environment variables), {@code env.X} included
 * @param hooks {@code shellHook}, {@code preShellHook}, {@code postShellHook} or the FHS {@code profile}
 * @param libraryPaths every {@code makeLibraryPath} list the shell's variables or hooks use
 * @param runScript the FHS {@code runScript}, when set
 * @param attributesComplete false when some attributes of the call are unknown ({@code unknown // {…}})
 * @param breakages what makes building the shell fail, as far as the model is sure of it
 */
public record DevShell(String name, Optional<Set<String>> systems, Layout layout, SourceSpan location,
    NixpkgsInstance instance, PackageList packages, SourceSpan packagesLocation, Map<String, ShellText> env,
    List<ShellText> hooks, List<LibraryPath> libraryPaths, Optional<ShellText> runScript,
    boolean attributesComplete, List<ShellBreakage> breakages) {

  public DevShell {
    env = Map.copyOf(new LinkedHashMap<>(env));
    hooks = List.copyOf(hooks);
    libraryPaths = List.copyOf(libraryPaths);
    breakages = List.copyOf(breakages);
  }

  /** A shell with nothing the model knows to break it. */
  public DevShell(String name, Optional<Set<String>> systems, Layout layout, SourceSpan location,
      NixpkgsInstance instance, PackageList packages, SourceSpan packagesLocation, Map<String, ShellText> env,
      List<ShellText> hooks, List<LibraryPath> libraryPaths, Optional<ShellText> runScript,
      boolean attributesComplete) {
    this(name, systems, layout, location, instance, packages, packagesLocation, env, hooks, libraryPaths, runScript,
        attributesComplete, List.of());
  }

  /**
   * This shell as built for {@code platforms}: a package set whose {@code cudaSupport} depends on the platform
   * ({@link NixpkgsInstance#cudaSupportOn}) decided there, in the shell's instance and each package's; the shell
   * itself where no instance depends on the platform.
   */
  public DevShell on(io.github.nixml.nix.eval.PlatformGuard platforms) {
    if (!dependsOnPlatform()) {
      return this;
    }
    return new DevShell(name, systems, layout, location, instance == null ? null : instance.on(platforms),
        packages.on(platforms), packagesLocation, env, hooks, libraryPaths.stream().map(path -> new LibraryPath(
            path.entries().on(platforms), path.location(), path.directories())).toList(), runScript,
        attributesComplete, breakages);
  }

  /** Whether an instance of the shell or of one of its packages has a {@code cudaSupport} no platform decided. */
  public boolean dependsOnPlatform() {
    java.util.function.Predicate<PackageRef> dependent = ref -> ref.source() != null
        && ref.source().platformDependent();
    return instance != null && instance.platformDependent() || packages.anyMatch(dependent)
        || packages.pythonModules().stream().anyMatch(dependent)
        || libraryPaths.stream().anyMatch(path -> path.entries().anyMatch(dependent));
  }

  public Optional<ShellText> hook(String name) {
    return hooks.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  /** The interpreters the shell brings, in source order (a version may appear more than once). */
  public List<PythonInterpreter> interpreters() {
    List<PythonInterpreter> found = new ArrayList<>();
    for (PackageRef ref : packages.packages()) {
      ref.pythonInterpreter().ifPresent(found::add);
    }
    found.sort((a, b) -> Integer.compare(a.ref().location().offset(), b.ref().location().offset()));
    return found;
  }

  /**
   * Whether a Python from nixpkgs may run in the shell: among its packages or the packages its texts interpolate is a
   * Python interpreter, environment or module ({@code python312}, {@code python3Packages.x}, {@code pypy3}), or its
   * package list is not fully known. (A Python application among the packages propagates its interpreter too; this
   * asks only for what is named as Python.)
   */
  public boolean mayBringNixPython() {
    java.util.function.Predicate<PackageRef> python = ref -> ref.attrPath().stream()
        .anyMatch(part -> part.startsWith("python") || part.startsWith("pypy"));
    return !packages.complete() || !packages.pythonModules().isEmpty() || packages.anyMatch(python)
        || interpolatedPackages().stream().anyMatch(python);
  }

  /**
   * Whether a package listed under a platform guard is there on some system the shell is built for
   * ({@code optionals (system == "x86_64-linux") [ cudatoolkit ]} is not in the shell of {@code aarch64-linux});
   * true where the shell's systems are not known.
   */
  public boolean present(PackageRef ref) {
    return systems.isEmpty() || systems.get().stream()
        .anyMatch(system -> !io.github.nixml.nix.eval.PlatformGuard.ofSystem(system).and(ref.guard()).isNever());
  }

  /**
   * The CUDA packages the shell brings on its systems, its library lists included, in source order, each location
   * once.
   */
  public List<PackageRef> cudaPackages() {
    Map<Integer, PackageRef> byOffset = new java.util.TreeMap<>();
    for (PackageRef ref : packages.packages()) {
      if (ref.isCuda() && present(ref)) {
        byOffset.putIfAbsent(ref.location().offset(), ref);
      }
    }
    for (LibraryPath path : libraryPaths) {
      for (PackageRef ref : path.entries().packages()) {
        if (ref.isCuda() && present(ref)) {
          byOffset.putIfAbsent(ref.location().offset(), ref);
        }
      }
    }
    for (PackageRef ref : interpolatedPackages()) {
      if (ref.isCuda()) {
        byOffset.putIfAbsent(ref.location().offset(), ref);
      }
    }
    return List.copyOf(byOffset.values());
  }

  /**
   * The packages whose store paths the shell's variables and hooks interpolate ({@code ${pkgs.cudatoolkit}/lib}),
   * at the interpolation, in the order of the texts; on every platform the text itself is.
   */
  public List<PackageRef> interpolatedPackages() {
    return interpolatedPackages(false);
  }

  /**
   * The CUDA packages the shell uses when it runs: {@link #cudaPackages()} less those interpolated only in a shell
   * comment ({@code # export LD_LIBRARY_PATH=${cudaPackages.cuda_cudart}/lib}). Nix still evaluates such an
   * interpolation (so the comment breaks evaluation where CUDA does not exist), but nothing in the shell loads it.
   */
  public List<PackageRef> cudaPackagesInUse() {
    List<PackageRef> cuda = cudaPackages();
    if (cuda.isEmpty()) {
      return cuda;
    }
    Set<SourceSpan> onlyInComments = new java.util.HashSet<>();
    interpolatedOnlyInComments().forEach(ref -> onlyInComments.add(ref.location()));
    return cuda.stream().filter(ref -> !onlyInComments.contains(ref.location())).toList();
  }

  /** The packages interpolated in a shell comment of a hook and nowhere else in the shell. */
  public List<PackageRef> interpolatedOnlyInComments() {
    Set<SourceSpan> elsewhere = new java.util.HashSet<>();
    interpolatedPackages(true).forEach(ref -> elsewhere.add(ref.location()));
    packages.packages().forEach(ref -> elsewhere.add(ref.location()));
    libraryPaths.forEach(path -> path.entries().packages().forEach(ref -> elsewhere.add(ref.location())));
    return interpolatedPackages().stream().filter(ref -> !elsewhere.contains(ref.location())).toList();
  }

  private List<PackageRef> interpolatedPackages(boolean outsideComments) {
    List<ShellText> texts = new ArrayList<>(env.values());
    texts.addAll(hooks);
    runScript.ifPresent(texts::add);
    List<PackageRef> found = new ArrayList<>();
    for (ShellText text : texts) {
      List<ShellPiece> pieces = outsideComments && text.script()
          ? ShellScript.withoutComments(text.pieces()) : text.pieces();
      for (ShellPiece piece : pieces) {
        for (ShellPiece.PackagePath path : piece.packagePaths()) {
          if (path.location() != null && !path.attrPath().isEmpty()) {
            found.add(new PackageRef(path.attrPath(), path.instance(), text.guard(), path.location()));
          }
        }
      }
    }
    return found;
  }

  /** The same shell built for other systems. */
  public DevShell withSystems(Optional<Set<String>> others) {
    return new DevShell(name, others, layout, location, instance, packages, packagesLocation, env, hooks, libraryPaths,
        runScript, attributesComplete, breakages);
  }

  /** Whether every variable, hook and run script is known in full. */
  public boolean textsComplete() {
    return hooksComplete() && env.values().stream().allMatch(ShellText::complete)
        && runScript.map(ShellText::complete).orElse(true);
  }

  /** How many interpolations of its variables, hooks and run script the model could not resolve. */
  public int unknownPieces() {
    List<ShellText> texts = new ArrayList<>(hooks);
    texts.addAll(env.values());
    runScript.ifPresent(texts::add);
    return (int) texts.stream().flatMap(text -> text.pieces().stream())
        .filter(piece -> piece instanceof ShellPiece.Unknown).count();
  }

  public boolean hooksComplete() {
    return hooks.stream().allMatch(ShellText::complete);
  }

  /** The simple commands of every hook, in order. */
  public List<ShellCommand> hookCommands() {
    List<ShellCommand> commands = new ArrayList<>();
    hooks.forEach(hook -> commands.addAll(hook.commands()));
    return commands;
  }

  /** Every variable the hooks assign ({@code export X=…}, {@code X=…}), in order. */
  public List<ShellCommand.Assignment> hookAssignments() {
    List<ShellCommand.Assignment> assignments = new ArrayList<>();
    hookCommands().forEach(command -> assignments.addAll(command.assignments()));
    return assignments;
  }

  /**
   * Whether the shell is read for systems none of which is Linux ({@code aarch64-darwin} alone, when a shell differs
   * per platform): false when its systems are unknown.
   */
  public boolean onlyOffLinux() {
    return systems.isPresent() && !systems.get().isEmpty()
        && systems.get().stream().noneMatch(system -> system.endsWith("-linux"));
  }
}
