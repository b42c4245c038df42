package io.github.nixml.model;

import io.github.nixml.nix.syntax.SourceSpan;

/**
 * A string a shell defines: an environment variable, a hook ({@code shellHook}, {@code profile}) or the FHS
 * {@code runScript}. {@code text} is cooked: escapes resolved, known interpolations inlined, unknown ones kept as
 * {@code ${source}}; for hooks shell comments are removed. {@code complete} is false when an interpolation could
 * not be resolved (the text may then contain anything).
 *
 * @param location where the attribute is named ({@code shellHook = …}), or the string itself for runScript
 */
public record ShellText(String name, String text, boolean complete, SourceSpan location) {}
