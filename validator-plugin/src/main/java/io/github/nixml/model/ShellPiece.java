package io.github.nixml.model;

import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;

/** A piece of a string a shell defines, as the model knows it: literal text, or what an interpolation stands for. */
public sealed interface ShellPiece {

  /** How the piece reads in a message: the text, or {@code ${…}} for what is not text. */
  String display();

  /** Text known literally (escapes resolved, known strings inlined). */
  record Literal(String text) implements ShellPiece {
    @Override
    public String display() {
      return text;
    }
  }

  /** {@code ${lib.makeLibraryPath [ … ]}}: a list of library directories, with its packages. */
  record LibraryPathRef(LibraryPath path) implements ShellPiece {
    @Override
    public String display() {
      return "${lib.makeLibraryPath}";
    }
  }

  /**
   * {@code ${pkgs.zlib}}: the store path of a package, the nixpkgs instance it comes from (null: unknown) and where
   * the interpolated expression is written (null: unknown).
   */
  record PackagePath(List<String> attrPath, NixpkgsInstance instance, SourceSpan location) implements ShellPiece {
    public PackagePath {
      attrPath = List.copyOf(attrPath);
    }

    public PackagePath(List<String> attrPath) {
      this(attrPath, null, null);
    }

    @Override
    public String display() {
      return "${" + String.join(".", attrPath) + "}";
    }
  }

  /** An interpolation the model cannot resolve ({@code source} as written): the text may be anything. */
  record Unknown(String source) implements ShellPiece {
    @Override
    public String display() {
      return "${" + source + "}";
    }
  }
}
