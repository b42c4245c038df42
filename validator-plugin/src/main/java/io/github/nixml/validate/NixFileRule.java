package io.github.nixml.validate;

/** A rule that looks at every {@code *.nix} file under the root, each exactly once, project or not. */
public non-sealed interface NixFileRule extends Rule {

  /** Reports what is wrong with this file; never throws on bad input. */
  void check(NixSource file, FindingSink sink);
}
