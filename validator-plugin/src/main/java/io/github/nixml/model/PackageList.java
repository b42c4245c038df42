package io.github.nixml.model;

import java.util.List;

/**
 * The packages of a list as far as the model can resolve them; {@code complete} is false when some entry is
 * unknown, so that rules asking "is X missing?" stay silent. The modules of its {@code python.withPackages}
 * environments are {@link #pythonModules()}, not among {@link #packages()}: they say what the environment's
 * Python imports, not what the shell itself holds, and whether they are complete is not known.
 * {@code projectLockBuiltByNix}: one entry is an environment Nix builds from the project's lock (pyproject-nix's
 * {@code mkVirtualEnv}), whose distributions Nix installs, not a tool in the shell. {@code ownDerivations}: one entry
 * is a package the project builds ({@code runCommand}, {@code mkDerivation}), whose programs the model does not list.
 */
public record PackageList(List<PackageRef> packages, boolean complete, List<PackageRef> pythonModules,
    boolean projectLockBuiltByNix, boolean ownDerivations) {
  public static final PackageList EMPTY = new PackageList(List.of(), true);

  public PackageList {
    pythonModules = java.util.stream.Stream.concat(pythonModules.stream(),
        packages.stream().filter(PackageRef::pythonModule)).toList();
    packages = packages.stream().filter(ref -> !ref.pythonModule()).toList();
  }

  public PackageList(List<PackageRef> packages, boolean complete) {
    this(packages, complete, List.of(), false, false);
  }

  /** The same list, each package's instance as a shell built for {@code platforms} sees it. */
  public PackageList on(io.github.nixml.nix.eval.PlatformGuard platforms) {
    return new PackageList(packages.stream().map(ref -> ref.on(platforms)).toList(), complete,
        pythonModules.stream().map(ref -> ref.on(platforms)).toList(), projectLockBuiltByNix, ownDerivations);
  }

  public boolean anyMatch(java.util.function.Predicate<PackageRef> test) {
    return packages.stream().anyMatch(test);
  }
}
