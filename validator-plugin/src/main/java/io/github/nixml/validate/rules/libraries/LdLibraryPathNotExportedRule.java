package io.github.nixml.validate.rules.libraries;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.VenvStrategy;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.facts.ProjectFacts;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.List;
import java.util.Set;

/**
 * {@code ld-library-path-not-exported}: an ld-path shell builds a library list ({@code NIX_LD_LIBRARY_PATH},
 * {@code lib.makeLibraryPath}) but never puts it on {@code LD_LIBRARY_PATH}. Why: pip/uv wheels (numpy, torch)
 * are not patched by Nix and look up {@code libstdc++.so.6}, {@code libz.so.1}, {@code libcuda.so} through the
 * dynamic loader; without the export they fail at import with "cannot open shared object file".
 */
public final class LdLibraryPathNotExportedRule extends DevShellRule {

  public LdLibraryPathNotExportedRule() {
    super(RuleDescriptor.of("ld-library-path-not-exported",
        Severity.ERROR, "An ld-path shell never puts its NIX_LD_LIBRARY_PATH / makeLibraryPath list on LD_LIBRARY_PATH."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.layout() != Layout.LD_PATH || !shell.hooksComplete() || shell.onlyOffLinux()) {
      return; // LD_LIBRARY_PATH is the Linux loader's: a shell read for Darwin alone has no use for it
    }
    ShellText nixLd = shell.env().get("NIX_LD_LIBRARY_PATH");
    SourceSpan where;
    if (nixLd != null) {
      where = nixLd.location();
    } else if (!shell.libraryPaths().isEmpty()) {
      where = shell.libraryPaths().get(0).location();
    } else {
      return;
    }
    if (LibraryPathExports.exportsLibraryList(shell) || !getsWheels(shell, model)) {
      return;
    }
    sink.report(model.at(where),
        "this library list never reaches LD_LIBRARY_PATH, so wheels cannot load their native libraries; add `"
            + LibraryPathEdits.exportLineInHook("$NIX_LD_LIBRARY_PATH") + "` to the shellHook", List.of(),
        model.editAt(shell.location(), (f, path) -> LibraryPathEdits.exportLibraryList(f, path, shell)));
  }

  /** Programs that install wheels into a venv or the user's site: the evidence that the shell gets any. */
  private static final Set<String> INSTALLERS = Set.of("uv", "pip", "poetry", "pipenv", "pdm", "hatch",
      "virtualenv", "conda", "micromamba");

  /**
   * Whether the shell gets wheels, whose libraries the loader looks up: a venv it makes or enters, an installer among
   * its packages, or distributions the project lists (a lock, requirements, pyproject dependencies). A shell of
   * nixpkgs' packages alone ({@code python3.withPackages}) finds its libraries through their RUNPATH; its
   * {@code NIX_LD_LIBRARY_PATH} is then nix-ld's, for programs run through it, and no wheel misses the list.
   */
  private static boolean getsWheels(DevShell shell, FlakeShells model) {
    return !VenvStrategy.of(shell).isEmpty() || shell.packages().anyMatch(ref -> INSTALLERS.contains(ref.last()))
        || !model.context().get(ProjectFacts.DISTRIBUTIONS).distributions().isEmpty();
  }
}
