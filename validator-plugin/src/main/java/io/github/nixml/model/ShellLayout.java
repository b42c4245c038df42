package io.github.nixml.model;

/** The two ways the project templates build a Python ML dev shell. */
public enum ShellLayout {
  /** {@code mkShell} + {@code venvShellHook} + a library list exported on {@code LD_LIBRARY_PATH}. */
  LD_PATH,
  /** {@code buildFHSEnv} whose profile creates the venv. */
  FHS
}
