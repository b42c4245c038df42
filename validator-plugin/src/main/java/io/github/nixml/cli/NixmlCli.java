package io.github.nixml.cli;

import io.github.nixml.report.ToolInfo;
import java.io.PrintWriter;
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
    subcommands = {ValidateCommand.class, ExplainCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
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
    CommandLine commandLine = new CommandLine(new NixmlCli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(NixmlCli::toolFailure);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Without a command: the usage, as bad usage. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (validate, explain, rules)");
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
