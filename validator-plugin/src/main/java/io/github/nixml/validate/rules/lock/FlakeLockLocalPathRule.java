package io.github.nixml.validate.rules.lock;

import io.github.nixml.lock.FlakeLock;
import io.github.nixml.lock.LockInput;
import io.github.nixml.lock.LockNode;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.DeclaredInput;
import io.github.nixml.validate.facts.NixpkgsInput;
import io.github.nixml.validate.facts.ProjectFacts;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code flake-lock-local-path}: an input of flake.nix is locked to an absolute path outside the project
 * ({@code "locked": {"type": "path", "path": "/nix/store/…-source"}}, or a {@code file:} URL): what a registry
 * pinned to the local nixpkgs ({@code nix.registry.nixpkgs.flake} on NixOS) or {@code --override-input X /path}
 * writes. Why: that path exists only on the machine that wrote the lock, so {@code nix develop} fails on every
 * other machine and in CI. A relative path ({@code path:./sub}) travels with the project and is not reported.
 */
public final class FlakeLockLocalPathRule extends BaseProjectRule {

  public FlakeLockLocalPathRule() {
    super(RuleDescriptor.of("flake-lock-local-path", Severity.WARNING,
        "An input is locked to a path on the machine that wrote flake.lock."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    ProjectFacts.lock(context).ifPresent(lock -> check(context, lock, sink));
  }

  private static void check(ProjectContext context, FlakeLock lock, FindingSink sink) {
    List<NixpkgsInput> nixpkgs = context.get(ProjectFacts.NIXPKGS_INPUTS);
    for (LockInput entry : lock.distinctRootInputs()) {
      LockNode node = lock.resolve(entry).orElseThrow();
      Optional<String> path = node.lockedRef().localPath();
      if (path.isEmpty() || !outsideProject(path.get(), context.directoryPath())) {
        continue;
      }
      Optional<NixpkgsInput> nixpkgsInput = nixpkgs.stream().filter(i -> i.name().equals(entry.name())).findFirst();
      sink.report(ProjectFacts.inLock(context, node.lockedPosition()), "input '" + entry.name()
          + "' is locked to " + path.get() + ", a path on the machine that wrote flake.lock: other machines and CI"
          + " cannot fetch it; " + advice(context, lock, entry, nixpkgsInput),
          ProjectFacts.declaredInputs(context).find(entry.name()).map(DeclaredInput::location).map(List::of)
              .orElse(List.of()));
    }
  }

  private static String advice(ProjectContext context, FlakeLock lock, LockInput entry,
      Optional<NixpkgsInput> nixpkgs) {
    if (nixpkgs.isPresent()) {
      NixpkgsInput input = nixpkgs.get();
      String branch = input.branch().orElse(BranchPolicies.of(context.config()).suggestedBranch());
      return input.followsNote().isPresent() ? input.updateAdvice()
          : "point it at github:NixOS/nixpkgs/" + branch + " and " + input.updateAdvice();
    }
    return "point it at a fetchable reference (github:owner/repo, git+https://…) and run `nix flake update "
        + lock.updatedBy(entry) + "`";
  }

  /** An absolute path, not under the project's own directory (a relative one travels with the project). */
  static boolean outsideProject(String path, Path project) {
    if (!path.startsWith("/") || path.equals("/dev/null")) {
      // `/dev/null`: devenv's placeholder for its `devenv-root` input (overridden from .envrc), the same empty file
      // on every machine
      return false;
    }
    try {
      return !Path.of(path).normalize().startsWith(project.toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return true; // not even a path here: certainly not the project's
    }
  }
}
