package io.github.nixml.validate.rules.cuda;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.Tristate;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.CudaSupportReaders;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cuda-support-disabled}: a shell that wants CUDA takes a package whose nixpkgs build reads
 * {@code config.cudaSupport} (a source-built {@code python3Packages.torch}, {@code opencv}, {@code jaxlib},
 * {@code magma}: {@link CudaSupportReaders}) from an instance without {@code config.cudaSupport = true}. Why: that
 * package is then built without CUDA, so {@code torch.cuda.is_available()} is false next to the shell's CUDA
 * libraries. Never for {@code torch-bin} or wheels, which bring CUDA whatever the config says. Under the nixml
 * contract (a configured layout) every CUDA package's instance must set it, as the templates do.
 */
public final class CudaSupportDisabledRule extends DevShellRule {

  public CudaSupportDisabledRule() {
    super(RuleDescriptor.of("cuda-support-disabled", Severity.ERROR,
        "A shell that uses CUDA builds a package that reads config.cudaSupport without it."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (!model.cudaWanted(shell)) {
      return;
    }
    List<PackageRef> readers = new ArrayList<>();
    // the shell's packages, then the modules of its `python.withPackages (ps: [ ps.torch ])` environments
    List<PackageRef> candidates = new ArrayList<>(shell.packages().packages());
    candidates.addAll(shell.packages().pythonModules());
    for (PackageRef ref : candidates) {
      // an overlay may rebuild it with CUDA (`opencv4 = prev.opencv4.override { enableCuda = true; }`)
      if (ref.source() != null && shell.present(ref) && ref.source().cudaSupport() == Tristate.FALSE
          && !ref.source().mayBeOverlaid(ref.attrPath())
          && CudaSupportReaders.bundled().of(ref).isPresent()
          && readers.stream().noneMatch(other -> other.location().offset() == ref.location().offset())) {
        readers.add(ref);
      }
    }
    for (PackageRef ref : readers) {
      SourceSpan setFalse = ref.source().cudaSupportLocation();
      if (setFalse != null && ref.source().cudaSupportOn() != null) {
        // `config.cudaSupport = system == "x86_64-linux"`: false on this shell's systems, true elsewhere. Named are
        // the Linux systems among them where a CUDA package is listed (CUDA has no other platform: a Darwin shell
        // with CUDA packages is cuda-not-linux-guarded's)
        java.util.Set<String> withCuda = cudaSystems(shell);
        if (withCuda.isEmpty()) {
          continue;
        }
        String systems = String.join(", ", withCuda);
        sink.report(model.at(ref.location()),
            ref.name() + " is built with cudaSupport = false on " + systems + " (" + model.where(setFalse)
                + " does not hold there): nixpkgs builds it without CUDA, so it runs on the CPU in a shell that uses "
                + "CUDA there; list the CUDA packages only where cudaSupport holds, or make it hold there",
            List.of(model.at(setFalse)));
        continue;
      }
      if (setFalse != null) {
        // `cudaSupport = false` written out, in the import's config or in the package's own override
        sink.report(model.at(ref.location()),
            ref.name() + " is built with cudaSupport = false (" + model.where(setFalse) + "): nixpkgs builds it "
                + "without CUDA, so it runs on the CPU in a shell that uses CUDA; set it to true",
            List.of(model.at(setFalse)));
        continue;
      }
      sink.report(model.at(ref.location()),
          ref.name() + " comes from " + ref.source().input() + " (" + model.where(ref.source().location())
              + "), which lacks config.cudaSupport = true: nixpkgs builds it without CUDA, so it runs on the CPU "
              + "in a shell that uses CUDA; set config.cudaSupport = true in that import",
          List.of(model.at(ref.source().location())));
    }
    if (!readers.isEmpty() || !model.strict()) {
      return;
    }
    // The nixml contract: the templates set cudaSupport on every instance CUDA packages come from.
    for (PackageRef ref : CudaRules.firstPerInstance(shell, i -> i.cudaSupport() == Tristate.FALSE)) {
      sink.report(model.at(ref.location()),
          ref.name() + " comes from " + ref.source().input() + " (" + model.where(ref.source().location())
              + "), which lacks config.cudaSupport = true: its other packages are built without CUDA; set it in "
              + "that import",
          List.of(model.at(ref.source().location())));
    }
  }

  /** The Linux systems of the shell on which one of its CUDA packages is listed, sorted. */
  private static java.util.Set<String> cudaSystems(DevShell shell) {
    List<PackageRef> cuda = shell.cudaPackages();
    java.util.Set<String> found = new java.util.TreeSet<>();
    shell.systems().ifPresent(systems -> systems.stream()
        .filter(system -> !PlatformGuard.ofSystem(system).allowsNonLinux())
        .filter(system -> cuda.stream().anyMatch(ref -> !PlatformGuard.ofSystem(system).and(ref.guard()).isNever()))
        .forEach(found::add));
    return found;
  }
}
