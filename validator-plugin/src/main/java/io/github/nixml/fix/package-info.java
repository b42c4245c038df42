/**
 * Fixes: what would make a finding go away, as immutable text edits ({@link io.github.nixml.fix.TextEdit}) with a
 * description ({@link io.github.nixml.fix.Fix}), and the machinery to apply them safely: edits on Nix files are
 * computed from the lossless tree and checked against it ({@link io.github.nixml.fix.NixEdits}), written atomically
 * ({@link io.github.nixml.fix.AtomicFiles}) and shown as unified diffs ({@link io.github.nixml.fix.UnifiedDiff}).
 * JDK and {@code io.github.nixml.nix} only; the fixer loop that validates between passes is
 * {@code io.github.nixml.validate.Fixer}.
 */
package io.github.nixml.fix;
