package io.github.nixml.validate;

import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import java.util.Optional;

/** A {@code *.nix} file with its parse, done at most once and shared by every project and rule that reads it. */
public final class NixSource {
  private final SourceFile source;
  private volatile NixFile parsed;

  public NixSource(SourceFile source) {
    this.source = source;
  }

  public SourceFile source() {
    return source;
  }

  public String path() {
    return source.path();
  }

  /** The parsed and bound file, or empty when the file is missing or unreadable. */
  public Optional<NixFile> nixFile() {
    if (!source.isPresent()) {
      return Optional.empty();
    }
    NixFile file = parsed;
    if (file == null) {
      synchronized (this) {
        file = parsed;
        if (file == null) {
          file = NixFrontEnd.analyze(source.text().orElseThrow());
          parsed = file;
        }
      }
    }
    return Optional.of(file);
  }
}
