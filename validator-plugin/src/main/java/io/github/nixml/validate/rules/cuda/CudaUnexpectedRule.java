package io.github.nixml.validate.rules.cuda;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.LibraryPath;
import io.github.nixml.model.NixpkgsInstance;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.Tristate;
import io.github.nixml.validate.CudaMode;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cuda-unexpected}: {@code nixml.cuda=off} but the shell has CUDA packages or takes packages from an
 * instance with {@code cudaSupport = true}. Why: a CPU-only project then downloads gigabytes of CUDA, needs
 * unfree packages, and rebuilds its package set from source when the CUDA cache misses.
 */
public final class CudaUnexpectedRule extends DevShellRule {

  public CudaUnexpectedRule() {
    super(RuleDescriptor.of("cuda-unexpected", Severity.WARNING,
        "nixml.cuda is off but CUDA entries are present."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (model.context().config().cuda() != CudaMode.OFF) {
      return;
    }
    for (PackageRef ref : shell.cudaPackages()) {
      sink.report(model.at(ref.location()),
          ref.name() + " is a CUDA package but nixml.cuda is off; remove it, or set nixml.cuda to auto");
    }
    List<NixpkgsInstance> instances = new ArrayList<>();
    List<PackageRef> refs = new ArrayList<>(shell.packages().packages());
    for (LibraryPath path : shell.libraryPaths()) {
      refs.addAll(path.entries().packages());
    }
    if (shell.instance() != null) {
      instances.add(shell.instance());
    }
    refs.forEach(ref -> {
      if (ref.source() != null) {
        instances.add(ref.source());
      }
    });
    List<Integer> reported = new ArrayList<>();
    for (NixpkgsInstance instance : instances) {
      if (instance.cudaSupport() == Tristate.TRUE && instance.cudaSupportLocation() != null
          && !reported.contains(instance.cudaSupportLocation().offset())) {
        reported.add(instance.cudaSupportLocation().offset());
        sink.report(model.at(instance.cudaSupportLocation()),
            instance.input() + " is imported with cudaSupport = true but nixml.cuda is off; remove it");
      }
    }
  }
}
