package io.github.nixml.model;

import java.util.List;

/**
 * The packages of a list as far as the model can resolve them; {@code complete} is false when some entry is
 * unknown, so that rules asking "is X missing?" stay silent.
 */
public record PackageList(List<PackageRef> packages, boolean complete) {
  public static final PackageList EMPTY = new PackageList(List.of(), true);

  public PackageList {
    packages = List.copyOf(packages);
  }

  public boolean anyMatch(java.util.function.Predicate<PackageRef> test) {
    return packages.stream().anyMatch(test);
  }
}
