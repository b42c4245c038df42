package io.github.nixml.validate.rules.venv;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.NixShellEdits;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.model.DevShell;
import io.github.nixml.model.SourceSpan;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.ast.AttrSet;
import io.github.nixml.nix.ast.Binding;
import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.ast.StringLit;
import java.util.Optional;

/**
 * The fixes of the venv rules on an ld-path shell, computed on the tree of its {@code mkShell { … }} call:
 * {@code venv-dir-missing} adds {@code venvDir = ".venv";} after the packages attribute, and
 * {@code venv-hook-not-run} adds {@code runHook venvShellHook} as the last line of the custom {@code shellHook}.
 * Neither is offered when the shell's attributes are not a set literal or the hook is not a string literal.
 */
public final class VenvShellEdits {
  private VenvShellEdits() {}

  public static Optional<Fix> addVenvDir(NixFile file, String path, DevShell shell) {
    Optional<AttrSet> set = arguments(file, shell);
    if (set.isEmpty()) {
      return Optional.empty();
    }
    Optional<Binding> after = Optional.ofNullable(shell.packagesLocation())
        .flatMap(span -> bindingNamedAt(set.get(), span));
    return NixShellEdits.addBinding(file, path, set.get(), after, "venvDir = \".venv\";")
        .map(edit -> Fix.of("set venvDir = \".venv\" in the shell", edit));
  }

  public static Optional<Fix> runVenvHook(NixFile file, String path, DevShell shell) {
    return hookLine(file, path, shell, "shellHook", "runHook venvShellHook", NixShellEdits.Place.LAST)
        .map(edit -> Fix.of("run `runHook venvShellHook` at the end of the shellHook", edit));
  }

  /** An edit adding {@code line} to the string literal bound to {@code hook} in the shell's set. */
  public static Optional<TextEdit> hookLine(NixFile file, String path, DevShell shell, String hook, String line,
      NixShellEdits.Place place) {
    return arguments(file, shell)
        .flatMap(set -> NixShellEdits.binding(set, hook))
        .map(Binding::value)
        .map(Expr::unparenthesized)
        .filter(StringLit.class::isInstance)
        .flatMap(value -> NixShellEdits.addHookLine(file, path, (StringLit) value, line, place));
  }

  static Optional<AttrSet> arguments(NixFile file, DevShell shell) {
    SourceSpan call = shell.location();
    return NixShellEdits.callArguments(file, call.offset(), call.length());
  }

  private static Optional<Binding> bindingNamedAt(AttrSet set, SourceSpan name) {
    return set.bindings().stream()
        .filter(b -> b.attrpathSyntax() != null && b.attrpathSyntax().offset() == name.offset())
        .findFirst();
  }
}
