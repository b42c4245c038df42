package io.github.nixml.model;

import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;

/**
 * A {@code lib.makeLibraryPath […]} list, and where it is called; {@code directories} are the {@code lib} folders
 * its literal path strings give ({@code "/run/opengl-driver"} gives {@code /run/opengl-driver/lib}).
 */
public record LibraryPath(PackageList entries, SourceSpan location, List<String> directories) {

  public LibraryPath {
    directories = List.copyOf(directories);
  }

  public LibraryPath(PackageList entries, SourceSpan location) {
    this(entries, location, List.of());
  }
}
