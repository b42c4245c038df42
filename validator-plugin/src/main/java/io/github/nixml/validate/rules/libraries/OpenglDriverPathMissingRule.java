package io.github.nixml.validate.rules.libraries;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.ShellPiece;
import io.github.nixml.model.ShellWord;
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
 * everyone) count only when flake.nix names CUDA somewhere. Why: {@code libcuda.so} comes from the
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
    if (!model.cudaWanted(shell)) {
      LockedWheels lock = model.context().get(ProjectFacts.LOCKED_WHEELS);
      if (model.context().config().cuda() == CudaMode.OFF || lock.hasAlternatives()) {
        return; // a lock with alternatives (cpu and cu128 extras) may install no CUDA wheel at all
      }
      cudaWheel = LockedCudaLibraries.firstCudaWheel(lock);
      if (cudaWheel.isEmpty() || isNvidiaLibrary(cudaWheel.get()) && !flakeNamesCuda(model)) {
        // nvidia-* alone is what PyPI's default Linux torch pulls in for everyone (and falls back to the CPU
        // without the driver): evidence only when the flake shows the project wants CUDA
        return;
      }
    }
    ShellText envPath = shell.env().get("LD_LIBRARY_PATH");
    if (envPath != null && !envPath.complete()) {
      return; // `env.LD_LIBRARY_PATH` the model cannot read may hold the driver's folder
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

  private static boolean hasUnknownLibraryList(ShellWord word) {
    return word.segments().stream().anyMatch(segment -> segment instanceof ShellWord.Piece piece
        && piece.piece() instanceof ShellPiece.LibraryPathRef ref && !ref.path().entries().complete());
  }

  private static boolean isDriverPackage(List<String> attrPath) {
    return !attrPath.isEmpty() && attrPath.get(attrPath.size() - 1).startsWith("nvidia_x11");
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
