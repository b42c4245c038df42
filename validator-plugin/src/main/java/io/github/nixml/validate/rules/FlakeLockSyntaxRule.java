package io.github.nixml.validate.rules;

import io.github.nixml.lock.FlakeLockResult;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.ProjectRule;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;

/**
 * {@code flake-lock-syntax}: flake.lock is not valid JSON, or is JSON but not a lock file (a supported
 * {@code version}, a {@code root} naming one of the {@code nodes}, inputs naming existing nodes, {@code locked}
 * and {@code original} on every other node). Why: Nix refuses the whole flake on a broken lock ("error: ... while
 * parsing flake.lock"), typically after a merge conflict was resolved by hand.
 */
public final class FlakeLockSyntaxRule implements ProjectRule {
  private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of("flake-lock-syntax", Severity.ERROR,
      "flake.lock is not valid JSON or not a lock file.");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    SourceFile lock = context.flakeLock();
    if (lock.isUnreadable()) {
      if (!lock.isTooLarge()) { // file-too-large reports it
        sink.report(lock.location(), lock.path() + " " + lock.problem().orElse("cannot be read"));
      }
      return;
    }
    if (context.get(FlakeLockFacets.LOCK_FILE).orElse(null) instanceof FlakeLockResult.Rejected rejected) {
      sink.report(FlakeLockFacets.inLock(context, rejected.position()), rejected.message()
          + "; fix it by hand or regenerate it with `nix flake lock`");
    }
  }
}
