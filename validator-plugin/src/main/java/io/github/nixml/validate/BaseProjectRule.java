package io.github.nixml.validate;

import java.util.Objects;

/** A {@link ProjectRule} whose descriptor is given once, to the constructor. */
public abstract class BaseProjectRule implements ProjectRule {
  private final RuleDescriptor descriptor;

  protected BaseProjectRule(RuleDescriptor descriptor) {
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
  }

  @Override
  public final RuleDescriptor descriptor() {
    return descriptor;
  }
}
