package io.github.nixml.lock;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of {@code flake.lock}: a locked flake (or the root, which has neither {@code locked} nor
 * {@code original}).
 *
 * @param name the key under {@code nodes}
 * @param position where that key is written
 * @param inputs the node's inputs by name, in file order
 * @param original the flake reference as declared, scalar values as text ({@code type}, {@code owner},
 *     {@code repo}, {@code ref}, {@code url}, ...); empty for the root
 * @param originalPosition where {@code "original"} is written, or the node's position when absent
 * @param locked the pinned reference ({@code rev}, {@code narHash}, {@code lastModified}, ...); empty for the root
 * @param lockedPosition where {@code "locked"} is written, or the node's position when absent
 * @param lastModifiedPosition where {@code locked.lastModified} is written, when it is
 * @param flake false for {@code flake = false} inputs
 */
public record LockNode(
    String name,
    JsonPosition position,
    Map<String, LockInput> inputs,
    Map<String, String> original,
    JsonPosition originalPosition,
    Map<String, String> locked,
    JsonPosition lockedPosition,
    Optional<JsonPosition> lastModifiedPosition,
    boolean flake) {

  public LockNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    original = Map.copyOf(original);
    Objects.requireNonNull(originalPosition, "originalPosition");
    locked = Map.copyOf(locked);
    Objects.requireNonNull(lockedPosition, "lockedPosition");
    Objects.requireNonNull(lastModifiedPosition, "lastModifiedPosition");
  }

  /** The declared reference of this node, read back from {@code original}. */
  public FlakeRef originalRef() {
    return FlakeRef.fromAttributes(original);
  }

  /** The pinned reference of this node, read back from {@code locked}. */
  public FlakeRef lockedRef() {
    return FlakeRef.fromAttributes(locked);
  }

  /**
   * When the pinned revision was committed ({@code locked.lastModified}, seconds since the epoch); empty when absent
   * or 0, which Nix writes for a source without a time (a path in the store).
   */
  public Optional<Instant> lastModified() {
    String value = locked.get("lastModified");
    if (value == null) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(value);
      return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
