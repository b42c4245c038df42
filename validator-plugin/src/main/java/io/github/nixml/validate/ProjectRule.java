package io.github.nixml.validate;

/** A rule that looks at one project (a directory with a {@code flake.nix}) through its {@link ProjectContext}. */
public non-sealed interface ProjectRule extends Rule {

  /** Reports what is wrong with this project; never throws on bad input. */
  void check(ProjectContext context, FindingSink sink);
}
