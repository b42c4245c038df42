package io.github.nixml.validate.rules.venv;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.PythonInterpreter;
import io.github.nixml.model.VenvStrategy;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.facts.FlakeShells;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code venv-stale}: the venv on disk ({@code .venv/pyvenv.cfg}, or that of the directory the shell's venv
 * strategy makes) records a Python major.minor that no interpreter of the dev shell has. Why: the flake moved on
 * but the venv was not recreated ({@code venvShellHook} and {@code python -m venv} keep an existing venv), so its
 * {@code python} is the old store path, which garbage collection removes, and its compiled packages are built for
 * the old ABI. The message says how to recreate it.
 */
public final class VenvStaleRule extends BaseProjectRule {

  /** {@code version = 3.11.10} (venv, virtualenv) or {@code version_info = 3.12.1} (uv). */
  private static final Pattern VERSION = Pattern.compile("\\s*(version|version_info)\\s*=\\s*(3)\\.(\\d+)[.\\d]*.*");

  public VenvStaleRule() {
    super(RuleDescriptor.of("venv-stale", Severity.WARNING,
        "The venv on disk was made by another Python than the shell's interpreter."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    FlakeShells shells = FlakeShells.of(context);
    Set<String> versions = new LinkedHashSet<>();
    Optional<PythonInterpreter> first = Optional.empty();
    for (DevShell shell : shells.shells()) {
      for (PythonInterpreter interpreter : shell.interpreters()) {
        versions.add(interpreter.version());
        first = first.or(() -> Optional.of(interpreter));
      }
    }
    if (first.isEmpty()) {
      return;
    }
    Set<String> directories = new LinkedHashSet<>();
    directories.add(VenvNotIgnoredRule.VENV_DIRECTORY);
    shells.venvStrategies().forEach(strategy -> strategy.directory().ifPresent(directories::add));
    // devenv compares the interpreter recorded in its venv with the shell's on every entry and rebuilds it
    // (languages/python: `.devenv_interpreter`; `uv sync -p`): stale on disk, it is fixed by entering
    directories.remove(VenvStrategy.DEVENV_VENV);
    for (String directory : directories) {
      SourceFile config = context.pythonFile(directory + "/pyvenv.cfg");
      if (!config.isPresent()) {
        continue;
      }
      for (int line = 1; line <= config.lineCount(); line++) {
        Matcher matcher = VERSION.matcher(config.line(line));
        if (!matcher.matches()) {
          continue;
        }
        String recorded = matcher.group(2) + "." + matcher.group(3);
        if (!versions.contains(recorded)) {
          PythonInterpreter interpreter = first.get();
          sink.report(config.location(line, 1), "the venv " + directory + "/ was made by Python " + recorded
              + " but the dev shell's interpreter is " + interpreter.attribute() + " ("
              + shells.where(interpreter.ref().location()) + "): its python and compiled packages are stale;"
              + " recreate it: `rm -rf " + directory + "` and re-enter the shell (`direnv reload` or"
              + " `nix develop`)", List.of(shells.at(interpreter.ref().location())));
        }
        break;
      }
    }
  }
}
