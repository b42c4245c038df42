package io.github.nixml.fix;

import io.github.nixml.model.DevShell;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.ast.BinOp;
import io.github.nixml.nix.ast.BinaryOperator;
import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.ast.Ident;
import io.github.nixml.nix.ast.Lambda;
import io.github.nixml.nix.ast.NixList;
import io.github.nixml.nix.ast.With;
import java.util.Optional;

/**
 * A package added to a {@code buildFHSEnv}'s {@code targetPkgs} (the fixes of {@code fhs-shell-not-provided} and
 * {@code wheel-library-missing}): it goes into the first list of
 * {@code targetPkgs = pkgs: …}, spelled {@code zsh} inside {@code with pkgs;} and {@code pkgs.zsh} outside.
 * Not offered when {@code targetPkgs} is not a function of one named argument whose body reaches a list literal
 * through {@code with}, parentheses and {@code ++}. And the fix of {@code fhs-target-pkgs-not-function}: a list
 * made a function.
 */
public final class TargetPkgsEdits {
  private TargetPkgsEdits() {}

  public static Optional<Fix> addToTargetPkgs(NixFile file, String path, DevShell shell, String attribute) {
    Optional<ShellEdits> edits = ShellEdits.of(file, path, shell);
    Optional<Expr> value = edits.flatMap(e -> e.binding("targetPkgs")).map(b -> b.value())
        .map(Expr::unparenthesized);
    if (value.isEmpty() || !(value.get() instanceof Lambda lambda) || lambda.param() == null
        || lambda.body() == null) {
      return Optional.empty();
    }
    String parameter = lambda.param().text();
    Expr body = lambda.body().unparenthesized();
    boolean inScope = false;
    while (true) {
      if (body instanceof With with && with.namespace() instanceof Ident scope
          && scope.name().equals(parameter) && with.body() != null) {
        inScope = true;
        body = with.body().unparenthesized();
      } else if (body instanceof BinOp op && op.operator() == BinaryOperator.CONCAT && op.lhs() != null) {
        body = op.lhs().unparenthesized();
      } else {
        break;
      }
    }
    if (!(body instanceof NixList list)) {
      return Optional.empty();
    }
    String element = inScope ? attribute : parameter + "." + attribute;
    return NixShellEdits.addListElement(file, path, list, element)
        .map(edit -> Fix.of("add " + attribute + " to targetPkgs", edit));
  }

  /**
   * {@code targetPkgs = [ … ];} made the function buildFHSEnv calls: {@code targetPkgs = _: [ … ];}. The list keeps
   * its own names ({@code _} shadows nothing), so it means what it meant. Not offered when the value is a
   * function already.
   */
  public static Optional<Fix> makeFunction(NixFile file, String path, DevShell shell, String attribute) {
    Optional<Expr> value = ShellEdits.of(file, path, shell).flatMap(e -> e.binding(attribute)).map(b -> b.value());
    if (value.isEmpty() || value.get().unparenthesized() instanceof Lambda) {
      return Optional.empty();
    }
    return Optional.of(Fix.of("make " + attribute + " a function of the package set",
        TextEdit.insert(path, value.get().offset(), "_: ")));
  }
}
