package io.github.nixml.validate;

import java.util.Objects;

/** A {@link NixFileRule} whose descriptor is given once, to the constructor. */
public abstract class BaseNixFileRule implements NixFileRule {
  private final RuleDescriptor descriptor;

  protected BaseNixFileRule(RuleDescriptor descriptor) {
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
  }

  @Override
  public final RuleDescriptor descriptor() {
    return descriptor;
  }
}
