package io.github.nixml.model;

import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;

/** A piece of a string a shell defines, as the model knows it: literal text, or what an interpolation stands for. */
public sealed interface ShellPiece {

  /** How the piece reads in a message: the text, or {@code ${…}} for what is not text. */
  String display();

  /** The packages whose store paths the piece stands for: itself, a join's packages, or none. */
  default List<PackagePath> packagePaths() {
    return List.of();
  }

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

    @Override
    public List<PackagePath> packagePaths() {
      return List.of(this);
    }
  }

  /**
   * {@code ${drv}} of a derivation a trivial builder makes in the project: a script or text file
   * ({@code writeShellScriptBin}: no package), or a join ({@code symlinkJoin}) of {@code contents}, each with where it
   * is written. Its store path is as known as a path in the project: a command there runs something the model does
   * not read, as {@code ./setup.sh} does.
   */
  record BuiltPath(String builder, String name, List<PackagePath> contents) implements ShellPiece {
    public BuiltPath {
      contents = List.copyOf(contents);
    }

    @Override
    public String display() {
      return "${" + builder + (name == null ? "" : " \"" + name + "\"") + "}";
    }

    @Override
    public List<PackagePath> packagePaths() {
      return contents;
    }
  }

  /**
   * {@code ${pkgs.python3.version}}: a package's name or version, one word whose text the release decides (no
   * package, no shell syntax).
   */
  record PackageFact(List<String> attrPath, String fact) implements ShellPiece {
    public PackageFact {
      attrPath = List.copyOf(attrPath);
    }

    @Override
    public String display() {
      return "${" + String.join(".", attrPath) + "." + fact + "}";
    }
  }

  /**
   * {@code ${system}} of {@code eachDefaultSystem}, {@code ${if stdenv.isLinux then "xdg-open" else "open"}}: one of
   * these words, by platform (each free of spaces and shell syntax).
   */
  record OneOf(List<String> words) implements ShellPiece {
    public OneOf {
      words = List.copyOf(words);
    }

    @Override
    public String display() {
      return "${" + String.join("|", words) + "}";
    }
  }

  /**
   * {@code ${builtins.getEnv "PWD"}}: a variable's text where Nix evaluates (empty under pure evaluation); a word of
   * the user's machine, no package, its contents unknown.
   */
  record EnvironmentText(String variable) implements ShellPiece {
    @Override
    public String display() {
      return "${builtins.getEnv \"" + variable + "\"}";
    }
  }

  /**
   * {@code ${config.devenv.root}}: a directory devenv computes when the shell starts, named by its option; a path on
   * the user's machine, no package and no shell syntax.
   */
  record RuntimeDirectory(String option) implements ShellPiece {
    @Override
    public String display() {
      return "${config." + option + "}";
    }
  }

  /**
   * {@code ${./.}}, {@code ${toString ./data}} in a flake: a path of the project, copied to the store (its text is
   * the store path, unknown here); a path with no shell syntax whose files are the project's.
   */
  record ProjectPath(String source) implements ShellPiece {
    @Override
    public String display() {
      return "${" + source + "}";
    }
  }

  /**
   * {@code ${nixpkgs}}: a flake input's source, copied to the store ({@code NIX_PATH = "nixpkgs=${nixpkgs}"}); a path
   * with no shell syntax, its files not listed.
   */
  record InputSource(String input) implements ShellPiece {
    @Override
    public String display() {
      return "${" + input + "}";
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
