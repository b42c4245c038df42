package io.github.nixml.fix;

import io.github.nixml.model.DevShell;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.ast.AttrSet;
import io.github.nixml.nix.ast.Binding;
import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.ast.StringLit;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One dev shell's call ({@code pkgs.mkShell { … }}, {@code pkgs.buildFHSEnv { … }}) in the tree of its
 * flake.nix, for the fixes that edit it: its attribute set, its hooks, a new binding or hook line.
 */
public record ShellEdits(NixFile file, String path, DevShell shell, AttrSet arguments) {

  /** The shell's call in {@code file} (at {@code path}), when its attributes are a set literal. */
  public static Optional<ShellEdits> of(NixFile file, String path, DevShell shell) {
    SourceSpan call = shell.location();
    return NixShellEdits.callArguments(file, call.offset(), call.length())
        .map(set -> new ShellEdits(file, path, shell, set));
  }

  public Optional<Binding> binding(String name) {
    return NixShellEdits.binding(arguments, name);
  }

  /** The string literal bound to {@code name}, when it is one. */
  public Optional<StringLit> stringBinding(String name) {
    return binding(name).map(Binding::value).map(Expr::unparenthesized)
        .filter(StringLit.class::isInstance).map(StringLit.class::cast);
  }

  /** Inserts {@code bindingText} after the binding of {@code after} (else after the last one). */
  public Optional<TextEdit> addBinding(String after, String bindingText) {
    return NixShellEdits.addBinding(file, path, arguments, binding(after), bindingText);
  }

  /**
   * Adds {@code line} (shell text, escaped here for the string it goes into) to the hook {@code hook} when it is a
   * string literal; when the shell has no such hook, adds one, an indented string holding {@code line} (and
   * {@code extraLines} after it). Empty when the hook exists but is not a literal (a variable, a function call,
   * a concatenation with {@code +}).
   */
  public Optional<TextEdit> addHookLine(String hook, String line, NixShellEdits.Place place, String... extraLines) {
    if (binding(hook).isPresent()) {
      return stringBinding(hook).flatMap(lit -> NixShellEdits.addHookLine(file, path, lit, line, place));
    }
    Optional<Binding> last = arguments.bindings().isEmpty() ? Optional.empty()
        : Optional.of(arguments.bindings().get(arguments.bindings().size() - 1));
    String indent = last.map(b -> NixEdits.indentationAt(file.text(), b.syntax().offset())).orElse("");
    StringBuilder hookText = new StringBuilder(hook).append(" = ''");
    for (String shellLine : Stream.concat(Stream.of(line), Stream.of(extraLines)).toList()) {
      hookText.append('\n').append(indent).append("  ").append(StringLit.escape(shellLine, true));
    }
    hookText.append('\n').append(indent).append("'';");
    return NixShellEdits.addBinding(file, path, arguments, last, hookText.toString());
  }
}
