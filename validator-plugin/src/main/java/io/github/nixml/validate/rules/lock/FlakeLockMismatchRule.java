package io.github.nixml.validate.rules.lock;

import io.github.nixml.lock.FlakeLock;
import io.github.nixml.lock.FlakeRef;
import io.github.nixml.lock.LockInput;
import io.github.nixml.lock.LockNode;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.DeclaredInput;
import io.github.nixml.validate.facts.DeclaredInputs;
import io.github.nixml.validate.facts.ProjectFacts;
import java.util.List;
import java.util.Optional;

/**
 * {@code flake-lock-mismatch}: flake.lock does not lock what flake.nix declares: a declared input has no entry in
 * the lock's root node, a locked input is no longer declared, a node's {@code original} (type, owner, repository,
 * branch, URL) differs from the declared URL, or a follows / {@code flake = false} setting differs. An input named
 * only in the {@code outputs} formals is declared (Nix takes it from the registry), however the lock records it. Why: Nix then
 * re-locks silently on the next {@code nix develop} (so the committed lock is not what runs), or fails outright
 * under {@code --no-update-lock-file} in CI.
 */
public final class FlakeLockMismatchRule extends BaseProjectRule {

  private static final String FIX = "run `nix flake lock` and commit flake.lock";

  public FlakeLockMismatchRule() {
    super(RuleDescriptor.of("flake-lock-mismatch", Severity.ERROR,
        "flake.lock does not lock the inputs flake.nix declares."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    Optional<FlakeLock> found = ProjectFacts.lock(context);
    if (found.isEmpty()) {
      return;
    }
    FlakeLock lock = found.get();
    DeclaredInputs declared = ProjectFacts.declaredInputs(context);
    LockNode root = lock.root();
    for (DeclaredInput input : declared.inputs()) {
      LockInput entry = root.inputs().get(input.name());
      List<Location> related = List.of(input.location());
      if (entry == null) {
        sink.report(ProjectFacts.inLock(context, root.position()), "input '" + input.name()
            + "' of flake.nix is not in flake.lock: " + FIX, related);
      } else if (input.isFollows()) {
        List<String> follows = input.follows().orElseThrow();
        if (!entry.isFollows() || !entry.follows().equals(follows)) {
          sink.report(ProjectFacts.inLock(context, entry.position()), "input '" + input.name()
              + "' follows '" + String.join("/", follows) + "' in flake.nix but flake.lock "
              + describe(entry) + ": " + FIX, related);
        }
      } else if (entry.isFollows()) {
        sink.report(ProjectFacts.inLock(context, entry.position()), "flake.lock makes input '" + input.name()
            + "' follow '" + entry.followsText() + "' but flake.nix declares it on its own: " + FIX, related);
      } else {
        lock.resolve(entry).ifPresent(node -> checkNode(context, input, node, related, sink));
      }
    }
    if (declared.complete()) {
      for (LockInput entry : root.inputs().values()) {
        if (declared.find(entry.name()).isEmpty() && !registryInput(context, entry)) {
          sink.report(ProjectFacts.inLock(context, entry.position()), "flake.lock locks input '"
              + entry.name() + "', which flake.nix no longer declares: " + FIX,
              declared.location().map(List::of).orElse(List.of()));
        }
      }
    }
  }

  private static void checkNode(ProjectContext context, DeclaredInput input, LockNode node, List<Location> related,
      FindingSink sink) {
    if (!input.computed() && input.reference().isPresent()) {
      FlakeRef declared = input.reference().get();
      FlakeRef original = node.originalRef();
      if (!declared.identity().equals(original.identity())) {
        sink.report(ProjectFacts.inLock(context, node.originalPosition()), "input '" + input.name()
            + "' is declared as " + input.urlText().orElse(declared.display()) + " in flake.nix but flake.lock"
            + " locked " + original.display() + ": " + FIX, related);
      }
    }
    boolean flake = input.flake().orElse(true);
    if (flake != node.flake()) {
      sink.report(ProjectFacts.inLock(context, node.position()), "input '" + input.name() + "' has flake = "
          + flake + " in flake.nix but flake.lock records flake = " + node.flake() + ": " + FIX, related);
    }
    for (DeclaredInput.InputOverride override : input.overrides()) {
      LockInput nested = node.inputs().get(override.input());
      if (nested != null && (!nested.isFollows() || !nested.follows().equals(override.follows()))) {
        sink.report(ProjectFacts.inLock(context, nested.position()), "input '" + override.input() + "' of '"
            + input.name() + "' follows '" + override.followsText() + "' in flake.nix but flake.lock "
            + describe(nested) + ": " + FIX, List.of(override.location()));
      }
    }
  }

  /**
   * An input named only in the {@code outputs} formals: Nix looks it up in the registry, so it is declared after
   * all. Nix records it as {@code {"type": "indirect", "id": <name>}}, or (older Nix) as the registry entry it
   * resolved to ({@code github:NixOS/nixpkgs/nixpkgs-unstable}); which registry the machine had is not known here.
   */
  private static boolean registryInput(ProjectContext context, LockInput entry) {
    return context.get(ProjectFacts.OUTPUTS_FORMALS).containsKey(entry.name());
  }

  private static String describe(LockInput entry) {
    return entry.isFollows() ? "makes it follow '" + entry.followsText() + "'"
        : "locks it on its own (node '" + entry.node().orElseThrow() + "')";
  }
}
