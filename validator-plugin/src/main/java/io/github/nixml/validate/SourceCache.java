package io.github.nixml.validate;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every file of one validation run, read at most once, keyed by its path relative to the root. */
final class SourceCache {
  private final Path root;
  private final long maxFileBytes;
  private final Map<String, String> pending;
  private final ConcurrentHashMap<String, SourceFile> files = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, NixSource> nixFiles = new ConcurrentHashMap<>();

  /** {@code pending}: texts that replace what is on disk for these root-relative paths (edits not yet written). */
  SourceCache(Path root, long maxFileBytes, Map<String, String> pending) {
    this.root = root;
    this.maxFileBytes = maxFileBytes;
    this.pending = pending;
  }

  SourceFile file(String path) {
    return files.computeIfAbsent(path, p -> pending.containsKey(p) ? SourceFile.of(p, pending.get(p))
        : SourceFile.read(root.resolve(p), p, maxFileBytes));
  }

  NixSource nix(String path) {
    return nixFiles.computeIfAbsent(path, p -> new NixSource(file(p)));
  }

  /** A file already read, for suppression comments; never reads. */
  Optional<SourceFile> ifRead(String path) {
    return Optional.ofNullable(files.get(path));
  }
}
