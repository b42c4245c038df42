package io.github.nixml.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A project directory on disk as tests copy it and compare it before and after a run. */
public final class ProjectTree {
  private ProjectTree() {}

  /** Copies {@code from} (files and directories) to {@code to}, which must not exist yet; returns {@code to}. */
  public static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.sorted().toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }

  /**
   * Every directory, file and link under {@code root} by relative path: {@code directory}, {@code link -> target},
   * or {@code file}, its modification time and its exact bytes (as ISO-8859-1, so that any change of a byte shows
   * and equal maps mean byte-identical trees in which no file was rewritten).
   */
  public static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.filter(p -> !p.equals(root)).toList();
    }
    for (Path path : paths) {
      String name = root.relativize(path).toString();
      if (Files.isSymbolicLink(path)) {
        entries.put(name, "link -> " + Files.readSymbolicLink(path));
      } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        entries.put(name, "directory");
      } else {
        String bytes = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
        entries.put(name, "file " + Files.getLastModifiedTime(path) + " " + bytes);
      }
    }
    return entries;
  }
}
