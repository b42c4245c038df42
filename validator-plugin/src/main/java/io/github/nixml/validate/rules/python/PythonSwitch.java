package io.github.nixml.validate.rules.python;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.NixEdits;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.model.DevShell;
import io.github.nixml.model.FlakeModel;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.PythonInterpreter;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxToken;
import io.github.nixml.toml.TomlDocument;
import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.Fixer;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.python.PythonVersionFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/**
 * Moves every project under a root to another Python in one step: each interpreter site the dev-shell model found
 * ({@code python3XY.withPackages}, {@code python3XYPackages.venvShellHook}, {@code python3XY} in
 * {@code targetPkgs}, any {@code python3XYPackages.*}), {@code .python-version}, and the lower bound of
 * {@code requires-python} when it would exclude the new version. It changes nothing when it cannot see every
 * interpreter site: a flake the model cannot read or whose shells it cannot fully resolve, {@code python3} chosen
 * by nixpkgs, or an interpreter named in the flake outside any shell the model understands. Each refusal names
 * the place.
 */
public final class PythonSwitch {
  /** The Python versions the archetypes and nixpkgs releases in support provide. */
  public static final List<String> SUPPORTED = List.of("3.10", "3.11", "3.12", "3.13", "3.14");
  /** An interpreter attribute as a token names it: {@code python311}, {@code python311Packages}. */
  private static final Pattern INTERPRETER = Pattern.compile("python3(\\d+)(Full|Minimal|Packages|_freethreading)?");
  private static final String VENV = ".venv";

  private final Validator validator;
  private final FailOn gate;

  /** A switch that writes nothing when the move would introduce a finding that {@code gate} fails on. */
  public PythonSwitch(Validator validator, FailOn gate) {
    this.validator = validator;
    this.gate = gate;
  }

  /**
   * What a switch did: the reasons it refused (then nothing changed), the fix run that applied the edits (which
   * wrote nothing when they would introduce findings at or above the gate: {@code introducedFailing}), and the
   * projects whose venv was made by the old interpreter.
   */
  public record Result(List<String> refusals, Optional<Fixer.FixResult> applied, List<String> staleVenvs) {
    public Result {
      refusals = List.copyOf(refusals);
      staleVenvs = List.copyOf(staleVenvs);
    }
  }

  public Result switchTo(ValidationRequest request, String version, boolean dryRun) throws ValidationException {
    if (!SUPPORTED.contains(version)) {
      return refused(List.of("nixml.python must be one of " + String.join(", ", SUPPORTED) + ", not '" + version
          + "'"));
    }
    ValidationResult scan = validator.validate(request);
    Path root = scan.root();
    List<Fix> fixes = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    List<String> staleVenvs = new ArrayList<>();
    for (String project : scan.projects()) {
      String prefix = project.isEmpty() ? "" : project + "/";
      SourceFile flake = SourceFile.read(root.resolve(prefix + ProjectContext.FLAKE_NIX),
          prefix + ProjectContext.FLAKE_NIX, request.config().maxFileBytes());
      if (!flake.isPresent()) {
        refusals.add(flake.path() + " is missing or unreadable");
        continue;
      }
      Optional<String> changedInterpreter = interpreterEdits(flake, version, fixes, refusals);
      if (changedInterpreter.isEmpty()) {
        continue;
      }
      SourceFile versionSource = SourceFile.read(root.resolve(prefix + ProjectContext.PYTHON_VERSION),
          prefix + ProjectContext.PYTHON_VERSION, request.config().maxFileBytes());
      PythonVersionFile versionFile = PythonVersionFile.parse(versionSource);
      if (versionSource.isUnreadable()) {
        refusals.add(versionSource.path() + " " + versionSource.problem().orElse("cannot be read"));
      } else if (versionFile.first().isEmpty()) {
        fixes.add(Fix.of("write " + version + " to " + versionSource.path(), TextEdit.insert(versionSource.path(),
            versionSource.text().map(String::length).orElse(0), version + "\n")));
      } else if (!versionFile.first().get().text().equals(version)) {
        fixes.add(PythonVersionPin.pin(versionFile, version));
      }
      SourceFile pyproject = SourceFile.read(root.resolve(prefix + ProjectContext.PYPROJECT_TOML),
          prefix + ProjectContext.PYPROJECT_TOML, request.config().maxFileBytes());
      requiresPython(pyproject, version, fixes, refusals);
      if (Files.isDirectory(root.resolve(prefix + VENV), LinkOption.NOFOLLOW_LINKS)) {
        staleVenvs.add(prefix + VENV);
      }
    }
    if (!refusals.isEmpty()) {
      return refused(refusals);
    }
    Fixer.FixResult applied = new Fixer(validator, gate).applyAll(request, fixes, dryRun);
    if (!applied.notes().isEmpty()) {
      return refused(applied.notes());
    }
    boolean moves = !applied.changes().isEmpty() && applied.introducedFailing().isEmpty();
    return new Result(List.of(), Optional.of(applied), moves ? staleVenvs : List.of());
  }

  private static Result refused(List<String> refusals) {
    return new Result(refusals, Optional.empty(), List.of());
  }

  /**
   * Adds the edits that rename every interpreter site of one flake; returns the old version(s) it changes, or
   * empty when it refused (the reasons added to {@code refusals}) or found nothing to change.
   */
  private static Optional<String> interpreterEdits(SourceFile flake, String version, List<Fix> fixes,
      List<String> refusals) {
    NixFile file = NixFrontEnd.analyze(flake.text().orElseThrow());
    if (file.hasErrors()) {
      refusals.add(flake.path() + " does not parse; fix it first (mvn nixml:validate shows where)");
      return Optional.empty();
    }
    FlakeModel model = FlakeModel.of(file);
    if (!model.readable() || !model.shellsComplete()) {
      refusals.add(flake.path() + ": the model cannot resolve every dev shell of this flake, so it cannot see "
          + "every interpreter");
      return Optional.empty();
    }
    Set<Integer> siteOffsets = new HashSet<>();
    List<TextEdit> edits = new ArrayList<>();
    Set<String> oldVersions = new java.util.TreeSet<>();
    int before = refusals.size();
    for (DevShell shell : model.shells()) {
      if (!shell.packages().complete()) {
        refusals.add(flake.path() + ":" + shell.location() + ": the packages of dev shell '" + shell.name()
            + "' are not fully known (a variable from outside, an unknown function), so an interpreter may hide "
            + "there");
        continue;
      }
      for (PackageRef ref : shell.packages().packages()) {
        if (ref.attrPath().get(0).equals("python3") || ref.attrPath().get(0).equals("python3Packages")) {
          refusals.add(flake.path() + ":" + ref.location() + ": " + ref.name() + " is whatever Python nixpkgs "
              + "makes default; name a versioned interpreter (python3XY) first");
          continue;
        }
        Optional<PythonInterpreter> interpreter = ref.pythonInterpreter();
        if (interpreter.isEmpty()) {
          continue;
        }
        Optional<SyntaxToken> site = siteToken(file, ref);
        if (site.isEmpty()) {
          refusals.add(flake.path() + ":" + ref.location() + ": cannot find the name of " + ref.name()
              + " in the source");
          continue;
        }
        oldVersions.add(interpreter.get().version());
        if (siteOffsets.add(site.get().offset())) {
          edits.add(rename(flake.path(), site.get(), version));
        }
      }
    }
    // Every interpreter the flake names must be a site the model found, else something is out of its sight.
    for (SyntaxToken token : NixEdits.tokens(file.root())) {
      if (token.kind() == SyntaxKind.IDENT && INTERPRETER.matcher(token.text()).matches()
          && !siteOffsets.contains(token.offset())) {
        refusals.add(flake.path() + ":" + file.line(token.offset()) + ":" + file.column(token.offset()) + ": "
            + token.text() + " here is not an interpreter site the model could follow");
      }
    }
    if (refusals.size() > before) {
      return Optional.empty();
    }
    if (siteOffsets.isEmpty()) {
      refusals.add(flake.path() + ": no python3XY interpreter in any dev shell");
      return Optional.empty();
    }
    edits.removeIf(edit -> edit.replacement().equals(flake.text().get().substring(edit.offset(), edit.end())));
    if (!edits.isEmpty()) {
      fixes.add(new Fix("switch " + flake.path() + " from python" + String.join(", python", oldVersions)
          .replace(".", "") + " to python" + version.replace(".", ""), edits));
    }
    return Optional.of(String.join(",", oldVersions));
  }

  /** The identifier token inside the reference's span that names its interpreter attribute. */
  private static Optional<SyntaxToken> siteToken(NixFile file, PackageRef ref) {
    int start = ref.location().offset();
    int end = start + ref.location().length();
    return NixEdits.tokens(file.root()).stream()
        .filter(t -> t.kind() == SyntaxKind.IDENT && t.offset() >= start && t.end() <= end)
        .filter(t -> t.text().equals(ref.attrPath().get(0)))
        .findFirst();
  }

  private static TextEdit rename(String path, SyntaxToken token, String version) {
    Matcher matcher = INTERPRETER.matcher(token.text());
    matcher.matches();
    String suffix = matcher.group(2) == null ? "" : matcher.group(2);
    return TextEdit.replace(path, token.offset(), token.text().length(),
        "python" + version.replace(".", "") + suffix);
  }

  private static void requiresPython(SourceFile pyproject, String version, List<Fix> fixes, List<String> refusals) {
    if (!pyproject.isPresent()) {
      return;
    }
    TomlTable toml = TomlDocument.parse(pyproject.text().get()).table().orElse(null);
    if (toml == null || !(toml.get("project.requires-python") instanceof String value)) {
      return;
    }
    Optional<String> admitting = RequiresPythonBound.admitting(value, version);
    if (RequiresPythonBound.admits(value, version)) {
      return;
    }
    Optional<Fix> fix = RequiresPythonBound.fix(pyproject, toml, version);
    if (admitting.isEmpty() || fix.isEmpty()) {
      refusals.add(pyproject.path() + ": requires-python \"" + value + "\" excludes " + version
          + " and only its lower bound is moved automatically");
      return;
    }
    fixes.add(fix.get());
  }
}
