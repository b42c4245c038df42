package io.github.nixml.cli;

import io.github.nixml.report.NixmlPage;
import io.github.nixml.report.TextPage;
import io.github.nixml.report.ToolInfo;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nixml show [PATH]}: each dev shell as nixml understood it, as text (the dev-shell part of the HTML report),
 * for terminals and bug reports. It checks nothing and always exits 0 on a readable directory.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Prints each dev shell of the projects under PATH as nixml understood it: interpreter, packages"
        + " with their nixpkgs instance and platforms, library path, variables, hook commands, venv strategy and"
        + " every unknown with its reason.")
final class ShowCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..1",
      description = "A directory, or a file whose project to show (default: the current directory).")
  Path path;

  @Override
  public Integer call() {
    Path absolute = (path == null ? Path.of("") : path).toAbsolutePath().normalize();
    if (!Files.exists(absolute)) {
      spec.commandLine().getErr().println("nixml: invalid configuration: " + absolute + " does not exist");
      return ExitCode.USAGE;
    }
    Path root = Files.isDirectory(absolute) ? absolute : ValidateCommand.projectHolding(absolute);
    ValidationConfig config = ValidationConfig.defaults();
    try {
      ValidationResult result = new Validator(BuiltInRules.registry()).validate(new ValidationRequest(root, config));
      spec.commandLine().getOut().print(TextPage.shells(NixmlPage.of(result, config, ToolInfo.current())));
      return ExitCode.OK;
    } catch (ValidationException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCode.TOOL_FAILURE;
    }
  }
}
