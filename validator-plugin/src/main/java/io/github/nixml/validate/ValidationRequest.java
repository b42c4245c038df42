package io.github.nixml.validate;

import java.nio.file.Path;
import java.util.Objects;

/** What to validate and how: the root directory and the configuration. */
public record ValidationRequest(Path root, ValidationConfig config) {
  public ValidationRequest {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(config, "config");
  }
}
