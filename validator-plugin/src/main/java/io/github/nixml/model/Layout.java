package io.github.nixml.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The two ways the project templates build a Python ML dev shell, and, for configuration, {@link #AUTO}: the layout a
 * project is expected to use. A {@link DevShell} is always {@link #LD_PATH} or {@link #FHS}.
 */
public enum Layout {
  /** Decide per shell from what the flake defines. */
  AUTO("auto"),
  /** {@code mkShell} with a venv hook and a library path on {@code LD_LIBRARY_PATH}. */
  LD_PATH("ld-path"),
  /** {@code buildFHSEnv} whose profile creates or activates the venv. */
  FHS("fhs"),
  /** numtide devshell's {@code mkShell}: packages, an {@code env} list and startup hooks; not a configurable layout. */
  DEVSHELL("devshell"),
  /** devenv's {@code mkShell}: modules with {@code languages.python}, packages, env and {@code enterShell}. */
  DEVENV("devenv");

  private final String id;

  Layout(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** @throws IllegalArgumentException naming the accepted values */
  public static Layout parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    List<Layout> configurable = List.of(AUTO, LD_PATH, FHS);
    return configurable.stream().filter(layout -> layout.id.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown layout '" + text + "' (expected one of "
            + configurable.stream().map(Layout::id).collect(Collectors.joining(", ")) + ")"));
  }

  @Override
  public String toString() {
    return id;
  }
}
