package io.github.nixml.model;

import io.github.nixml.model.Domain.LibPath;
import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.nix.eval.Value.Interpolation;
import io.github.nixml.nix.eval.Value.Piece;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.eval.Value.Text;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;

/** Turns the string values of a shell (variables, hooks, runScript) into {@link ShellText}s. */
final class ShellTexts {
  private ShellTexts() {}

  static ShellText of(String name, Value value, SourceSpan span, boolean isHook, List<LibraryPath> libraryPaths,
      DevShellExtractor extractor) {
    StringBuilder out = new StringBuilder();
    boolean complete = render(value, out, libraryPaths, extractor);
    String cooked = isHook ? ShellComments.strip(out.toString()) : out.toString();
    return new ShellText(name, cooked, complete, span);
  }

  /** Appends the text of a string value; false when part of it is unknown. */
  private static boolean render(Value value, StringBuilder out, List<LibraryPath> libraryPaths,
      DevShellExtractor extractor) {
    if (value instanceof Str str) {
      boolean complete = true;
      for (Piece piece : str.pieces()) {
        if (piece instanceof Text literal) {
          out.append(literal.text());
        } else if (piece instanceof Interpolation interpolation) {
          Value inner = interpolation.value();
          if (inner instanceof Str || inner instanceof LibPath || inner instanceof Pkg) {
            complete &= render(inner, out, libraryPaths, extractor);
          } else {
            out.append("${").append(interpolation.source()).append('}');
            complete = false;
          }
        }
      }
      return complete;
    }
    // Known non-string values render by what they are, not how they were spelled (a let-bound name would hide it).
    if (value instanceof LibPath libPath) {
      libraryPaths.add(new LibraryPath(extractor.packageList(libPath.list()), libPath.span()));
      out.append("${lib.makeLibraryPath}");
      return true;
    }
    if (value instanceof Pkg pkg) {
      out.append("${").append(String.join(".", pkg.path())).append('}');
      return true;
    }
    out.append("${unknown}");
    return false;
  }
}
