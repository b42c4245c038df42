package io.github.nixml.validate.rules.cuda;

import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.LockedWheels;
import io.github.nixml.validate.facts.LockedWheels.LockedPackage;
import io.github.nixml.validate.facts.ProjectFacts;
import java.util.List;

/**
 * {@code cuda-wheel-majors-mixed}: {@code uv.lock} installs, on Linux, wheels built for two CUDA majors
 * ({@code torch 2.7.1+cu128} with {@code nvidia-cublas-cu13}, {@code cupy-cuda12x} with {@code torch +cu130}). Why:
 * each wheel loads its own major's libraries ({@code libcublas.so.12} against {@code libcublas.so.13}); a process
 * importing both gets two CUDA runtimes, an undefined symbol, or "CUDA driver version is insufficient". Silent when
 * the lock holds alternatives that never install together (conflicting extras, forks), since then the two majors
 * may belong to different environments.
 */
public final class CudaWheelMajorsMixedRule extends BaseProjectRule {

  public CudaWheelMajorsMixedRule() {
    super(RuleDescriptor.of("cuda-wheel-majors-mixed", Severity.ERROR,
        "uv.lock installs wheels of two CUDA majors."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    LockedWheels lock = context.get(ProjectFacts.LOCKED_WHEELS);
    if (lock.hasAlternatives()) {
      return; // conflicting extras or forks: which packages install together is not known
    }
    List<LockedPackage> cuda = lock.forLinux().stream().filter(p -> p.cudaMajor().isPresent()).toList();
    if (cuda.isEmpty()) {
      return;
    }
    LockedPackage first = cuda.get(0);
    int firstMajor = first.cudaMajor().getAsInt();
    cuda.stream().filter(p -> p.cudaMajor().getAsInt() != firstMajor).findFirst().ifPresent(other -> {
      int otherMajor = other.cudaMajor().getAsInt();
      sink.report(other.location(), context.uvLockSource().path() + " installs " + other.label() + " (CUDA "
          + otherMajor + ") with " + first.label() + " (CUDA " + firstMajor + ", " + first.location() + "): each"
          + " loads its own major's CUDA libraries (lib*.so." + otherMajor + " against lib*.so." + firstMajor
          + "), so a process importing both gets two CUDA runtimes or fails with an undefined symbol or \"CUDA"
          + " driver version is insufficient\"; align the extras and indexes to one CUDA version and run `uv lock`",
          List.of(first.location()));
    });
  }
}
