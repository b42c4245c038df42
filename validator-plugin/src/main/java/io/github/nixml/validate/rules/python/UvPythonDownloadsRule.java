package io.github.nixml.validate.rules.python;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.PythonInterpreter;
import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.ShellWord;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectFacet;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.python.PythonRequest;
import io.github.nixml.validate.python.VersionSpecifierSet;
import io.github.nixml.toml.TomlDocument;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code uv-python-downloads}: uv is in the shell but none of {@code UV_PYTHON_DOWNLOADS=never} (or
 * {@code manual}), {@code UV_PYTHON_PREFERENCE=only-system} or {@code UV_PYTHON} is set, as a shell attribute or
 * exported by a hook: each alone keeps uv on an interpreter that is already there. Why: when the Nix
 * interpreter does not match what uv wants, uv silently downloads a standalone CPython; the venv then runs
 * outside Nix and native wheels fail on missing libraries.
 */
public final class UvPythonDownloadsRule extends DevShellRule {

  private static final Set<String> NO_DOWNLOADS = Set.of("never", "manual");

  public UvPythonDownloadsRule() {
    super(RuleDescriptor.of("uv-python-downloads", Severity.WARNING,
        "uv is in the shell but none of UV_PYTHON_DOWNLOADS=never, UV_PYTHON_PREFERENCE=only-system, UV_PYTHON is set."));
  }

  /**
   * {@code uv venv --python ${pkgs.python312}} (or {@code uv sync -p …}): the project's venv is made from a Nix
   * interpreter, and uv keeps using it while it satisfies the project.
   */
  static boolean venvFromNixInterpreter(ShellCommand command) {
    if (!command.programName().equals("uv") || command.arguments().isEmpty()) {
      return false;
    }
    String subcommand = command.arguments().get(0).literal();
    if (!"venv".equals(subcommand) && !"sync".equals(subcommand)) {
      return false;
    }
    List<ShellWord> arguments = command.arguments();
    for (int i = 1; i < arguments.size(); i++) {
      String flag = arguments.get(i).literal();
      ShellWord value = null;
      if (("--python".equals(flag) || "-p".equals(flag)) && i + 1 < arguments.size()) {
        value = arguments.get(i + 1);
      } else if (arguments.get(i).segments().size() > 1 && arguments.get(i).segments().get(0)
          instanceof ShellWord.Text text && text.text().equals("--python=")) {
        value = new ShellWord(arguments.get(i).segments().subList(1, arguments.get(i).segments().size()));
      }
      if (value != null && value.segments().stream().anyMatch(segment -> segment instanceof ShellWord.Piece piece
          && piece.piece().packagePaths().stream().anyMatch(path -> path.attrPath().get(0).startsWith("python")))) {
        return true;
      }
    }
    return false;
  }

  /** An interpreter package, versioned or not ({@code python3}, {@code python312}, {@code python3Full}). */
  private static boolean isPython(PackageRef ref) {
    return PYTHON_ATTRIBUTE.matcher(ref.attrPath().get(0)).matches();
  }

  private static final java.util.regex.Pattern PYTHON_ATTRIBUTE =
      java.util.regex.Pattern.compile("(python\\d*|pypy\\d*)(Full|Minimal|_freethreading)?");

  /**
   * Whether every interpreter the shell brings has a known version that the project's requires-python admits,
   * with no .python-version asking for another: uv then finds what it needs on PATH.
   */
  private static boolean satisfiesProject(DevShell shell, FlakeShells model) {
    // plain python3 counts with the version the facts per release give it on its nixpkgs revision
    List<PythonInterpreter> interpreters = model.interpreters(shell);
    Object requires = model.context().pyproject().flatMap(TomlDocument::table)
        .map(table -> table.get("project.requires-python")).orElse(null);
    if (interpreters.isEmpty() || !(requires instanceof String text)
        || model.context().pythonVersionSource().isPresent()
        || !shell.packages().packages().stream().filter(UvPythonDownloadsRule::isPython)
            .allMatch(ref -> interpreters.stream().anyMatch(interpreter -> interpreter.ref().equals(ref)))) {
      return false;
    }
    try {
      VersionSpecifierSet specifiers = VersionSpecifierSet.parse(text);
      return interpreters.stream().allMatch(interpreter -> RequiresPythonMismatchRule.admitsSome(
          PythonRequest.parse(interpreter.version()).request().orElseThrow(IllegalArgumentException::new),
          specifiers));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether uv serves the shell only as pip does: its hooks run uv only as {@code uv pip …} (which installs into the
   * environment already there and never fetches an interpreter), and the project has no pyproject.toml, uv.lock or
   * .python-version for uv's project commands to ask another Python for.
   */
  private static boolean onlyPipInterface(DevShell shell, FlakeShells model) {
    // uv anywhere in a command (`command uv venv`, `env X=1 uv …`) must be followed by `pip`
    boolean anyUv = false;
    for (ShellCommand command : shell.hookCommands()) {
      List<String> words = new java.util.ArrayList<>();
      words.add(command.programName());
      command.arguments().forEach(argument -> words.add(argument.literal()));
      for (int i = 0; i < words.size(); i++) {
        if ("uv".equals(words.get(i)) || "uvx".equals(words.get(i))) {
          anyUv = true;
          if (!"uv".equals(words.get(i)) || i + 1 >= words.size() || !"pip".equals(words.get(i + 1))) {
            return false;
          }
        }
      }
    }
    return anyUv && model.context().pyproject().isEmpty() && model.context().uvLockSource().text().isEmpty()
        && !model.context().pythonVersionSource().isPresent();
  }

  /** The project's uv.toml, parsed once; empty when there is none. */
  private static final ProjectFacet<Optional<TomlDocument>> UV_TOML =
      context -> context.pythonFile("uv.toml").text().map(TomlDocument::parse);

  /** The file of uv's own settings for the project: uv.toml, else pyproject.toml (a uv.toml present decides). */
  private static Optional<TomlDocument> uvSettings(FlakeShells model) {
    Optional<TomlDocument> uvToml = model.context().get(UV_TOML);
    return uvToml.isPresent() ? uvToml : model.context().pyproject();
  }

  /** A setting of uv's own: uv.toml's {@code key}, else pyproject.toml's {@code tool.uv.key}. */
  private static Optional<Object> uvSetting(FlakeShells model, String key) {
    String path = model.context().get(UV_TOML).isPresent() ? key : "tool.uv." + key;
    return uvSettings(model).flatMap(TomlDocument::table).map(table -> table.get(path));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    Optional<PackageRef> uv = shell.packages().packages().stream().filter(p -> p.last().equals("uv")).findFirst();
    if (uv.isEmpty() || !shell.attributesComplete()) {
      return;
    }

    ShellText downloads = shell.env().get("UV_PYTHON_DOWNLOADS");
    ShellText preference = shell.env().get("UV_PYTHON_PREFERENCE");
    if (shell.env().containsKey("UV_PYTHON")
        || preference != null && (preference.value().literal() == null
            || preference.value().literal().strip().equals("only-system"))) {
      return;
    }
    if (downloads != null) {
      String value = downloads.value().literal();
      if (value == null || NO_DOWNLOADS.contains(value.strip())) {
        return;
      }
    }
    Optional<Object> ownDownloads = uvSetting(model, "python-downloads");
    Optional<Object> ownPreference = uvSetting(model, "python-preference");
    if (uvSettings(model).isPresent() && uvSettings(model).get().table().isEmpty()
        || downloads == null && ownDownloads.filter(NO_DOWNLOADS::contains).isPresent()
        || preference == null && ownPreference.filter("only-system"::equals).isPresent()) {
      // uv's own settings keep it on the interpreter where no variable says otherwise (variables override them)
      return;
    }
    boolean setInHook = shell.hookAssignments().stream().anyMatch(a -> a.name().equals("UV_PYTHON")
        || (a.name().equals("UV_PYTHON_DOWNLOADS") && NO_DOWNLOADS.contains(a.value().literal()))
        || (a.name().equals("UV_PYTHON_PREFERENCE") && "only-system".equals(a.value().literal())));
    if (setInHook || !shell.hooksComplete() || shell.hookCommands().stream().anyMatch(
        UvPythonDownloadsRule::venvFromNixInterpreter)) {
      return;
    }
    if (onlyPipInterface(shell, model)) {
      return;
    }
    boolean noKnownPython = model.interpreters(shell).isEmpty()
        && shell.packages().packages().stream().noneMatch(UvPythonDownloadsRule::isPython);
    if (noKnownPython && !shell.packages().complete()) {
      // an entry the model cannot resolve may be the Nix interpreter, or there is none and Python is left to uv
      // on purpose: a warning would have no evidence of either
      return;
    }
    if (noKnownPython) {
      // no Nix interpreter to keep uv on: Python is left to uv on purpose, a choice rather than a contradiction
      sink.reportNote(model.at(uv.get().location()), "uv is in the shell with no Python from Nix, so uv runs a "
          + "standalone CPython it downloads (NixOS runs one only with nix-ld); if the project should use Nix's "
          + "Python, add it to the shell and set UV_PYTHON_DOWNLOADS = \"never\"", List.of());
      return;
    }
    if (downloads == null && satisfiesProject(shell, model)) {
      // uv uses the shell's interpreter while it satisfies the project, unless a managed one is installed already
      sink.reportNote(model.at(uv.get().location()), "uv is in the shell with nothing keeping it on the Nix "
          + "interpreter, which satisfies requires-python today; a uv-managed Python installed later would be "
          + "preferred over it: set UV_PYTHON_DOWNLOADS = \"never\" (or UV_PYTHON_PREFERENCE = \"only-system\")",
          List.of());
      return;
    }
    String found = downloads == null ? "" : " (UV_PYTHON_DOWNLOADS is '" + downloads.text() + "')";
    sink.report(model.at(uv.get().location()),
        "uv is in the shell but may download its own Python" + found + "; set UV_PYTHON_DOWNLOADS = \"never\" "
            + "in the shell so uv uses the Nix interpreter", List.of(),
        model.editAt(shell.location(), (f, path) -> UvPythonDownloadsEdits.fix(f, path, shell)));
  }
}
