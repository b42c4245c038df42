package io.github.nixml.validate.facts;

import io.github.nixml.toml.TomlDocument;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * What {@code uv.lock} says lands in the venv: each {@code [[package]]} with its version, the registry it comes
 * from, its wheels (with the platform tags of their file names) and where it is written. Read only when uv.lock is
 * valid TOML; an entry without a name is skipped.
 *
 * @param packages the lock's packages, in file order
 * @param hasAlternatives whether the lock holds resolutions that never install together: top-level
 *     {@code conflicts} (extras or groups declared conflicting), {@code resolution-markers} (forks) on the lock or on
 *     a package, or a package name listed twice
 */
public record LockedWheels(List<LockedPackage> packages, boolean hasAlternatives, Set<String> onlyInExtras) {

  public static final LockedWheels NONE = new LockedWheels(List.of(), false, Set.of());

  public LockedWheels {
    packages = List.copyOf(packages);
    onlyInExtras = Set.copyOf(onlyInExtras);
  }

  public LockedWheels(List<LockedPackage> packages, boolean hasAlternatives) {
    this(packages, hasAlternatives, Set.of());
  }

  /**
   * The lock without the packages that only the project's own extras bring ({@code [project.optional-dependencies]
   * cuda = ["cupy-cuda12x"]}): what {@code uv sync} installs without {@code --extra}.
   */
  public LockedWheels withoutExtras() {
    return onlyInExtras.isEmpty() ? this : new LockedWheels(packages.stream()
        .filter(p -> !onlyInExtras.contains(p.name())).toList(), hasAlternatives, Set.of());
  }

  /** One {@code [[package]]} entry. {@code registry} is the {@code source.registry} URL when it has one. */
  public record LockedPackage(String name, String version, Optional<String> registry, List<WheelFile> wheels,
      Location location) {
    public LockedPackage {
      wheels = List.copyOf(wheels);
    }

    /**
     * Whether the package installs on a Linux x86_64/aarch64 shell: it has a wheel for it (a pure {@code any} wheel
     * included), or no wheel at all (an sdist or a source tree, built where it is installed). A package whose
     * wheels are all for other platforms does not.
     */
    public boolean installsOnLinux() {
      return wheels.isEmpty() || wheels.stream().anyMatch(WheelFile::installsOnLinux);
    }

    /** The CUDA major the package is built for, when its name or version says it ({@link CudaWheelMajor}). */
    public OptionalInt cudaMajor() {
      return CudaWheelMajor.of(name, version);
    }

    /** {@code name version}, as messages write it. */
    public String label() {
      return name + " " + version;
    }
  }

  /** The packages that install on a Linux shell, in file order. */
  public List<LockedPackage> forLinux() {
    return packages.stream().filter(LockedPackage::installsOnLinux).toList();
  }

  /** The packages of {@code file}'s parsed document; {@link #NONE} when it is missing or not valid TOML. */
  public static LockedWheels read(SourceFile file, Optional<TomlDocument> document) {
    TomlTable lock = document.flatMap(TomlDocument::table).orElse(null);
    if (lock == null) {
      return NONE;
    }
    boolean alternatives = lock.get("conflicts") != null || lock.get("resolution-markers") != null;
    List<LockedPackage> packages = new ArrayList<>();
    Set<String> names = new HashSet<>();
    if (lock.get("package") instanceof TomlArray entries) {
      for (int i = 0; i < entries.size(); i++) {
        if (!(entries.get(i) instanceof TomlTable entry) || !(entry.get("name") instanceof String name)) {
          continue;
        }
        alternatives |= entry.get("resolution-markers") != null || !names.add(name);
        String version = entry.get("version") instanceof String v ? v : "";
        Optional<String> registry = entry.get("source") instanceof TomlTable source
            && source.get("registry") instanceof String url ? Optional.of(url) : Optional.empty();
        TomlPosition position = entries.inputPositionOf(i);
        Location at = position == null ? file.location() : file.location(position.line(), position.column());
        packages.add(new LockedPackage(name, version, registry, wheels(entry), at));
      }
    }
    return new LockedWheels(packages, alternatives, onlyInExtras(lock));
  }

  /**
   * The packages reachable from the lock's own projects (an {@code editable} or {@code virtual} source) only through
   * their {@code optional-dependencies}: their dependencies and dependency groups count, and every dependency's
   * own extras (which the model does not trace), so what is left is certainly an extra of the project. Empty when
   * the lock names no project of its own.
   */
  private static Set<String> onlyInExtras(TomlTable lock) {
    if (!(lock.get("package") instanceof TomlArray entries)) {
      return Set.of();
    }
    Map<String, TomlTable> byName = new java.util.LinkedHashMap<>();
    java.util.Deque<String> pending = new java.util.ArrayDeque<>();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) instanceof TomlTable entry && entry.get("name") instanceof String name) {
        byName.putIfAbsent(name, entry);
        if (entry.get("source") instanceof TomlTable source
            && (source.get("editable") != null || source.get("virtual") != null)) {
          pending.add(name);
        }
      }
    }
    if (pending.isEmpty()) {
      return Set.of();
    }
    Set<String> roots = new HashSet<>(pending);
    Set<String> reached = new HashSet<>(pending);
    while (!pending.isEmpty()) {
      TomlTable entry = byName.get(pending.pop());
      if (entry == null) {
        continue;
      }
      List<Object> edges = new ArrayList<>();
      edges.add(entry.get("dependencies"));
      if (entry.get("dev-dependencies") instanceof TomlTable groups) {
        groups.keySet().forEach(group -> edges.add(groups.get(java.util.List.of(group))));
      }
      if (!roots.contains(entry.get("name")) && entry.get("optional-dependencies") instanceof TomlTable extras) {
        extras.keySet().forEach(extra -> edges.add(extras.get(java.util.List.of(extra))));
      }
      for (Object edge : edges) {
        if (edge instanceof TomlArray dependencies) {
          for (int i = 0; i < dependencies.size(); i++) {
            if (dependencies.get(i) instanceof TomlTable dependency && dependency.get("name") instanceof String name
                && reached.add(name)) {
              pending.add(name);
            }
          }
        }
      }
    }
    Set<String> left = new HashSet<>(byName.keySet());
    left.removeAll(reached);
    return left;
  }

  private static List<WheelFile> wheels(TomlTable entry) {
    List<WheelFile> wheels = new ArrayList<>();
    if (entry.get("wheels") instanceof TomlArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof TomlTable wheel) {
          Optional<String> name = wheel.get("url") instanceof String url ? Optional.of(url)
              : wheel.get("filename") instanceof String file ? Optional.of(file)
              : wheel.get("path") instanceof String path ? Optional.of(path) : Optional.empty();
          name.flatMap(WheelFile::fromUrl).ifPresent(wheels::add);
        }
      }
    }
    return wheels;
  }
}
