package io.github.nixml.validate.rules.cuda;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.LibraryPath;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.ShellWord;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.validate.CudaMode;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.facts.LibraryProviders;
import io.github.nixml.validate.facts.LibraryProviders.Provider;
import io.github.nixml.validate.facts.LockedCudaLibraries;
import io.github.nixml.validate.facts.ProjectFacts;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cuda-toolkit-missing}: something needs the CUDA toolkit from the host and the shell does not bring it.
 * Evidence: a locked Linux wheel loads toolkit libraries of its CUDA major that no sibling {@code nvidia-*} wheel
 * ships ({@link LockedCudaLibraries}: {@code cupy-cuda12x} without {@code nvidia-*-cu12} wheels) and neither the
 * library path (ld-path) nor {@code targetPkgs} (FHS) holds the toolkit or the split package; or a hook or variable
 * uses {@code nvcc}, {@code CUDA_HOME} or {@code CUDA_PATH} and the shell brings no toolkit at all. Why: the wheel
 * fails at import with "libcublas.so.12: cannot open shared object file"; the build finds no nvcc. A torch wheel
 * with its {@code nvidia-*} wheels, or {@code torch-bin}, needs no toolkit. Under the nixml contract (a configured
 * layout) a shell that wants CUDA keeps the templates' toolkit or runtime on its library list.
 */
public final class CudaToolkitMissingRule extends DevShellRule {
  private static final List<String> TOOLKIT_VARIABLES = List.of("CUDA_HOME", "CUDA_PATH");

  public CudaToolkitMissingRule() {
    super(RuleDescriptor.of("cuda-toolkit-missing", Severity.ERROR,
        "Something needs the CUDA toolkit from the host, but the shell does not bring it."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (model.context().config().cuda() == CudaMode.OFF) {
      return;
    }
    if (model.strict() && model.cudaWanted(shell) && contractBroken(shell, model, sink)) {
      return;
    }
    if (lockNeedsLibraries(shell, model, sink)) {
      return;
    }
    toolUsedWithoutToolkit(shell, model, sink);
  }

  /** A locked wheel loads toolkit libraries that neither a sibling wheel nor the shell provides. */
  private static boolean lockNeedsLibraries(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.layout() != Layout.LD_PATH && shell.layout() != Layout.FHS) {
      return false;
    }
    List<LockedCudaLibraries.Need> needs = LockedCudaLibraries.of(model.context().get(ProjectFacts.LOCKED_WHEELS),
        LibraryProviders.bundled());
    if (needs.isEmpty()) {
      return false;
    }
    List<PackageRef> provided = new ArrayList<>();
    SourceSpan at;
    String where;
    if (shell.layout() == Layout.FHS) {
      if (!shell.packages().complete()) {
        return false;
      }
      provided.addAll(shell.packages().packages());
      at = shell.packagesLocation() != null ? shell.packagesLocation() : shell.location();
      where = "targetPkgs has";
    } else {
      for (LibraryPath path : shell.libraryPaths()) {
        if (!path.entries().complete()) {
          return false;
        }
        provided.addAll(path.entries().packages());
      }
      if (shell.libraryPaths().isEmpty() && !(shell.attributesComplete() && shell.hooksComplete())) {
        return false;
      }
      provided.addAll(interpolatedOnLibraryPath(shell));
      at = shell.libraryPaths().isEmpty() ? shell.location() : shell.libraryPaths().get(0).location();
      where = shell.libraryPaths().isEmpty() ? "the shell puts no library list on LD_LIBRARY_PATH, so it has"
          : "this library list has";
    }
    for (LockedCudaLibraries.Need need : needs) {
      List<Provider> missing = need.libraries().stream()
          .filter(library -> provided.stream().noneMatch(ref -> LockedCudaLibraries.provides(ref, library)))
          .toList();
      if (missing.isEmpty()) {
        continue;
      }
      Set<String> packages = new LinkedHashSet<>();
      missing.forEach(library -> packages.add(library.suggested()));
      String sonames = String.join(", ", missing.stream().map(Provider::soname).toList());
      String lock = model.context().uvLockSource().path();
      sink.report(model.at(at), lock + " installs " + need.wheel().label() + ", which loads " + sonames + " (CUDA "
          + need.major() + "), and no nvidia-*-cu" + need.major() + " wheel of the lock ships "
          + (missing.size() == 1 ? "it" : "them") + "; " + where + " no CUDA toolkit: add "
          + String.join(" ", packages) + " (or cudaPackages_" + need.major() + ".cudatoolkit)"
          + (shell.layout() == Layout.FHS ? "" : ", guarded by lib.optionals stdenv.isLinux")
          + ", or lock the nvidia-* wheels", List.of(need.wheel().location()));
      return true;
    }
    return false;
  }

  /** {@code nvcc}, {@code $CUDA_HOME} or {@code CUDA_PATH=…} in a hook or variable, and no toolkit in the shell. */
  private static void toolUsedWithoutToolkit(DevShell shell, FlakeShells model, FindingSink sink) {
    if (!shell.packages().complete() || !shell.hooksComplete()) {
      return;
    }
    for (LibraryPath path : shell.libraryPaths()) {
      if (!path.entries().complete()) {
        return;
      }
    }
    List<PackageRef> everything = new ArrayList<>(shell.packages().packages());
    shell.libraryPaths().forEach(path -> everything.addAll(path.entries().packages()));
    everything.addAll(shell.interpolatedPackages());
    if (everything.stream().anyMatch(CudaToolkitMissingRule::isToolkit)) {
      return;
    }
    Optional<String> use = Optional.empty();
    SourceSpan at = null;
    for (String variable : TOOLKIT_VARIABLES) {
      ShellText value = shell.env().get(variable);
      // `CUDA_PATH = lib.optionalString cudaVariant cudatoolkit` is "" where the variant has no CUDA: unset in effect
      if (value != null && !(value.complete() && value.text().isEmpty())) {
        use = Optional.of(variable + " is set");
        at = value.location();
        break;
      }
    }
    List<ShellText> texts = new ArrayList<>(shell.hooks());
    shell.runScript().ifPresent(texts::add);
    for (ShellText text : texts) {
      if (use.isPresent()) {
        break;
      }
      Set<String> locals = new HashSet<>();
      for (ShellCommand command : text.commands()) {
        Optional<String> found = toolUse(command, locals);
        if (found.isPresent()) {
          use = found;
          at = text.location();
          break;
        }
      }
    }
    if (use.isPresent()) {
      sink.report(model.at(at), use.get() + " but the shell brings no CUDA toolkit, so it comes from the host "
          + "(absent on NixOS): add cudatoolkit (or the split cudaPackages.cuda_nvcc with the libraries you build "
          + "against), guarded by lib.optionals stdenv.isLinux, and point CUDA_HOME at it");
    }
  }

  /**
   * What in one command uses the toolkit. {@code locals}: toolkit-named variables the hook set for itself
   * ({@code CUDA_PATH=$(find …)} with no command and no export), which no CUDA tool sees.
   */
  private static Optional<String> toolUse(ShellCommand command, Set<String> locals) {
    if (command.programName().equals("nvcc")) {
      return Optional.of("a hook runs nvcc");
    }
    List<ShellWord> invocation = command.invocation();
    boolean export = !invocation.isEmpty() && "export".equals(invocation.get(0).literal());
    for (ShellCommand.Assignment assignment : command.assignments()) {
      if (TOOLKIT_VARIABLES.contains(assignment.name())) {
        if (!assignment.exported() && invocation.isEmpty()) {
          locals.add(assignment.name());
          continue;
        }
        return Optional.of("a hook sets " + assignment.name());
      }
    }
    if (export) {
      for (ShellWord word : invocation.subList(1, invocation.size())) {
        if (word.literal() != null && TOOLKIT_VARIABLES.contains(word.literal())) {
          return Optional.of("a hook exports " + word.literal());
        }
      }
    }
    for (ShellWord word : command.words()) {
      for (String variable : TOOLKIT_VARIABLES) {
        if (!locals.contains(variable) && word.mentionsVariable(variable)) {
          return Optional.of("a hook reads $" + variable);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isToolkit(PackageRef ref) {
    return ref.attrPath().stream().anyMatch(p -> p.startsWith("cudatoolkit") || p.equals("cuda_nvcc"));
  }

  /** The nixml contract: a shell that wants CUDA has the toolkit or runtime on its library list. */
  private static boolean contractBroken(DevShell shell, FlakeShells model, FindingSink sink) {
    String why = model.context().config().cuda() == CudaMode.REQUIRED ? "nixml.cuda is required"
        : "the shell uses CUDA";
    if (shell.layout() == Layout.FHS) {
      if (!shell.packages().complete() || shell.packages().anyMatch(PackageRef::isCudaRuntime)) {
        return false;
      }
      sink.report(model.at(shell.packagesLocation() != null ? shell.packagesLocation() : shell.location()),
          why + " but targetPkgs has no CUDA toolkit: add cudatoolkit (or cudaPackages.cuda_cudart)");
      return true;
    }
    if (shell.layout() != Layout.LD_PATH) {
      return false; // a devshell has no library-list convention to check
    }
    if (interpolatedOnLibraryPath(shell).stream().anyMatch(PackageRef::isCudaRuntime)) {
      return false;
    }
    if (shell.libraryPaths().isEmpty()) {
      if (shell.attributesComplete() && shell.hooksComplete()) {
        sink.report(model.at(shell.location()), why + " but the shell puts no library list on LD_LIBRARY_PATH; "
            + "add NIX_LD_LIBRARY_PATH = lib.makeLibraryPath [ … cudatoolkit ] and export it");
        return true;
      }
      return false;
    }
    for (LibraryPath path : shell.libraryPaths()) {
      if (!path.entries().complete() || path.entries().anyMatch(PackageRef::isCudaRuntime)) {
        return false;
      }
    }
    sink.report(model.at(shell.libraryPaths().get(0).location()),
        why + " but this library list has no CUDA toolkit: add cudatoolkit (or cudaPackages.cuda_cudart), "
            + "guarded by lib.optionals stdenv.isLinux");
    return true;
  }

  /** The packages {@code export LD_LIBRARY_PATH=${cudatoolkit}/lib:…} (or the attribute) interpolates. */
  private static List<PackageRef> interpolatedOnLibraryPath(DevShell shell) {
    Set<Integer> onPath = new HashSet<>();
    List<ShellWord> values = new ArrayList<>();
    shell.hookAssignments().stream().filter(a -> a.name().equals("LD_LIBRARY_PATH"))
        .forEach(a -> values.add(a.value()));
    if (shell.env().containsKey("LD_LIBRARY_PATH")) {
      values.add(shell.env().get("LD_LIBRARY_PATH").value());
    }
    values.stream().flatMap(value -> value.segments().stream()).forEach(segment -> {
      if (segment instanceof ShellWord.Piece piece) {
        piece.piece().packagePaths().stream().filter(path -> path.location() != null)
            .forEach(path -> onPath.add(path.location().offset()));
      }
    });
    return shell.interpolatedPackages().stream().filter(ref -> onPath.contains(ref.location().offset())).toList();
  }
}
