package io.github.nixml.validate.rules.lock;

import io.github.nixml.lock.LockNode;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.NixpkgsInput;
import io.github.nixml.validate.facts.ProjectFacts;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * {@code flake-lock-stale}: a locked nixpkgs revision ({@code locked.lastModified}) is older than
 * {@code nixml.maxLockAgeDays} (30 by default) on {@code nixml.today}. Why: an old pin misses security fixes and
 * the CUDA, driver and Python updates of its branch, and the longer it waits the larger (and riskier) the jump when
 * someone finally runs {@code nix flake update}. A node locked to a local path, or without a {@code lastModified}
 * (Nix writes 0 for a store path), has no age and is not judged.
 */
public final class FlakeLockStaleRule extends BaseProjectRule {

  public FlakeLockStaleRule() {
    super(RuleDescriptor.of("flake-lock-stale", Severity.WARNING,
        "A locked nixpkgs revision is older than nixml.maxLockAgeDays."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    LocalDate today = context.config().today();
    int maxAge = context.config().maxLockAgeDays();
    for (NixpkgsInput input : context.get(ProjectFacts.NIXPKGS_INPUTS)) {
      if (input.node().isEmpty() || input.node().get().lockedRef().localPath().isPresent()) {
        continue; // a path has no revision to age: flake-lock-local-path reports one outside the project
      }
      LockNode node = input.node().get();
      node.lastModified().ifPresent(instant -> {
        LocalDate locked = instant.atZone(ZoneOffset.UTC).toLocalDate();
        long age = ChronoUnit.DAYS.between(locked, today);
        if (age > maxAge) {
          // a revision written in the URL (github:NixOS/nixpkgs/<rev>) is what `nix flake update` keeps
          String advice = node.originalRef().rev().isPresent()
              ? "flake.nix pins that revision in the input's URL, so `nix flake update` keeps it: point the URL at a "
                  + "newer revision or a branch, then run " + input.updateCommand()
              : input.updateAdvice() + " and commit flake.lock";
          sink.report(input.location(), "nixpkgs input '" + input.name() + "' is locked to a revision from "
              + locked + ", " + age + " days before " + today + " (more than " + maxAge + "): " + advice,
              input.related());
        }
      });
    }
  }
}
