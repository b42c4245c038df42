package io.github.nixml.nix;

import java.util.List;

/** A parsed and bound Nix file. (Stub: the front-end issue replaces this with the real tree.) */
public final class NixFile {
  private final String text;
  private final List<NixDiagnostic> diagnostics;

  NixFile(String text, List<NixDiagnostic> diagnostics) {
    this.text = text;
    this.diagnostics = List.copyOf(diagnostics);
  }

  public String text() {
    return text;
  }

  public List<NixDiagnostic> diagnostics() {
    return diagnostics;
  }

  public boolean hasErrors() {
    return !diagnostics.isEmpty();
  }
}
