package io.github.nixml.validate.rules.venv;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.ShellWord;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fhs-venv-missing}: the project installs with pip into an FHS environment's interpreter: the
 * {@code profile} or {@code runScript} runs {@code pip install}, or the project keeps a {@code requirements*.txt},
 * while neither creates ({@code python -m venv}, {@code uv venv}, {@code virtualenv}) nor activates
 * ({@code source …/bin/activate}) a venv and no other venv maker (uv, pixi, poetry, pdm, hatch, virtualenv: in the texts, in
 * {@code targetPkgs} or by its lock file) is in sight. Why: {@code pip install} then targets the interpreter in the
 * Nix store and fails with "Read-only file system", or packages land in {@code ~/.local} and leak between projects.
 * Under the nixml contract (a configured layout) every FHS profile makes the venv, as the template does.
 */
public final class FhsVenvMissingRule extends DevShellRule {
  /** Tools that make venvs; {@code virtualenv} in the packages is the NixOS wiki's FHS recipe, venvs made by hand. */
  private static final Set<String> VENV_MAKERS = Set.of("uv", "pixi", "poetry", "pdm", "hatch", "conda", "mamba",
      "micromamba", "virtualenv");
  private static final List<String> MAKER_LOCKS = List.of("uv.lock", "pixi.lock", "pixi.toml", "poetry.lock",
      "pdm.lock");

  public FhsVenvMissingRule() {
    super(RuleDescriptor.of("fhs-venv-missing", Severity.ERROR,
        "The project installs with pip into an FHS interpreter without a venv."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.layout() != Layout.FHS) {
      return;
    }
    Optional<ShellText> profile = shell.hook("profile");
    List<ShellText> texts = new ArrayList<>();
    profile.ifPresent(texts::add);
    shell.runScript().ifPresent(texts::add);
    if (profile.isEmpty() ? !shell.attributesComplete() : !profile.get().complete()) {
      return;
    }
    if (profile.isPresent() && VenvCommands.anyCreatesOrActivates(profile.get().commands())) {
      return;
    }
    if (model.strict()) {
      reportContract(shell, profile, model, sink);
      return;
    }
    if (texts.stream().anyMatch(text -> !text.complete())
        || texts.stream().anyMatch(text -> VenvCommands.anyCreatesOrActivates(text.commands()))
        || texts.stream().flatMap(text -> text.commands().stream()).anyMatch(VenvCommands::mayActivate)
        || venvMakerInSight(shell, texts, model.context())) {
      return;
    }
    for (ShellText text : texts) {
      for (ShellCommand command : text.commands()) {
        if (pipInstall(command)) {
          sink.report(model.at(text.location()), "this " + (text == profile.orElse(null) ? "profile" : "runScript")
              + " runs pip install into the FHS environment's interpreter without a venv: pip targets the Nix "
              + "store (\"Read-only file system\") or ~/.local; create and activate one first in the profile "
              + "(`[[ -d .venv ]] || python -m venv .venv` and `source .venv/bin/activate`)");
          return;
        }
      }
    }
    requirementsFile(model.context()).ifPresent(file -> sink.report(
        model.at(profile.isPresent() ? profile.get().location() : shell.location()),
        "the project installs with pip (" + file + ") but this FHS environment neither creates nor activates a "
            + "venv: pip targets the Nix store (\"Read-only file system\") or ~/.local; add "
            + "`[[ -d .venv ]] || python -m venv .venv` and `source .venv/bin/activate` to the profile"));
  }

  private static void reportContract(DevShell shell, Optional<ShellText> profile, FlakeShells model,
      FindingSink sink) {
    if (profile.isEmpty()) {
      sink.report(model.at(shell.location()),
          "this FHS environment has no profile, so no venv is created or activated; add a profile that runs "
              + "`python -m venv .venv` (once) and `source .venv/bin/activate`");
      return;
    }
    sink.report(model.at(profile.get().location()),
        "this profile neither creates nor activates a venv; add `python -m venv .venv` (once) and "
            + "`source .venv/bin/activate`");
  }

  /** {@code pip install …}, {@code pip3 install …}, {@code python -m pip install …}. */
  static boolean pipInstall(ShellCommand command) {
    String program = command.programName();
    List<ShellWord> args = command.arguments();
    if (program.matches("pip[0-9.]*")) {
      return !args.isEmpty() && "install".equals(args.get(0).literal());
    }
    return program.matches("python[0-9.]*") && args.size() >= 3 && "-m".equals(args.get(0).literal())
        && "pip".equals(args.get(1).literal()) && "install".equals(args.get(2).literal());
  }

  private static boolean venvMakerInSight(DevShell shell, List<ShellText> texts, ProjectContext context) {
    boolean inTexts = texts.stream().flatMap(text -> text.commands().stream())
        .anyMatch(command -> VENV_MAKERS.contains(command.programName()));
    // `python311.withPackages (p: [ p.virtualenv ])` brings the module and its command
    boolean inPackages = java.util.stream.Stream.concat(shell.packages().packages().stream(),
        shell.packages().pythonModules().stream()).map(PackageRef::last).anyMatch(VENV_MAKERS::contains);
    boolean byLock = MAKER_LOCKS.stream().anyMatch(name -> context.pythonFile(name).isPresent());
    // a package the project builds may install one (a miniconda installer wrapped by `runCommand`)
    return inTexts || inPackages || byLock || shell.packages().ownDerivations();
  }

  /** The first {@code requirements*.txt} of the Python project's directory, by name. */
  private static Optional<String> requirementsFile(ProjectContext context) {
    String directory = context.pythonDirectory();
    Path dir = directory.isEmpty() ? context.root() : context.root().resolve(directory);
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "requirements*.txt")) {
      files.forEach(file -> names.add(file.getFileName().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
    return names.stream().sorted().findFirst();
  }
}
