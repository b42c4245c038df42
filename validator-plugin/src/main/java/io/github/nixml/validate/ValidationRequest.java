package io.github.nixml.validate;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to validate and how: the root directory and the configuration. {@code pending} holds file texts that
 * stand in for what is on disk (root-relative path → text): the fixer validates its edits before writing them.
 */
public record ValidationRequest(Path root, ValidationConfig config, Map<String, String> pending) {
  public ValidationRequest {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(config, "config");
    pending = Map.copyOf(pending);
  }

  public ValidationRequest(Path root, ValidationConfig config) {
    this(root, config, Map.of());
  }
}
