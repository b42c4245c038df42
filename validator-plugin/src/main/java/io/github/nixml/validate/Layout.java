package io.github.nixml.validate;

/** Which dev-shell layout a project is expected to use. */
public enum Layout {
  /** Decide per shell from what the flake defines. */
  AUTO("auto"),
  /** {@code mkShell} with a venv hook and a library path on {@code LD_LIBRARY_PATH}. */
  LD_PATH("ld-path"),
  /** {@code buildFHSEnv} whose profile creates or activates the venv. */
  FHS("fhs");

  private final String id;

  Layout(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** @throws IllegalArgumentException naming the accepted values */
  public static Layout parse(String text) {
    return Choices.parse(Layout.class, "layout", text);
  }

  @Override
  public String toString() {
    return id;
  }
}
