package io.github.nixml.validate.rules.lock;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.ast.AttrName;
import io.github.nixml.nix.ast.AttrSet;
import io.github.nixml.nix.ast.Binding;
import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.ast.LetIn;
import io.github.nixml.nix.ast.StringLit;
import io.github.nixml.nix.syntax.SyntaxElement;
import io.github.nixml.nix.syntax.SyntaxKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fix of {@code nixpkgs-branch-unsupported}: the branch in the input's URL literal ({@code inputs.X.url},
 * {@code inputs = { X.url = …; }}, {@code inputs.X = { url = …; }}) becomes the suggested release. The lock still
 * pins the old branch, so the fix says to run {@code nix flake update X}; until then the lock rules keep reporting.
 */
public final class InputUrlEdits {
  private InputUrlEdits() {}

  public static Optional<Fix> moveBranch(NixFile file, String path, String input, String branch, String target) {
    Optional<StringLit> url = urlLiteral(file, input);
    if (url.isEmpty() || url.get().hasInterpolation()) {
      return Optional.empty();
    }
    for (SyntaxElement part : url.get().syntax().childrenWithTokens()) {
      if (part.kind() != SyntaxKind.STR) {
        continue;
      }
      String text = part.text();
      int at = text.lastIndexOf(branch);
      int end = at + branch.length();
      boolean segment = at > 0 && (text.charAt(at - 1) == '/' || text.charAt(at - 1) == '=')
          && (end == text.length() || text.charAt(end) == '?' || text.charAt(end) == '&' || text.charAt(end) == '/');
      if (at > 0 && segment) {
        return Optional.of(Fix.of("follow " + target + " in input '" + input + "', then run `nix flake update "
            + input + "` to refresh flake.lock", TextEdit.replace(path, part.offset() + at, branch.length(), target)));
      }
    }
    return Optional.empty();
  }

  /** The URL string of an input, found by walking the top-level attribute set's {@code inputs}. */
  static Optional<StringLit> urlLiteral(NixFile file, String input) {
    Expr top = file.expression() == null ? null : file.expression().unparenthesized();
    while (top instanceof LetIn let && let.body() != null) {
      top = let.body().unparenthesized();
    }
    if (!(top instanceof AttrSet set)) {
      return Optional.empty();
    }
    List<String> wanted = List.of("inputs", input, "url");
    return find(set, new ArrayList<>(), wanted);
  }

  private static Optional<StringLit> find(AttrSet set, List<String> prefix, List<String> wanted) {
    for (Binding binding : set.bindings()) {
      List<String> path = new ArrayList<>(prefix);
      for (AttrName name : binding.attrpath()) {
        if (name.staticName() == null) {
          path = null;
          break;
        }
        path.add(name.staticName());
      }
      if (path == null || path.size() > wanted.size() || !wanted.subList(0, path.size()).equals(path)) {
        continue;
      }
      Expr value = binding.value() == null ? null : binding.value().unparenthesized();
      if (path.equals(wanted) && value instanceof StringLit literal) {
        return Optional.of(literal);
      }
      if (value instanceof AttrSet inner) {
        Optional<StringLit> found = find(inner, path, wanted);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
