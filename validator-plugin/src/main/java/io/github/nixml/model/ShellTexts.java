package io.github.nixml.model;

import io.github.nixml.model.Domain.Built;
import io.github.nixml.model.Domain.BuiltKind;
import io.github.nixml.model.Domain.LibPath;
import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.eval.Value.Interpolation;
import io.github.nixml.nix.eval.Value.Piece;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.eval.Value.Text;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the string values of a shell (variables, hooks, runScript) into {@link ShellText}s of pieces. */
final class ShellTexts {
  private ShellTexts() {}

  static ShellText of(String name, Value value, SourceSpan span, boolean script, List<LibraryPath> libraryPaths,
      DevShellExtractor extractor) {
    List<ShellPiece> pieces = new ArrayList<>();
    add(value, "unknown", pieces, libraryPaths, extractor, PlatformGuard.ALWAYS);
    return new ShellText(name, pieces, script, span);
  }

  /** A variable the shell has only where {@code guard} holds; so are the packages of its library lists. */
  static ShellText of(String name, Value value, SourceSpan span, PlatformGuard guard, List<LibraryPath> libraryPaths,
      DevShellExtractor extractor) {
    List<ShellPiece> pieces = new ArrayList<>();
    add(value, "unknown", pieces, libraryPaths, extractor, guard);
    return new ShellText(name, pieces, false, span, guard);
  }

  /** Adds the pieces of a value written as {@code source}. */
  private static void add(Value value, String source, List<ShellPiece> into, List<LibraryPath> libraryPaths,
      DevShellExtractor extractor, PlatformGuard guard) {
    if (value instanceof Str str) {
      for (Piece piece : str.pieces()) {
        if (piece instanceof Text literal) {
          addText(literal.text(), into);
        } else if (piece instanceof Interpolation interpolation) {
          add(interpolation.value(), interpolation.source(), into, libraryPaths, extractor, guard);
        }
      }
    } else if (value instanceof LibPath libPath) {
      LibraryPath path = new LibraryPath(extractor.packageList(libPath.list(), guard), libPath.span(),
          DevShellExtractor.libraryDirectories(libPath.list()));
      libraryPaths.add(path);
      into.add(new ShellPiece.LibraryPathRef(path));
    } else if (value instanceof Value.ListV list) {
      // a list attribute of the derivation (`NIX_CFLAGS_COMPILE = lib.optionals isDarwin [ … ]`): its elements
      // joined by spaces; an element guarded for only some of the shell's platforms is unknown here
      PlatformGuard platforms = extractor.platforms().and(guard);
      boolean first = true;
      for (Value.Item item : list.items()) {
        PlatformGuard present = item.guard().and(platforms);
        if (present.isNever()) {
          continue;
        }
        if (!first) {
          addText(" ", into);
        }
        first = false;
        if (!item.guard().covers(platforms)) {
          into.add(new ShellPiece.Unknown(source));
        } else {
          add(item.value(), source, into, libraryPaths, extractor, guard);
        }
      }
    } else if (value instanceof Value.Int number) {
      addText(Long.toString(number.value()), into);
    } else if (value instanceof Value.Bool bool) {
      addText(bool.value() ? "1" : "", into); // as a derivation's attribute
    } else if (value instanceof Pkg pkg && !pkg.path().isEmpty()) {
      into.add(new ShellPiece.PackagePath(pkg.path(), pkg.instance(), pkg.span()));
    } else if (value instanceof Value.Choice choice && decided(choice, extractor.platforms().and(guard)).isPresent()) {
      add(decided(choice, extractor.platforms().and(guard)).get(), source, into, libraryPaths, extractor, guard);
    } else if (value instanceof Value.Choice choice && oneOf(choice).isPresent()) {
      into.add(oneOf(choice).get());
    } else if (value instanceof Domain.PackageFact fact) {
      into.add(new ShellPiece.PackageFact(fact.packagePath(), fact.fact()));
    } else if (value instanceof Domain.Input input) {
      into.add(new ShellPiece.InputSource(input.name()));
    } else if (value instanceof Domain.Shell shell) {
      // `export PATH=${myFhs}/bin:$PATH`: the environment's store path, its files not listed
      into.add(new ShellPiece.BuiltPath(shell.builder(), shell.attributes().get("name") instanceof Str name
          ? name.literal() : null, List.of()));
    } else if (value instanceof Domain.EnvironmentText environment) {
      into.add(new ShellPiece.EnvironmentText(environment.variable()));
    } else if (value instanceof Domain.RuntimeDirectory directory) {
      into.add(new ShellPiece.RuntimeDirectory(directory.option()));
    } else if (value instanceof Built built) {
      into.add(builtPath(built).orElseGet(() -> new ShellPiece.Unknown(source)));
    } else if (value instanceof Value.Path path) {
      into.add(new ShellPiece.ProjectPath(extractor.relative(path)));
    } else if (value instanceof Domain.FlakeSelf self) {
      into.add(new ShellPiece.ProjectPath(extractor.relative(self.source())));
    } else {
      into.add(new ShellPiece.Unknown(source));
    }
  }

  /** The one value a platform choice has on {@code platforms}; empty when they disagree. */
  private static Optional<Value> decided(Value.Choice choice, PlatformGuard platforms) {
    List<Value> values = choice.alternatives().stream()
        .filter(alternative -> !alternative.guard().and(platforms).isNever())
        .map(Value.Alternative::value).distinct().toList();
    return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
  }

  /** Text that is only a word: no spaces, quotes, expansions or other shell syntax. */
  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z0-9._+/:=@%,-]+");

  /** A platform choice of plain words ({@code system}); empty when an alternative is anything else. */
  private static Optional<ShellPiece> oneOf(Value.Choice choice) {
    List<String> words = new ArrayList<>();
    for (Value.Alternative alternative : choice.alternatives()) {
      String text = alternative.value() instanceof Str str ? str.literal() : null;
      if (text == null || !WORD.matcher(text).matches()) {
        return Optional.empty();
      }
      if (!words.contains(text)) {
        words.add(text);
      }
    }
    return words.isEmpty() ? Optional.empty() : Optional.of(new ShellPiece.OneOf(words));
  }

  /** A trivial builder's derivation; empty for a join of something other than packages. */
  private static Optional<ShellPiece> builtPath(Built built) {
    List<ShellPiece.PackagePath> contents = new ArrayList<>();
    if (built.kind() == BuiltKind.JOIN) {
      List<Value.Item> items = Evaluator.items(built.paths());
      if (items == null) {
        return Optional.empty();
      }
      for (Value.Item item : items) {
        Optional<Pkg> linked = linkedPackage(item.value());
        if (linked.isEmpty()) {
          return Optional.empty();
        }
        contents.add(new ShellPiece.PackagePath(linked.get().path(), linked.get().instance(), linked.get().span()));
      }
    }
    return Optional.of(new ShellPiece.BuiltPath(built.builder(), built.name(), contents));
  }

  /** What a join links: a package, or a folder of one ({@code "${cuda_nvcc}/nvvm"}); empty for anything else. */
  private static Optional<Pkg> linkedPackage(Value value) {
    if (value instanceof Pkg pkg && !pkg.path().isEmpty()) {
      return Optional.of(pkg);
    }
    if (value instanceof Str str && !str.pieces().isEmpty() && str.pieces().get(0) instanceof Interpolation first
        && first.value() instanceof Pkg pkg && !pkg.path().isEmpty()
        && str.pieces().stream().skip(1).allMatch(piece -> piece instanceof Text text && text.text().startsWith("/"))) {
      return Optional.of(pkg);
    }
    return Optional.empty();
  }

  private static void addText(String text, List<ShellPiece> into) {
    if (!into.isEmpty() && into.get(into.size() - 1) instanceof ShellPiece.Literal previous) {
      into.set(into.size() - 1, new ShellPiece.Literal(previous.text() + text));
    } else {
      into.add(new ShellPiece.Literal(text));
    }
  }
}
