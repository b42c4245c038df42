package io.github.nixml.validate.rules;

import io.github.nixml.lock.FlakeLock;
import io.github.nixml.lock.FlakeLockReader;
import io.github.nixml.lock.FlakeLockResult;
import io.github.nixml.lock.JsonPosition;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.ProjectFacet;
import java.util.List;
import java.util.Optional;

/** What the flake.lock rules share per project, each computed once: the lock, the declared inputs, the nixpkgs inputs. */
public final class FlakeLockFacets {
  private FlakeLockFacets() {}

  /** flake.lock read and checked; empty when it is missing or unreadable. */
  public static final ProjectFacet<Optional<FlakeLockResult>> LOCK_FILE =
      context -> context.flakeLock().text().map(FlakeLockReader::read);

  /** The inputs flake.nix declares, read from its syntax tree. */
  public static final ProjectFacet<DeclaredInputs> DECLARED_INPUTS =
      context -> DeclaredInputsReader.read(context);

  /** Every nixpkgs input of the project, from the lock when it is well-formed, else from flake.nix. */
  public static final ProjectFacet<List<NixpkgsInput>> NIXPKGS_INPUTS = NixpkgsInput::of;

  /** The lock, when flake.lock is present and well-formed. */
  public static Optional<FlakeLock> lock(ProjectContext context) {
    return context.get(LOCK_FILE).flatMap(result -> result instanceof FlakeLockResult.Read read
        ? Optional.of(read.lock()) : Optional.empty());
  }

  public static DeclaredInputs declaredInputs(ProjectContext context) {
    return context.get(DECLARED_INPUTS);
  }

  /** A position in this project's flake.lock. */
  static Location inLock(ProjectContext context, JsonPosition position) {
    return context.flakeLock().location(position.line(), position.column());
  }
}
