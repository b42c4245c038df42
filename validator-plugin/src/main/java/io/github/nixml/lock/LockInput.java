package io.github.nixml.lock;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a lock node's {@code inputs}: either the name of another node ({@code "nixpkgs": "nixpkgs_2"}) or a
 * follows path from the root ({@code "systems": ["systems"]}, written for {@code inputs.systems.follows}).
 *
 * @param name the input name, the key in {@code inputs}
 * @param position where the key is written in {@code flake.lock}
 * @param node the node name for a direct input, empty for a follows entry
 * @param follows the path of input names from the root for a follows entry, empty for a direct input
 */
public record LockInput(String name, JsonPosition position, Optional<String> node, List<String> follows) {

  public LockInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(node, "node");
    follows = List.copyOf(follows);
  }

  public static LockInput direct(String name, JsonPosition position, String node) {
    return new LockInput(name, position, Optional.of(node), List.of());
  }

  public static LockInput following(String name, JsonPosition position, List<String> path) {
    return new LockInput(name, position, Optional.empty(), path);
  }

  public boolean isFollows() {
    return node.isEmpty();
  }

  /** The follows path as flake.nix writes it: {@code "a/b"}. */
  public String followsText() {
    return String.join("/", follows);
  }
}
