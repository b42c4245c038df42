package io.github.nixml.validate.rules.nix;

import io.github.nixml.nix.NixDiagnostic;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.SourceFile;

/** Turns front-end diagnostics into report locations. */
final class NixLocations {
  private NixLocations() {}

  /** The diagnostic's own line and column, with the end computed from its offset and length. */
  static Location of(SourceFile source, NixDiagnostic diagnostic) {
    int line = Math.max(1, diagnostic.line());
    int column = Math.max(1, diagnostic.column());
    if (diagnostic.length() > 0) {
      Location end = source.locationAt(diagnostic.offset() + diagnostic.length());
      if (end.line() > line || (end.line() == line && end.column() > column)) {
        return Location.range(source.path(), line, column, end.line(), end.column());
      }
    }
    return Location.of(source.path(), line, column);
  }
}
