package io.github.nixml.nix.eval;

import java.util.Map;

/**
 * A scope chain: lexical bindings ({@code let}, {@code rec}, lambda parameters) and {@code with} scopes. Lexical
 * bindings always win over {@code with}; among {@code with} scopes the innermost wins, as in Nix.
 */
public final class Env {
  final Env parent;
  final Map<String, Thunk> vars;
  final Thunk withScope;

  private Env(Env parent, Map<String, Thunk> vars, Thunk withScope) {
    this.parent = parent;
    this.vars = vars;
    this.withScope = withScope;
  }

  static Env root(Map<String, Thunk> vars) {
    return new Env(null, vars, null);
  }

  Env bind(Map<String, Thunk> bindings) {
    return new Env(this, bindings, null);
  }

  Env with(Thunk scope) {
    return new Env(this, Map.of(), scope);
  }

  Thunk lexical(String name) {
    for (Env env = this; env != null; env = env.parent) {
      Thunk thunk = env.vars.get(name);
      if (thunk != null) {
        return thunk;
      }
    }
    return null;
  }
}
