package io.github.nixml.validate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks the root once and finds every project (a directory holding a {@code flake.nix}, or a {@code devenv.nix}
 * without one: a devenv project) and every {@code *.nix}
 * file. Skips version-control, environment and build-output directories and links that lead outside the root,
 * and visits each real directory once, so link cycles end.
 */
final class ProjectScanner {

  /** Directories never entered: VCS data, direnv, devenv and venv caches, build outputs, JS dependencies. */
  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of(".git", ".direnv", ".devenv", ".venv", "target", "node_modules");

  /** {@code nix build} output links: {@code result}, {@code result-dev}, {@code result-1}… */
  private static final Pattern RESULT_LINK = Pattern.compile("result(-.*)?");

  /** What the walk found, each list sorted. */
  record Scan(List<String> projects, List<String> nixFiles, List<String> notices) {}

  private ProjectScanner() {}

  static boolean isSkippedDirectory(String name) {
    return SKIPPED_DIRECTORIES.contains(name) || RESULT_LINK.matcher(name).matches();
  }

  static Scan scan(Path realRoot) {
    List<String> projects = new ArrayList<>();
    List<String> nixFiles = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    List<String> devenvProjects = new ArrayList<>();
    Set<String> devenvSettings = new HashSet<>();
    Set<Path> visited = new HashSet<>();
    visited.add(realRoot);
    // each directory still to list, with its real path: a child that is not a link is its parent's real path and
    // its name, so that only links are resolved (a thousand projects made a thousand realpath calls of 8 syscalls)
    Deque<String> pending = new ArrayDeque<>();
    Deque<Path> pendingReal = new ArrayDeque<>();
    pending.push("");
    pendingReal.push(realRoot);
    while (!pending.isEmpty()) {
      String directory = pending.pop();
      Path real = pendingReal.pop();
      Path dir = directory.isEmpty() ? realRoot : realRoot.resolve(directory);
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        stream.forEach(entries::add);
      } catch (IOException | RuntimeException e) {
        notices.add("skipped directory " + (directory.isEmpty() ? "." : directory) + ": cannot be listed ("
            + e.getClass().getSimpleName() + ")");
        continue;
      }
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        String relative = directory.isEmpty() ? name : directory + "/" + name;
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
          continue;
        }
        boolean isDirectory = attributes.isDirectory();
        Path realEntry = real.resolve(name);
        if (attributes.isSymbolicLink()) {
          if (isSkippedDirectory(name)) {
            continue;
          }
          Path target;
          try {
            target = entry.toRealPath();
          } catch (IOException | RuntimeException e) {
            continue; // broken link: nothing to check
          }
          if (!target.startsWith(realRoot)) {
            continue;
          }
          isDirectory = Files.isDirectory(target);
          if (isDirectory && !visited.add(target)) {
            continue;
          }
          realEntry = target;
        } else if (isDirectory) {
          if (isSkippedDirectory(name) || !visited.add(realEntry)) {
            continue;
          }
        }
        if (isDirectory) {
          pending.push(relative);
          pendingReal.push(realEntry);
        } else if (name.endsWith(".nix")) {
          nixFiles.add(relative);
          if (name.equals(ProjectContext.FLAKE_NIX)) {
            projects.add(directory);
          } else if (name.equals(ProjectContext.DEVENV_NIX)) {
            devenvProjects.add(directory);
          }
        } else if (name.equals(ProjectContext.DEVENV_YAML)) {
          devenvSettings.add(directory);
        }
      }
    }
    Set<String> flakes = Set.copyOf(projects);
    projects.removeIf(directory -> moduleNamedFlake(realRoot, directory, flakes));
    projects.addAll(devenvProjects(Set.copyOf(projects), devenvProjects, devenvSettings));
    projects.sort(null);
    nixFiles.sort(null);
    notices.sort(null);
    return new Scan(List.copyOf(projects), List.copyOf(nixFiles), List.copyOf(notices));
  }

  /**
   * Whether a flake.nix below another flake's folder is a module that flake imports, not a flake: a function at
   * its top ({@code { self, pythonSets, ... }: { perSystem = …; }}, a flake-parts module named flake.nix), where a
   * flake is a set, and no flake.lock beside it.
   */
  private static boolean moduleNamedFlake(Path realRoot, String directory, Set<String> flakes) {
    Path folder = realRoot.resolve(directory);
    if (!below(directory, flakes) || Files.exists(folder.resolve("flake.lock"))) {
      return false;
    }
    try {
      String text = Files.readString(folder.resolve(ProjectContext.FLAKE_NIX));
      io.github.nixml.nix.syntax.SyntaxNode top = io.github.nixml.nix.NixFrontEnd.analyze(text).root().firstChild();
      return top != null && top.kind() == io.github.nixml.nix.syntax.SyntaxKind.LAMBDA;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The directories with a devenv.nix that are devenv projects of their own: no flake.nix beside it, and either a
   * devenv.yaml beside it or no flake project above it (a devenv.nix below a flake, without devenv.yaml, is a
   * module that flake's {@code devenv.lib.mkShell} imports).
   */
  private static List<String> devenvProjects(Set<String> flakes, List<String> devenvNix, Set<String> devenvYaml) {
    List<String> found = new ArrayList<>();
    for (String directory : devenvNix) {
      if (flakes.contains(directory)) {
        continue;
      }
      if (devenvYaml.contains(directory) || !below(directory, flakes)) {
        found.add(directory);
      }
    }
    return found;
  }

  /**
   * Whether one of {@code directories} is a proper ancestor of {@code directory} ({@code ""} is the root). Walks
   * up the directory's own path: a monorepo has a thousand flakes, and comparing each with each was quadratic.
   */
  static boolean below(String directory, Set<String> directories) {
    if (directory.isEmpty()) {
      return false;
    }
    if (directories.contains("")) {
      return true;
    }
    for (int slash = directory.lastIndexOf('/'); slash > 0; slash = directory.lastIndexOf('/', slash - 1)) {
      if (directories.contains(directory.substring(0, slash))) {
        return true;
      }
    }
    return false;
  }
}
