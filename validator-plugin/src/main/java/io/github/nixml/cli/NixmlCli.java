package io.github.nixml.cli;

import io.github.nixml.report.ToolInfo;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar nixml-cli.jar}: the validator outside Maven, for pre-commit hooks, non-JVM CI jobs and laptops.
 * Each command is a thin adapter like the mojo: {@code validate} shares the mojo's parameter handling
 * ({@link io.github.nixml.run.ValidateParameters}) and run ({@link io.github.nixml.run.ValidationRun}). Commands
 * that change files ({@code fix}, {@code set-python}) are added here as further subcommands over the same engine.
 */
@Command(name = "nixml", mixinStandardHelpOptions = true, versionProvider = NixmlCli.Version.class,
    description = "Checks Nix flake + Python + CUDA dev-shell projects.",
    subcommands = {ValidateCommand.class, DoctorCommand.class, ShowCommand.class, ExplainCommand.class, RulesCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing at or above --fail-on",
        "1:findings at or above --fail-on (not in the baseline)",
        "2:bad usage or configuration",
        "3:the tool itself failed"})
public final class NixmlCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs one command line and returns its exit code; {@code out} gets results, {@code err} problems. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), false, args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, String...)}, {@code doctor} examining {@code environment}. */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
    return run(out, err, environment, false, args);
  }

  /** {@link #run(PrintWriter, PrintWriter, String...)}; {@code picocliOnly}: never the plain reading (tests). */
  static int run(PrintWriter out, PrintWriter err, boolean picocliOnly, String... args) {
    return run(out, err, System.getenv(), picocliOnly, args);
  }

  private static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, boolean picocliOnly,
      String... args) {
    if (args.length > 0 && args[0].equals("validate") && !picocliOnly) {
      ValidateCommand plain = ValidateCommand.plain(java.util.Arrays.asList(args).subList(1, args.length));
      if (plain != null) {
        int code;
        try {
          code = plain.execute(out, err);
        } catch (RuntimeException e) {
          err.println("nixml: internal error (please report it): " + e);
          code = ExitCode.TOOL_FAILURE;
        }
        out.flush();
        err.flush();
        return code;
      }
    }
    CommandLine commandLine = new CommandLine(new NixmlCli());
    ((DoctorCommand) commandLine.getSubcommands().get("doctor").getCommand()).environment = environment;
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(NixmlCli::toolFailure);
    Optional<String> unknown = unknownCommand(commandLine, args);
    int code;
    if (unknown.isPresent()) {
      err.println("nixml: unknown command '" + unknown.get() + "'");
      err.println("Commands: " + String.join(", ", commandLine.getSubcommands().keySet())
          + ". Run 'nixml --help' for the usage.");
      code = ExitCode.USAGE;
    } else {
      code = commandLine.execute(args);
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The first word that should name a command and names none ({@code nixml triage}, also {@code nixml help triage}).
   * Checked before picocli parses, since a {@code --help} anywhere would otherwise print the top-level help and
   * succeed: a script calling a command this version lacks must fail. The top-level options take no values, so
   * the first argument not starting with {@code -} is the command.
   */
  private static Optional<String> unknownCommand(CommandLine commandLine, String... args) {
    Map<String, CommandLine> commands = commandLine.getSubcommands();
    int at = firstWord(args, 0);
    if (at < 0) {
      return Optional.empty();
    }
    if (!commands.containsKey(args[at])) {
      return Optional.of(args[at]);
    }
    int topic = firstWord(args, at + 1);
    boolean helpOnTopic = topic >= 0 && commands.get(args[at]).getCommand() instanceof CommandLine.HelpCommand;
    return helpOnTopic && !commands.containsKey(args[topic]) ? Optional.of(args[topic]) : Optional.empty();
  }

  /** The index of the first argument from {@code from} on that is not an option, or -1. */
  private static int firstWord(String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      if (!args[i].startsWith("-")) {
        return i;
      }
    }
    return -1;
  }

  /** Without a command: the usage, as bad usage. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (validate, doctor, show, explain, rules)");
  }

  /** An unexpected exception is the tool's failure, reported in one line with its cause (exit code 3). */
  private static int toolFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
    commandLine.getErr().println("nixml: internal error (please report it): " + e);
    return ExitCode.TOOL_FAILURE;
  }

  /** {@code nixml 0.1.0}, from the packaged Maven metadata. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {ToolInfo.NAME + " " + ToolInfo.current().version()};
    }
  }
}
