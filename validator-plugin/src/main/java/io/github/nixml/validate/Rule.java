package io.github.nixml.validate;

/**
 * A validation rule: a stable id, a default severity and one check. Implementations are small stateless classes,
 * safe to call from several threads at once; they report through the {@link FindingSink} they are given, which
 * already knows the rule id and the configured severity.
 *
 * <p>A rule checks either a project ({@link ProjectRule}: a directory holding a {@code flake.nix}) or every Nix
 * file under the root once ({@link NixFileRule}).
 */
public sealed interface Rule permits ProjectRule, NixFileRule {

  /** The id, default severity, description and help link of this rule. */
  RuleDescriptor descriptor();

  default String id() {
    return descriptor().id();
  }
}
