package io.github.nixml.cli;

/** The command line's exit codes, the contract a hook or a CI step relies on. */
public final class ExitCode {
  /** Nothing at or above {@code --fail-on} (or a command that does not validate succeeded). */
  public static final int OK = 0;
  /** Findings at or above {@code --fail-on} that the baseline does not know. */
  public static final int FINDINGS = 1;
  /** Bad usage or configuration: an unknown command, option or value, a path or baseline that does not exist. */
  public static final int USAGE = 2;
  /** The tool itself failed: reports could not be written, an unexpected error. */
  public static final int TOOL_FAILURE = 3;

  private ExitCode() {}
}
