package io.github.nixml.model;

import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;
import java.util.Set;

/** The values of the flake and nixpkgs domain, which the evaluator carries without looking inside. */
final class Domain {
  private Domain() {}

  /**
   * Something from a nixpkgs instance: the instance itself (empty path), a package, a package set. {@code span} is
   * where it is first named (null for the Python package set {@code withPackages} passes, whose members are located
   * where each is selected); {@code pythonModules} is the list a {@code python.withPackages} environment adds to
   * its interpreter (null for anything else).
   */
  record Pkg(NixpkgsInstance instance, List<String> path, SourceSpan span, Value pythonModules)
      implements Value.Foreign {
    Pkg {
      path = List.copyOf(path);
    }

    Pkg(NixpkgsInstance instance, List<String> path, SourceSpan span) {
      this(instance, path, span, null);
    }

    /**
     * Nix compares derivations by their store path. Two packages of one set whose names differ beyond version digits
     * and separators are two derivations ({@code go}, {@code gopls}; {@code nodePackages.a}, {@code nodePackages.b}:
     * {@code lib.unique} over a package list), an environment included; the same path is one (the model reads
     * {@code override} and {@code overrideAttrs} without their other arguments, so an overridden package counts as its
     * original). Names are those of top-level packages and of members of package sets ({@code …Packages}). Unknown
     * elsewhere: one name under two paths or a version alias ({@code cudatoolkit} and
     * {@code cudaPackages.cudatoolkit}, {@code python3} and {@code python312}, {@code nodejs} and {@code nodejs_20}),
     * other members of a set ({@code zlib.out}, {@code stdenv.hostPlatform}, which may be one value under two
     * names), other package sets, an environment and its interpreter. A renamed package's old name ({@code jdk} for
     * {@code openjdk}) compares unequal: at worst a list keeps both.
     */
    @Override
    public Value equalTo(Value.Foreign other) {
      if (!(other instanceof Pkg that) || instance == null || !instance.equals(that.instance)
          || !comparablePaths(path, that.path)) {
        return Value.UNKNOWN;
      }
      if (path.equals(that.path)) {
        return pythonModules == null && that.pythonModules == null ? new Value.Bool(true) : Value.UNKNOWN;
      }
      String mine = comparable(path.get(path.size() - 1));
      return mine.isEmpty() || mine.equals(comparable(that.path.get(that.path.size() - 1))) ? Value.UNKNOWN
          : new Value.Bool(false);
    }

    /** Both a package by name: a top-level one, or a member of a package set ({@code nodePackages.typescript}). */
    private static boolean comparablePaths(List<String> mine, List<String> theirs) {
      return packageLike(mine) && packageLike(theirs);
    }

    private static boolean packageLike(List<String> path) {
      return path.size() == 1 || path.size() == 2 && path.get(0).endsWith("Packages");
    }

    /** A name without its version digits and separators ({@code nodejs_20} is {@code nodejs}). */
    private static String comparable(String name) {
      return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[0-9_.-]", "");
    }
  }

  /** What a flake input is, as far as its URL (or, without one, its name) tells. */
  enum InputKind {
    NIXPKGS, FLAKE_UTILS, FLAKE_UTILS_PLUS, FLAKE_PARTS, SYSTEMS, DEVSHELL, DEVENV, FLAKELIGHT, PYPROJECT_NIX, POETRY2NIX,
    TREEFMT_NIX, GIT_HOOKS, FLAKE_ROOT, NIXPKGS_PYTHON, BLUEPRINT, OTHER
  }

  /**
   * cachix/nixpkgs-python's {@code packages}: CPython builds named by version ({@code packages.${system}."3.11.4"},
   * {@code ."3.12"}), built with nixpkgs' Python infrastructure on the input's own nixpkgs.
   *
   * @param systemSelected whether the system level is already selected
   */
  record PythonBuilds(String input, boolean systemSelected, SourceSpan span) implements Value.Foreign {}

  /**
   * {@code pkgs // { … }}: a package set with attributes of its own added (flakelight's {@code pkgs.inputs},
   * {@code pkgs.src}); every other name is the package set's.
   */
  record PkgsWith(Pkg base, Value.Attrs extras) implements Value.Foreign {}

  /**
   * A package's name or version ({@code pkgs.python3.version}): one word whose text the release decides, no package
   * and no shell syntax.
   */
  record PackageFact(List<String> packagePath, String fact, SourceSpan span) implements Value.Foreign {
    PackageFact {
      packagePath = List.copyOf(packagePath);
    }
  }

  /**
   * A directory devenv computes when the shell starts ({@code config.devenv.root}, {@code config.git.root}): a path
   * on the user's machine, named by the option that holds it; no package, no shell syntax.
   */
  record RuntimeDirectory(String option, SourceSpan span) implements Value.Foreign {}

  /** The nixpkgs instance of a package set ({@code pkgs}, or {@code pkgs} with overlays or extras); else null. */
  static NixpkgsInstance instanceOf(Value packageSet) {
    return packageSet instanceof Pkg pkg ? pkg.instance()
        : packageSet instanceof PkgsWith with ? with.base().instance() : null;
  }

  /** pyproject-nix's {@code build.packages}: what {@code callPackage} turns into a {@link PythonSet}. */
  record PythonSetRecipe(SourceSpan span) implements Value.Foreign {}

  /**
   * A pyproject-nix Python package set for one interpreter ({@code python}: the {@code python} argument, unknown
   * when not given or not known); {@code mkVirtualEnv} gives an environment of that interpreter.
   */
  record PythonSet(Value python, SourceSpan span) implements Value.Foreign {}

  /**
   * The modules of an environment Nix builds from the project's own lock ({@code mkVirtualEnv name deps} of a
   * pyproject-nix set): the locked distributions, installed by Nix (wheels patched to find their libraries when
   * built), not by a tool in the shell. Which they are is in the lock, not in the Nix code.
   */
  record ProjectLock(SourceSpan span) implements Value.Foreign {}

  /**
   * What a nixpkgs Python set's {@code callPackage} ({@code python3Packages.callPackage ./pkg.nix { }}) passes a file:
   * the set's own names ({@code set}, e.g. {@code python3Packages}), else the top level's, of {@code instance}.
   */
  record PythonScope(NixpkgsInstance instance, List<String> set, SourceSpan span) implements Value.Foreign {}

  /**
   * A flake input ({@code nixpkgs}, {@code flake-utils}). {@code flake} is false for {@code flake = false;}: a source
   * tree, to import or read, with no outputs.
   */
  record Input(String name, InputKind kind, boolean flake) implements Value.Foreign {
    Input(String name, InputKind kind) {
      this(name, kind, true);
    }
  }

  /**
   * The {@code lib} of flake-parts or devenv, or devshell's package set: only its table entries are known.
   * {@code instance} is the nixpkgs its functions build with (devshell's {@code legacyPackages.${system}}), or null.
   * {@code bySystem}: the set a flake gives per system, whose members are systems until one is selected
   * ({@code git-hooks.lib}, {@code poetry2nix.legacyPackages}): a function named there without one is unknown.
   */
  record Library(KnownFunctions.Scope scope, NixpkgsInstance instance, boolean bySystem) implements Value.Foreign {
    Library(KnownFunctions.Scope scope) {
      this(scope, null, false);
    }

    /** This library for one system: its functions, no longer its systems. */
    Library systemSelected() {
      return new Library(scope, instance, false);
    }
  }

  /**
   * {@code builtins.getEnv "PWD"}: the variable's text where Nix evaluates ({@code nix develop --impure}; pure
   * evaluation gives ""): a word of the machine, no package, its contents unknown.
   */
  record EnvironmentText(String variable, SourceSpan span) implements Value.Foreign {}

  /** {@code input.legacyPackages}, before the system is selected. */
  record LegacyPackages(String input, SourceSpan span) implements Value.Foreign {}

  enum ShellKind { MK_SHELL, FHS_ENV, FHS_SHELL, DEVSHELL, DEVENV }

  /** A dev-shell builder applied to its attributes ({@code mkShell {…}}, {@code buildFHSEnv {…}}). */
  record Shell(ShellKind kind, String builder, NixpkgsInstance instance, Value.Attrs attributes, SourceSpan span)
      implements Value.Foreign {}

  /** What a derivation made by one of nixpkgs' trivial builders holds. */
  enum BuiltKind {
    /** One file written from a text ({@code writeShellScriptBin}, {@code writeText}): a script, no package. */
    TEXT,
    /** Links to the packages of its {@code paths} ({@code symlinkJoin}, {@code buildEnv}). */
    JOIN,
    /**
     * A package the project builds ({@code stdenv.mkDerivation}, {@code buildPythonPackage}, {@code runCommand}):
     * what it installs the model does not read; in a shell it brings its {@code paths}, the inputs it propagates.
     */
    DERIVATION
  }

  /**
   * A derivation a builder makes in the project ({@code builder} as named): its {@code name} (null when not
   * known) and, for a {@link BuiltKind#JOIN}, the list of its {@code paths}; for a {@link BuiltKind#DERIVATION} the
   * packages it propagates (null when the model cannot tell them). A trivial builder's only output is {@code out}.
   * {@code environment}: the shell {@code nix-shell} or {@code nix develop} enters for it, its build environment
   * ({@code stdenv.mkDerivation}'s; null for the others, whose environment the model does not read).
   */
  record Built(BuiltKind kind, String builder, String name, Value paths, SourceSpan span, Shell environment)
      implements Value.Foreign {

    Built(BuiltKind kind, String builder, String name, Value paths, SourceSpan span) {
      this(kind, builder, name, paths, span, null);
    }
  }

  /**
   * The shell a value is when entered as one: a shell builder's call, or a derivation's build environment (mkShell
   * is mkDerivation with a few defaults); null for anything else.
   */
  static Shell enteredShell(Value value) {
    return value instanceof Shell shell ? shell : value instanceof Built built ? built.environment() : null;
  }

  /** {@code lib.makeLibraryPath list}: a string whose entries the model keeps. */
  record LibPath(Value list, SourceSpan span) implements Value.Foreign {}

  /** Where a flake calls flake-parts' {@code mkFlake}: its {@code moduleLocation}, where its module shells are. */
  record Location(SourceSpan span) implements Value.Foreign {}

  /**
   * The outputs of {@code flake-utils.lib.eachSystem systems f}; {@code systems} null when unknown. {@code plain}:
   * the names among them that a set merged beside them brought ({@code { overlays.default = …; } // eachDefaultSystem
   * …}), which have no system level.
   */
  record PerSystem(Set<String> systems, Value outputs, Set<String> plain) implements Value.Foreign {
    PerSystem {
      plain = Set.copyOf(plain);
    }

    PerSystem(Set<String> systems, Value outputs) {
      this(systems, outputs, Set.of());
    }
  }

  /**
   * {@code self} of a flake whose outputs are per system ({@code eachDefaultSystem}): those outputs, and the flake's
   * source as {@code outPath} ({@code "${self}/src"}, {@code src = self}).
   */
  record FlakeSelf(PerSystem outputs, Value.Path source) implements Value.Foreign {}
}
