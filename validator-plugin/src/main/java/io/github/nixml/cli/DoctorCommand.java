package io.github.nixml.cli;

import io.github.nixml.doctor.Doctor;
import io.github.nixml.doctor.DoctorRun;
import io.github.nixml.report.ConsoleReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nixml doctor [--root DIR] [PATH]}: run inside a project's dev shell, checks what the static rules predict
 * against the live environment (the venv's wheels and the libraries the loader finds for them, the NVIDIA driver
 * against the wheels' CUDA, the interpreter). Reads files only: runs no Python, no ldd, no nvidia-smi.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Checks the live dev shell: libraries the venv's wheels need, the NVIDIA driver against their CUDA,"
        + " the venv's interpreter. Runs nothing, reads files only.")
final class DoctorCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** The environment examined; the process's own unless a caller hands another (tests). */
  Map<String, String> environment = System.getenv();

  @Parameters(paramLabel = "PATH", arity = "0..1",
      description = "The project folder (default: the current directory).")
  Path project;

  @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
      description = "Host root the host files are read under (/proc/driver/nvidia/version, /etc/ld.so.cache, the"
          + " default library folders); default: ${DEFAULT-VALUE}.")
  Path root;

  @Option(names = "--format", paramLabel = "FORMATS",
      description = "Comma-separated report formats: text, sarif, junit, json, html (files need --output)."
          + " Default: text, or text,sarif with --output.")
  String formats;

  @Option(names = "--output", paramLabel = "DIR", description = "Where report files go.")
  Path output;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
      description = "Lowest severity that fails (exit code 1): error, warning, note or none (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DoctorRun.Outcome outcome;
    try {
      DoctorRun.Settings settings = DoctorRun.Settings.parse(failOn, formats, output, "--output");
      Doctor.Request request = new Doctor.Request(project == null ? Path.of("") : project, root, environment);
      outcome = DoctorRun.run(request, settings);
    } catch (IllegalArgumentException e) {
      err.println("nixml: invalid configuration: " + e.getMessage());
      return ExitCode.USAGE;
    } catch (IOException e) {
      err.println("nixml: cannot write reports to " + output + ": " + e.getMessage());
      return ExitCode.TOOL_FAILURE;
    }
    outcome.printed().forEach(finding -> out.println(ConsoleReport.line(finding)));
    outcome.lines().forEach(out::println);
    if (outcome.failed()) {
      err.println("nixml: " + outcome.failureMessage("--fail-on"));
      return ExitCode.FINDINGS;
    }
    return ExitCode.OK;
  }
}
