package io.github.nixml.validate.rules.venv;

import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellWord;
import java.util.List;

/** Shell commands that create or activate a Python venv, as hooks and FHS profiles run them. */
final class VenvCommands {
  private static final java.util.regex.Pattern PYTHON_PROGRAM = java.util.regex.Pattern.compile("python[0-9.]*");

  private VenvCommands() {}

  /** {@code python -m venv DIR}, {@code python -m virtualenv DIR}, {@code uv venv}, {@code virtualenv DIR}. */
  static boolean creates(ShellCommand command) {
    String program = command.programName();
    List<ShellWord> args = command.arguments();
    if (PYTHON_PROGRAM.matcher(program).matches() && args.size() >= 2 && "-m".equals(args.get(0).literal())) {
      String module = args.get(1).literal();
      return "venv".equals(module) || "virtualenv".equals(module);
    }
    return (program.equals("uv") && !args.isEmpty() && "venv".equals(args.get(0).literal()))
        || program.equals("virtualenv");
  }

  /** {@code source DIR/bin/activate} or {@code . DIR/bin/activate}. */
  static boolean activates(ShellCommand command) {
    List<ShellWord> args = command.arguments();
    String program = command.invocation().isEmpty() ? null : command.invocation().get(0).literal();
    return ("source".equals(program) || ".".equals(program)) && !args.isEmpty()
        && args.get(0).endsWith("bin/activate");
  }

  /**
   * {@code source $ACTIVATE}, {@code . "$VENV/bin/activate"}: a script named by a variable (or another expansion)
   * the model does not follow, which may be a venv's activation; not evidence that a venv is activated, but none
   * that it is not.
   */
  static boolean mayActivate(ShellCommand command) {
    List<ShellWord> args = command.arguments();
    String program = command.invocation().isEmpty() ? null : command.invocation().get(0).literal();
    return ("source".equals(program) || ".".equals(program)) && !args.isEmpty() && args.get(0).literal() == null;
  }

  static boolean anyCreatesOrActivates(List<ShellCommand> commands) {
    return commands.stream().anyMatch(command -> creates(command) || activates(command));
  }

  static boolean anyActivates(List<ShellCommand> commands) {
    return commands.stream().anyMatch(VenvCommands::activates);
  }
}
