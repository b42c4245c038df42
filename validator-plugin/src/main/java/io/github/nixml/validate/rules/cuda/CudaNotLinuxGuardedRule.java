package io.github.nixml.validate.rules.cuda;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.PackageRef;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code cuda-not-linux-guarded}: a CUDA package is not under a Linux-only guard ({@code lib.optionals
 * stdenv.isLinux}, {@code if stdenv.isLinux then … else …}) while the flake also builds the shell for non-Linux
 * systems ({@code eachDefaultSystem} includes Darwin). Why: on macOS evaluation fails ("is not available on the
 * requested hostPlatform"), and {@code nix flake check} fails for everyone.
 */
public final class CudaNotLinuxGuardedRule extends DevShellRule {

  public CudaNotLinuxGuardedRule() {
    super(RuleDescriptor.of("cuda-not-linux-guarded", Severity.ERROR,
        "A CUDA package sits outside a Linux-only guard while the flake also builds for non-Linux systems."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.systems().isEmpty()) {
      return;
    }
    PlatformGuard built = PlatformGuard.NEVER;
    Set<String> nonLinux = new TreeSet<>();
    for (String system : shell.systems().get()) {
      built = built.or(PlatformGuard.ofSystem(system));
      if (PlatformGuard.ofSystem(system).allowsNonLinux()) {
        nonLinux.add(system);
      }
    }
    for (PackageRef ref : shell.cudaPackages()) {
      if (ref.guard().and(built).allowsNonLinux()) {
        sink.report(model.at(ref.location()),
            ref.name() + " is not guarded by stdenv.isLinux but the shell is also built for "
                + String.join(", ", nonLinux) + ", where CUDA does not exist; wrap it in "
                + "lib.optionals pkgs.stdenv.isLinux [ … ] or build only Linux systems", List.of(),
            model.context().flake().flatMap(f -> CudaGuardEdits.fix(f, model.flakePath(), shell, ref)));
      }
    }
  }
}
