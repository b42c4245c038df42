package io.github.nixml.validate.rules.libraries;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.ShellWord;
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
import java.util.Optional;

/**
 * {@code opengl-driver-path-missing}: an ld-path shell that uses CUDA (CUDA packages, {@code nixml.cuda=required}, or
 * a CUDA wheel in uv.lock: {@code torch +cuXYZ}, {@code nvidia-*}, {@code cupy-cudaNNx}, {@code jax-cudaNN-*}) does
 * not put {@code /run/opengl-driver/lib} (or {@code ${addDriverRunpath.driverLink}/lib}) on {@code LD_LIBRARY_PATH}. Why: {@code libcuda.so} comes from the
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
      if (cudaWheel.isEmpty()) {
        return;
      }
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
    if (values.stream().anyMatch(value -> value.containsText("/run/opengl-driver/lib"))) {
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
}
