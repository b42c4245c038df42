package io.github.nixml.validate.rules;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.ShellLayout;
import io.github.nixml.model.ShellText;
import io.github.nixml.validate.CudaMode;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.rules.libraries.LibraryPathEdits;
import java.util.List;
import java.util.Optional;

/**
 * {@code opengl-driver-path-missing}: a CUDA ld-path shell does not put {@code /run/opengl-driver/lib} (or
 * {@code ${addDriverRunpath.driverLink}/lib}) on {@code LD_LIBRARY_PATH}. Why: {@code libcuda.so} comes from the
 * NVIDIA driver, not from nixpkgs; on NixOS it lives only there, so {@code torch.cuda.is_available()} is false.
 */
public final class OpenglDriverPathMissingRule extends DevShellRule {
  private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of("opengl-driver-path-missing",
      Severity.WARNING, "A CUDA shell lacks /run/opengl-driver/lib on LD_LIBRARY_PATH.");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  void check(DevShell shell, ShellModel model, FindingSink sink) {
    CudaMode mode = model.context().config().cuda();
    boolean cuda = mode == CudaMode.REQUIRED || (mode == CudaMode.AUTO && !shell.cudaPackages().isEmpty());
    if (shell.layout() != ShellLayout.LD_PATH || !cuda || !shell.hooksComplete()) {
      return;
    }
    List<String> assignments = LibraryPathExports.assignments(shell);
    boolean viaNixLd = assignments.stream().anyMatch(line -> line.contains("NIX_LD_LIBRARY_PATH"));
    ShellText nixLd = shell.env().get("NIX_LD_LIBRARY_PATH");
    if (viaNixLd && nixLd != null) {
      if (!nixLd.complete()) {
        return;
      }
      assignments = new java.util.ArrayList<>(assignments);
      assignments.add(nixLd.text());
    }
    if (assignments.stream().anyMatch(OpenglDriverPathMissingRule::hasDriverPath)) {
      return;
    }
    Optional<ShellText> hook = shell.hook("shellHook");
    sink.report(model.at(hook.isPresent() ? hook.get().location() : shell.location()),
        "the CUDA driver library (libcuda.so) is not on LD_LIBRARY_PATH; add /run/opengl-driver/lib, e.g. "
            + "`export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH:/run/opengl-driver/lib:$LD_LIBRARY_PATH`", List.of(),
        model.context().flake().flatMap(f -> LibraryPathEdits.addDriverDirectory(f, model.flakePath(), shell)));
  }

  private static boolean hasDriverPath(String text) {
    return text.contains("/run/opengl-driver/lib") || text.contains("driverLink}/lib");
  }
}
