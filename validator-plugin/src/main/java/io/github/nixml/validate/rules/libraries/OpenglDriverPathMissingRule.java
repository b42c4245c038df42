package io.github.nixml.validate.rules.libraries;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.ShellPiece;
import io.github.nixml.model.ShellWord;
import io.github.nixml.model.VenvStrategy;
import io.github.nixml.fix.NixEdits;
import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.validate.CudaMode;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.facts.LockedCudaLibraries;
import io.github.nixml.validate.facts.LockedWheels;
import io.github.nixml.validate.facts.LockedWheels.LockedPackage;
import io.github.nixml.validate.facts.ProjectFacts;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code opengl-driver-path-missing}: an ld-path shell that uses CUDA (CUDA packages, {@code nixml.cuda=required}, or
 * a CUDA wheel in uv.lock: {@code torch +cuXYZ}, {@code nvidia-*}, {@code cupy-cudaNNx}, {@code jax-cudaNN-*}) does
 * not put {@code /run/opengl-driver/lib} (or {@code ${addDriverRunpath.driverLink}/lib}, or
 * {@code lib.makeLibraryPath [ "/run/opengl-driver" … ]}, or nixpkgs' {@code linuxPackages.nvidia_x11}) on
 * {@code LD_LIBRARY_PATH}. Locked {@code nvidia-*} libraries alone (what PyPI's default Linux torch pulls in for
 * everyone) count only when flake.nix names CUDA somewhere. CUDA packages count only where the shell makes or enters
 * a venv or brings nvcc (what it builds loads the driver): nixpkgs' own CUDA builds carry the driver's folder in
 * their RUNPATH. A shell that preloads libcuda.so
 * ({@code LD_PRELOAD}) needs no folder. Why: {@code libcuda.so} comes from the
 * NVIDIA driver, not from nixpkgs; on NixOS it lives only there, so {@code torch.cuda.is_available()} is false.
 */
public final class OpenglDriverPathMissingRule extends DevShellRule {

  public OpenglDriverPathMissingRule() {
    super(RuleDescriptor.of("opengl-driver-path-missing",
        Severity.WARNING, "A CUDA shell lacks /run/opengl-driver/lib on LD_LIBRARY_PATH."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.layout() != Layout.LD_PATH || !shell.hooksComplete()) {
      return;
    }
    Optional<LockedPackage> cudaWheel = Optional.empty();
    // CUDA from nixpkgs alone (torch-bin, torchWithCuda, cudnn) finds libcuda.so: nixpkgs puts the driver's folder
    // in its RUNPATH. What misses it is a wheel in a venv, or a program built with the shell's nvcc: evidence is a
    // venv the shell makes or enters, the CUDA compiler among its packages, or a CUDA wheel in the lock
    boolean nixpkgsCudaOnly = model.cudaInUse(shell) && model.context().config().cuda() != CudaMode.REQUIRED
        && VenvStrategy.of(shell).isEmpty() && !shell.packages().anyMatch(OpenglDriverPathMissingRule::bringsNvcc);
    if (!model.cudaInUse(shell) || nixpkgsCudaOnly) {
      cudaWheel = lockedCudaWheel(model, shell);
      if (cudaWheel.isEmpty()) {
        return;
      }
    }
    ShellText envPath = shell.env().get("LD_LIBRARY_PATH");
    if (envPath != null && !envPath.complete()) {
      return; // `env.LD_LIBRARY_PATH` the model cannot read may hold the driver's folder
    }
    if (preloadsDriver(shell)) {
      return; // `export LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libcuda.so.565.77`: the driver is loaded by path
    }
    if (shell.hookCommands().stream().anyMatch(OpenglDriverPathMissingRule::runsUnreadScriptInShell)) {
      return; // `source <(sed … ${nixGLNvidia})`, `source ./env.sh`: a script the model does not read may export it
    }
    List<ShellWord> values = new ArrayList<>(LibraryPathExports.values(shell));
    boolean viaNixLd = values.stream().anyMatch(value -> value.mentionsVariable("NIX_LD_LIBRARY_PATH"));
    ShellText nixLd = shell.env().get("NIX_LD_LIBRARY_PATH");
    if (viaNixLd && nixLd != null) {
      if (!nixLd.complete()) {
        return;
      }
      values.add(nixLd.value());
    }
    if (values.stream().anyMatch(LibraryPathExports::holdsOtherVariable)) {
      return; // `for path in "${LIB_PATHS[@]}"; do export LD_LIBRARY_PATH="$path:…"`: the model does not follow it
    }
    if (values.stream().anyMatch(ShellWord::hasCommandSubstitution)) {
      return; // `$(nixGLNvidia printenv LD_LIBRARY_PATH)`: a command's output may hold the driver's folder
    }
    if (values.stream().anyMatch(OpenglDriverPathMissingRule::hasUnknownLibraryList)) {
      return; // `lib.makeLibraryPath (f …)` the model cannot list may hold "/run/opengl-driver"
    }
    if (values.stream().anyMatch(value -> value.containsText("/run/opengl-driver/lib")
        || value.hasLibraryDirectory("/run/opengl-driver/lib") || holdsNixpkgsDriver(value))) {
      return;
    }
    Optional<ShellText> hook = shell.hook("shellHook");
    String because = cudaWheel.map(wheel -> model.context().uvLockSource().path() + " installs " + wheel.label()
        + ", which loads libcuda.so.1 from the NVIDIA driver, but ").orElse("");
    sink.report(model.at(hook.isPresent() ? hook.get().location() : shell.location()),
        because + "the CUDA driver library (libcuda.so) is not on LD_LIBRARY_PATH; add " + LibraryPathEdits.DRIVER_DIRECTORY
            + ", e.g. `" + LibraryPathEdits.exportLineInHook("$NIX_LD_LIBRARY_PATH:" + LibraryPathEdits.DRIVER_DIRECTORY)
            + "`",
        cudaWheel.map(wheel -> List.of(wheel.location())).orElse(List.of()),
        model.editAt(shell.location(), (f, path) -> LibraryPathEdits.addDriverDirectory(f, path, shell)));
  }

  /**
   * {@code ${linuxPackages.nvidia_x11}/lib}, or that package in a {@code makeLibraryPath} list: the NVIDIA driver
   * from nixpkgs, whose lib holds libcuda.so (whether it matches the host's kernel module is another question).
   */
  private static boolean holdsNixpkgsDriver(ShellWord word) {
    return word.segments().stream().anyMatch(segment -> segment instanceof ShellWord.Piece piece
        && (piece.piece().packagePaths().stream().anyMatch(path -> isDriverPackage(path.attrPath()))
            || piece.piece() instanceof ShellPiece.LibraryPathRef ref
                && ref.path().entries().anyMatch(entry -> isDriverPackage(entry.attrPath()))));
  }

  /**
   * The first CUDA wheel the lock installs for certain; none when CUDA is off, when the lock has alternatives (cpu
   * and cu128 extras may install no CUDA wheel at all), or when only nvidia-* libraries are locked (what PyPI's
   * default Linux torch pulls in for everyone, falling back to the CPU without the driver) and flake.nix does not
   * show that the project wants CUDA.
   */
  private static Optional<LockedPackage> lockedCudaWheel(FlakeShells model, DevShell shell) {
    LockedWheels lock = model.context().get(ProjectFacts.LOCKED_WHEELS);
    if (!syncsExtras(shell)) {
      lock = lock.withoutExtras(); // `[project.optional-dependencies] cuda = [ "cupy-cuda12x" ]`: not installed
    }
    if (model.context().config().cuda() == CudaMode.OFF || lock.hasAlternatives()) {
      return Optional.empty();
    }
    Optional<LockedPackage> wheel = LockedCudaLibraries.firstCudaWheel(lock);
    return wheel.filter(found -> !isNvidiaLibrary(found) || flakeNamesCuda(model));
  }

  /** A hook asks uv for the project's extras ({@code uv sync --extra cuda}, {@code --all-extras}). */
  private static boolean syncsExtras(DevShell shell) {
    return shell.hookCommands().stream().filter(command -> command.programName().equals("uv"))
        .anyMatch(command -> command.arguments().stream().map(io.github.nixml.model.ShellWord::literal)
            .anyMatch(word -> word == null || word.startsWith("--extra") || word.equals("--all-extras")));
  }

  /** The CUDA compiler: the toolkit, or {@code cudaPackages.cuda_nvcc}. */
  private static boolean bringsNvcc(io.github.nixml.model.PackageRef ref) {
    return ref.last().startsWith("cudatoolkit") || ref.last().equals("cuda_nvcc");
  }

  /**
   * A hook runs a script in the shell's own process ({@code source}, {@code .}, {@code eval}), which may set any
   * variable: nixGL's wrapper ({@code source <(sed … ${nixGLNvidia})}) exports the driver's libraries. A venv's
   * {@code bin/activate} is read as what it is: it sets no library path.
   */
  private static boolean runsUnreadScriptInShell(io.github.nixml.model.ShellCommand command) {
    List<ShellWord> invocation = command.invocation();
    String program = invocation.isEmpty() ? null : invocation.get(0).literal();
    List<ShellWord> args = command.arguments();
    return "eval".equals(program) || ("source".equals(program) || ".".equals(program))
        && (args.isEmpty() || !args.get(0).endsWith("bin/activate"));
  }

  /** The shell preloads libcuda itself: {@code LD_PRELOAD} (a hook's assignment or a variable) names it. */
  private static boolean preloadsDriver(DevShell shell) {
    List<ShellWord> preloads = new ArrayList<>();
    shell.hookAssignments().stream().filter(assignment -> assignment.name().equals("LD_PRELOAD"))
        .forEach(assignment -> preloads.add(assignment.value()));
    if (shell.env().containsKey("LD_PRELOAD")) {
      preloads.add(shell.env().get("LD_PRELOAD").value());
    }
    return preloads.stream().anyMatch(value -> value.containsText("libcuda.so"));
  }

  private static boolean hasUnknownLibraryList(ShellWord word) {
    return word.segments().stream().anyMatch(segment -> segment instanceof ShellWord.Piece piece
        && piece.piece() instanceof ShellPiece.LibraryPathRef ref && !ref.path().entries().complete());
  }

  /** {@code linuxPackages.nvidia_x11}, or a member of {@code linuxPackages.nvidiaPackages} ({@code stable}…). */
  private static boolean isDriverPackage(List<String> attrPath) {
    return !attrPath.isEmpty() && (attrPath.get(attrPath.size() - 1).startsWith("nvidia_x11")
        || attrPath.size() > 1 && attrPath.get(attrPath.size() - 2).equals("nvidiaPackages"));
  }

  private static boolean isNvidiaLibrary(LockedPackage wheel) {
    return wheel.name().toLowerCase(Locale.ROOT).startsWith("nvidia");
  }

  /** Whether flake.nix names CUDA anywhere in its code (cudaPackages, cudatoolkit, cudaSupport, torchWithCuda…). */
  private static boolean flakeNamesCuda(FlakeShells model) {
    return model.context().flake().map(file -> NixEdits.tokens(file.root()).stream()
        .anyMatch(token -> token.kind() == SyntaxKind.IDENT
            && token.text().toLowerCase(Locale.ROOT).contains("cuda"))).orElse(false);
  }
}
