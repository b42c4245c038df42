package io.github.nixml.validate.facts;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.FlakeModel;
import io.github.nixml.model.LibraryPath;
import io.github.nixml.model.NixpkgsInstance;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.ShellPiece;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.Tristate;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.ValidationConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What nixml understood of one project's flake.nix (or, without a flake, its shell.nix or default.nix), for people
 * to read: the dev shells as the model holds them,
 * and every place the model could not resolve, with the reason. Rules stay silent where the model does not know,
 * so this is what explains a silence.
 *
 * @param directory the project, root-relative ({@code ""} for the root)
 * @param flake the project's dev-shell file as read ({@link ProjectContext#devShellNix()}: flake.nix, devenv.nix,
 *     shell.nix or default.nix; missing, unreadable or with its text)
 * @param model the dev-shell model ({@link FlakeModel#UNREADABLE} when flake.nix could not be modelled)
 * @param unknowns what the model could not tell about the flake as a whole (each shell has its own:
 *     {@link #unknowns(DevShell)})
 * @param installed what the project installs into its venv on Linux ({@link ProjectFacts#DISTRIBUTIONS})
 * @param imported a file the flake imports, by its path relative to the project ({@link SourceSpan#file()})
 */
public record ProjectShells(String directory, SourceFile flake, FlakeModel model, List<Unknown> unknowns,
    InstalledDistributions installed, java.util.function.Function<String, SourceFile> imported) {

  /** One thing the model could not tell, why, and where (empty: the whole file). */
  public record Unknown(String subject, String reason, Optional<Location> location) {}

  public ProjectShells {
    unknowns = List.copyOf(unknowns);
  }

  /** Reads each project of a run afresh and models it; never throws. */
  public static List<ProjectShells> read(Path root, List<String> projects, ValidationConfig config) {
    return projects.stream().map(project -> of(ProjectContext.open(root, project, config))).toList();
  }

  /** The shells of one project, as the rules see them ({@link ProjectFacts#MODEL}). */
  public static ProjectShells of(ProjectContext context) {
    SourceFile flake = ProjectFacts.devenvShell(context) ? context.file(ProjectContext.DEVENV_NIX)
        : context.devShellNix().source();
    FlakeModel model = context.get(ProjectFacts.MODEL);
    List<Unknown> unknowns = new ArrayList<>();
    String path = flake.path();
    boolean nixShell = context.nixShellProject();
    if (flake.isMissing()) {
      unknowns.add(new Unknown(path, "the file is missing: there is no dev shell to model", Optional.empty()));
    } else if (flake.text().isEmpty()) {
      unknowns.add(new Unknown(path, "the file could not be read: " + flake.problem().orElse("unknown problem"),
          Optional.empty()));
    } else if (context.devShellNix().nixFile().map(file -> file.hasErrors()).orElse(true)) {
      unknowns.add(new Unknown(path, "Nix would reject the file (see the nix-syntax and nix-undefined-variable"
          + " findings); the model reads only files Nix accepts", Optional.empty()));
    } else if (!model.readable()
        || !nixShell && !ProjectFacts.devenvShell(context) && context.get(ProjectFacts.FLAKE_EXPRESSION).isEmpty()) {
      unknowns.add(new Unknown(path, "the file uses a form the model cannot evaluate", Optional.empty()));
    } else if (nixShell) {
      // each file for nix-shell that gave no shell: shell.nix, and those beside it (`nix-shell cuda-shell.nix`)
      List<String> files = new ArrayList<>();
      files.add(path.substring(path.lastIndexOf('/') + 1));
      files.addAll(context.get(ProjectContext.NIX_SHELL_VARIANTS).stream().filter(name -> !files.contains(name))
          .toList());
      for (String file : files) {
        if (!model.shellsComplete() && model.shells().stream().noneMatch(shell -> shell.name().equals(file))) {
          unknowns.add(new Unknown(context.pathOf(file), "nix-shell calls it with no arguments and enters what it"
              + " gives: not a shell builder call the model knows (a package's build environment, or something it"
              + " could not resolve), so that shell was not checked", Optional.empty()));
        }
      }
    } else if (!model.shellsComplete()) {
      unknowns.add(new Unknown("devShells", "it holds something the model could not resolve: shells not listed"
          + " here were not checked", Optional.empty()));
    }
    model.importProblems().forEach((file, reason) -> unknowns.add(new Unknown(file.startsWith("/") ? file
        : context.pathOf(file), "imported but not read: " + reason, Optional.empty())));
    return new ProjectShells(context.directory(), flake, model, unknowns, context.get(ProjectFacts.DISTRIBUTIONS),
        context::file);
  }

  /** Whether the shells come from a file {@code nix-shell} reads (shell.nix, default.nix), not from a flake. */
  public boolean nixShell() {
    return ProjectContext.isNixShellFile(flake.path().substring(flake.path().lastIndexOf('/') + 1));
  }

  /** Whether the shells come from devenv.nix (a devenv project without a flake), not from a flake's devShells. */
  public boolean devenvProject() {
    String path = flake.path();
    return path.equals(ProjectContext.DEVENV_NIX) || path.endsWith("/" + ProjectContext.DEVENV_NIX);
  }

  /** The report location of a place in flake.nix or in a file it imports. */
  public Location at(SourceSpan span) {
    SourceFile file = span.file() == null ? flake : imported.apply(span.file());
    return file.locationAt(span.offset(), span.length());
  }

  /** Every fact of {@code shell} the model could not tell, in the order a reader meets them. */
  public List<Unknown> unknowns(DevShell shell) {
    List<Unknown> found = new ArrayList<>();
    if (shell.systems().isEmpty() && !nixShell() && !devenvProject()) { // built for the machine it runs on
      found.add(unknown("systems", "the systems the shell is built for are not literal", shell.location()));
    }
    if (!shell.attributesComplete()) {
      found.add(unknown("attributes", "some attributes of the call come from an expression the model cannot"
          + " resolve; checks that ask whether something is missing stay silent", shell.location()));
    }
    if (shell.instance() == null) {
      found.add(unknown("nixpkgs instance", "the model cannot tell which nixpkgs the shell function comes from",
          shell.location()));
    } else {
      instanceUnknowns(shell.instance(), found);
    }
    if (!shell.packages().complete()) {
      found.add(unknown("packages", "some entries of the list could not be resolved",
          shell.packagesLocation() == null ? shell.location() : shell.packagesLocation()));
    }
    for (PackageRef ref : shell.packages().packages()) {
      if (ref.source() == null) {
        found.add(unknown(ref.name(), "the nixpkgs instance this package comes from is unknown", ref.location()));
      }
    }
    for (LibraryPath path : shell.libraryPaths()) {
      if (!path.entries().complete()) {
        found.add(unknown("lib.makeLibraryPath", "some entries of the list could not be resolved",
            path.location()));
      }
    }
    List<ShellText> texts = new ArrayList<>(shell.env().values());
    texts.addAll(shell.hooks());
    shell.runScript().ifPresent(texts::add);
    for (ShellText text : texts) {
      for (ShellPiece piece : text.pieces()) {
        if (piece instanceof ShellPiece.Unknown unknown) {
          found.add(unknown(text.name() + ": " + unknown.display(), "the interpolation could not be resolved,"
              + " so the text may hold anything there", text.location()));
        }
      }
    }
    return found;
  }

  private void instanceUnknowns(NixpkgsInstance instance, List<Unknown> found) {
    String name = "nixpkgs input " + instance.input();
    if (instance.unfreeAllowed() == Tristate.UNKNOWN) {
      found.add(unknown(name + ": allowUnfree", "the configuration value is not literal", instance.location()));
    }
    if (instance.cudaSupport() == Tristate.UNKNOWN) {
      found.add(unknown(name + ": cudaSupport", "the configuration value is not literal", instance.location()));
    }
  }

  private Unknown unknown(String subject, String reason, SourceSpan span) {
    return new Unknown(subject, reason, span == null ? Optional.empty() : Optional.of(at(span)));
  }
}
