package io.github.nixml.cli;

import io.github.nixml.run.ConfigurationException;
import io.github.nixml.run.RunLog;
import io.github.nixml.run.RunOutcome;
import io.github.nixml.run.ValidateParameters;
import io.github.nixml.run.ValidateSettings;
import io.github.nixml.run.ValidationRun;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.WarmUp;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nixml validate [PATH…]}: the {@code nixml:validate} goal on the command line, with the goal's defaults but
 * one: it writes nothing into the trees it checks, report files go only where {@code --output} says. A PATH is a
 * directory to check, or a file standing for the project that holds it (the nearest directory above it with a
 * {@code flake.nix}), as a pre-commit hook passes the changed files.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Checks the projects under each PATH (a directory, or a file: the project holding it).")
final class ValidateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Directories to check, or files whose project to check (default: the current directory).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMATS",
      description = "Comma-separated report formats: text (standard output), sarif, junit, json, html (files, which need"
          + " --output). Default: " + ValidateParameters.CONSOLE_FORMATS + ", or "
          + ValidateParameters.DEFAULT_FORMATS + " with --output.")
  String formats;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Where report files go. Without it nothing is written: findings go to standard output only.")
  Path output;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = ValidateParameters.DEFAULT_FAIL_ON,
      description = "Lowest severity that fails (exit code 1): error, warning, note or none (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--layout", defaultValue = ValidateParameters.DEFAULT_LAYOUT,
      description = "Dev-shell layout: auto, ld-path or fhs (default: ${DEFAULT-VALUE}).")
  String layout;

  @Option(names = "--cuda", defaultValue = ValidateParameters.DEFAULT_CUDA,
      description = "CUDA expectations: auto, required or off (default: ${DEFAULT-VALUE}).")
  String cuda;

  @Option(names = "--disable", paramLabel = "RULES", description = "Comma-separated rule ids not to run.")
  List<String> disabled = new ArrayList<>();

  @Option(names = "--severity", paramLabel = "RULE=LEVEL",
      description = "A rule's severity: error, warning, note or off (repeatable).")
  Map<String, String> severities;

  @Option(names = "--baseline", paramLabel = "SARIF",
      description = "An earlier nixml.sarif: findings already in it do not fail, only new ones.")
  Path baseline;

  @Option(names = "--today", paramLabel = "DATE",
      description = "The day the flake.lock rules judge by, an ISO date (default: the clock).")
  String today;

  @Option(names = "--max-lock-age-days", paramLabel = "DAYS",
      defaultValue = ValidateParameters.DEFAULT_MAX_LOCK_AGE_DAYS,
      description = "A locked nixpkgs older than this is stale (default: ${DEFAULT-VALUE}).")
  int maxLockAgeDays;

  @Option(names = "--max-file-bytes", paramLabel = "BYTES", defaultValue = ValidateParameters.DEFAULT_MAX_FILE_BYTES,
      description = "Larger files are reported, not read (default: ${DEFAULT-VALUE}).")
  long maxFileBytes;

  @Option(names = "--supported-branches", paramLabel = "BRANCHES",
      description = "Comma-separated nixpkgs branches to accept instead of the computed release calendar.")
  String supportedBranches;

  @Override
  public Integer call() {
    return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * {@code validate} with plain arguments, read without picocli: building picocli's model of the commands costs
   * about 0.1 s of a 0.3 s run (reflection over the annotations, interpreted). Only the common shape is read
   * here: paths and {@code --option value} / {@code --option=value} of the options above, each single-valued
   * option at most once, no value starting with {@code -} or {@code @}; anything else (help, unknown options,
   * argument files, {@code --}, bad numbers) returns null and goes through picocli, which reports it. Both read
   * the same arguments the same way ({@code NixmlCliTest}).
   *
   * @param args the arguments after {@code validate}
   */
  static ValidateCommand plain(List<String> args) {
    ValidateCommand command = new ValidateCommand();
    command.failOn = ValidateParameters.DEFAULT_FAIL_ON;
    command.layout = ValidateParameters.DEFAULT_LAYOUT;
    command.cuda = ValidateParameters.DEFAULT_CUDA;
    command.maxLockAgeDays = Integer.parseInt(ValidateParameters.DEFAULT_MAX_LOCK_AGE_DAYS);
    command.maxFileBytes = Long.parseLong(ValidateParameters.DEFAULT_MAX_FILE_BYTES);
    Set<String> seen = new java.util.HashSet<>();
    try {
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.startsWith("@")) {
          return null;
        }
        if (!arg.startsWith("-")) {
          command.paths.add(Path.of(arg));
          continue;
        }
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg : arg.substring(0, equals);
        String value;
        if (equals >= 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          return null;
        }
        if (value.startsWith("-") || value.startsWith("@")
            || (!name.equals("--disable") && !name.equals("--severity") && !seen.add(name))) {
          return null;
        }
        switch (name) {
          case "--format" -> command.formats = value;
          case "--output" -> command.output = Path.of(value);
          case "--fail-on" -> command.failOn = value;
          case "--layout" -> command.layout = value;
          case "--cuda" -> command.cuda = value;
          case "--disable" -> command.disabled.add(value);
          case "--severity" -> {
            int at = value.indexOf('=');
            if (at < 0) {
              return null;
            }
            if (command.severities == null) {
              command.severities = new java.util.LinkedHashMap<>();
            }
            command.severities.put(value.substring(0, at), value.substring(at + 1));
          }
          case "--baseline" -> command.baseline = Path.of(value);
          case "--today" -> command.today = value;
          case "--max-lock-age-days" -> command.maxLockAgeDays = Integer.parseInt(value);
          case "--max-file-bytes" -> command.maxFileBytes = Long.parseLong(value);
          case "--supported-branches" -> command.supportedBranches = value;
          default -> {
            return null;
          }
        }
      }
    } catch (RuntimeException e) { // a bad number or path: picocli's message
      return null;
    }
    return command;
  }

  /** Runs the validation; results to {@code out}, problems to {@code err}; returns the exit code. */
  int execute(PrintWriter out, PrintWriter err) {
    try {
      List<Path> roots = roots();
      roots.stream().findFirst().ifPresent(WarmUp::start);
      Validator validator = new Validator(BuiltInRules.registry());
      ValidateSettings settings = new ValidateParameters()
          .failOn(failOn)
          .formats(formats)
          .outputDirectory(output)
          .reportFilesOnlyIn("--output")
          .layout(layout)
          .cuda(cuda)
          .disabledRules(String.join(",", disabled))
          .severities(severities)
          .baseline(baseline)
          .today(today)
          .maxLockAgeDays(maxLockAgeDays)
          .maxFileBytes(maxFileBytes)
          .supportedBranches(supportedBranches)
          .settings(validator.registry());
      long failing = 0;
      List<String> failures = new ArrayList<>();
      for (Path root : roots) {
        ValidateSettings forRoot = output == null || roots.size() == 1 ? settings
            : withOutput(settings, output.resolve(outputName(root)));
        RunOutcome outcome = new ValidationRun(validator, forRoot, new PrintingLog(out)).run(root);
        failing += outcome.failing();
        if (outcome.failed()) {
          failures.add(outcome.failureMessage("--fail-on"));
        }
      }
      for (String failure : failures) {
        err.println("nixml: " + failure);
      }
      return failing > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    } catch (ConfigurationException e) {
      err.println(e.getMessage());
      return ExitCode.USAGE;
    } catch (ValidationException e) {
      err.println(e.getMessage());
      return ExitCode.TOOL_FAILURE;
    }
  }

  private static ValidateSettings withOutput(ValidateSettings settings, Path output) {
    return new ValidateSettings(settings.gate(), settings.formats(), output, settings.config(), settings.baseline());
  }

  /**
   * The directories to validate, in the order given, without repeats and without those inside another one.
   *
   * @throws ConfigurationException for a PATH that does not exist
   */
  List<Path> roots() throws ConfigurationException {
    List<Path> given = paths.isEmpty() ? List.of(Path.of("")) : paths;
    Set<Path> roots = new LinkedHashSet<>();
    for (Path path : given) {
      Path absolute = path.toAbsolutePath().normalize();
      if (!Files.exists(absolute)) {
        throw new ConfigurationException(absolute + " does not exist");
      }
      roots.add(Files.isDirectory(absolute) ? absolute : projectHolding(absolute));
    }
    List<Path> outermost = new ArrayList<>();
    for (Path root : roots) {
      boolean covered = false;
      for (Path other : roots) {
        covered |= !other.equals(root) && root.startsWith(other);
      }
      if (!covered) {
        outermost.add(root);
      }
    }
    return outermost;
  }

  /** The nearest directory above {@code file} holding a flake.nix, else the file's own directory. */
  static Path projectHolding(Path file) {
    for (Path directory = file.getParent(); directory != null; directory = directory.getParent()) {
      if (Files.isRegularFile(directory.resolve(ProjectContext.FLAKE_NIX))) {
        return directory;
      }
    }
    return file.getParent();
  }

  /** With several roots and one --output, each root's reports go to a folder named after it. */
  private static String outputName(Path root) {
    Path current = Path.of("").toAbsolutePath();
    Path relative = root.startsWith(current) ? current.relativize(root) : root.getRoot().relativize(root);
    String name = relative.toString().replace(root.getFileSystem().getSeparator(), "_");
    return name.isEmpty() ? "_" : name;
  }

  /** Every line to standard output, as is: findings, notices, the summary, the reports written. */
  private static final class PrintingLog implements RunLog {
    private final PrintWriter out;

    PrintingLog(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void error(String line) {
      out.println(line);
    }

    @Override
    public void warn(String line) {
      out.println(line);
    }

    @Override
    public void info(String line) {
      out.println(line);
    }
  }
}
