package io.github.nixml.model;

import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.Term;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Closure;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * nixpkgs' {@code callPackage fn overrides} ({@code pkgs.callPackage}, {@code lib.callPackageWith autoArgs}):
 * {@code fn} imported when it is a path, then called with the names its formals ask for taken from the package
 * set, the overrides winning and passed as given. A formal with a default that the overrides do not set keeps its
 * default: the package set here is symbolic and cannot say whether it has that name (nixpkgs would take its own
 * attribute when it exists), except for names nixpkgs' top level has on every release ({@link #EVERY_RELEASE}):
 * {@code { stdenv, cudaPackages ? { }, ... }} gets nixpkgs' {@code cudaPackages}, as nixpkgs' callPackage gives it.
 */
final class CallPackage {
  /**
   * Top-level attributes of nixpkgs on every release since 20.09 ({@code pkgs/top-level/all-packages.nix},
   * {@code stage.nix}): what a package's formals name with a default ({@code cudaPackages ? { }},
   * {@code config ? { }}) and nixpkgs fills anyway.
   */
  static final java.util.Set<String> EVERY_RELEASE = java.util.Set.of("lib", "stdenv", "config", "pkgs",
      "cudaPackages", "buildPackages", "callPackage", "fetchurl", "fetchFromGitHub", "fetchgit", "fetchzip",
      "python3", "python3Packages", "darwin", "xorg", "linuxPackages");

  private CallPackage() {}

  static Value call(Evaluator evaluator, Value autoArgs, Value fn, Value passed, SourceSpan at) {
    Value function = fn instanceof Value.Path ? evaluator.importFile(fn, at) : fn;
    // `{ inherit python; } // lib.optionalAttrs stdenv.isDarwin { stdenv = …; }`: one set whose values differ per
    // platform (an attribute absent on a platform is unknown there)
    Attrs perPlatform = passed instanceof Value.Choice choice ? Evaluator.merge(choice) : null;
    Value overrides = perPlatform != null ? perPlatform : passed;
    if (function instanceof Domain.PythonSetRecipe recipe && overrides instanceof Attrs given) {
      // pyproject-nix's `build.packages`: a Python package set for the interpreter given as `python`
      Entry python = given.entries().get("python");
      return new Domain.PythonSet(python == null ? Value.UNKNOWN : python.thunk().force(), recipe.span());
    }
    if (!(function instanceof Closure closure) || !(overrides instanceof Attrs given)) {
      return Value.UNKNOWN;
    }
    Map<String, Entry> args = new LinkedHashMap<>();
    Term.Lambda lambda = closure.lambda();
    if (lambda.formals() != null) {
      for (Term.Formal formal : lambda.formals()) {
        Entry own = given.entries().get(formal.name());
        if (own != null) {
          args.put(formal.name(), own);
        } else if (formal.fallback() == null || hasEveryRelease(autoArgs, formal.name())) {
          // the package is named where the formal is written
          args.put(formal.name(), new Entry(new Thunk(() -> {
            Value member = evaluator.select(autoArgs, formal.name(), formal.span());
            return member == null ? Value.UNKNOWN : placedWhereUsed(member);
          }), formal.span(), formal.span()));
        }
      }
    }
    given.entries().forEach(args::putIfAbsent);
    return evaluator.apply(function, Thunk.of(new Attrs(args, given.open())), at);
  }

  /**
   * A CUDA package set taken as a formal ({@code { cudaPackages, … }:}) has no place of its own: its members are
   * placed where the file names them ({@code cudaPackages.cudatoolkit} in {@code buildInputs}), where a finding
   * about them belongs, not at the formal.
   */
  private static Value placedWhereUsed(Value member) {
    return member instanceof Domain.Pkg set && set.pythonModules() == null && !set.path().isEmpty()
        && CUDA_PACKAGE_SET.matcher(set.path().get(set.path().size() - 1)).matches()
        ? new Domain.Pkg(set.instance(), set.path(), null) : member;
  }

  private static final java.util.regex.Pattern CUDA_PACKAGE_SET =
      java.util.regex.Pattern.compile("cudaPackages(_\\d+)*");

  /** Whether {@code autoArgs} is nixpkgs' top level (overlaid or not) and surely has {@code name}. */
  private static boolean hasEveryRelease(Value autoArgs, String name) {
    Domain.Pkg set = autoArgs instanceof Domain.PkgsWith with ? with.base()
        : autoArgs instanceof Domain.Pkg pkg ? pkg : null;
    return set != null && set.path().isEmpty() && EVERY_RELEASE.contains(name);
  }
}
