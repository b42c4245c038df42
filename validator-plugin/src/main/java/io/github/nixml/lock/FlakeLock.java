package io.github.nixml.lock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A well-formed {@code flake.lock}: a version, the name of the root node, and the nodes. Every node an input names
 * exists (the reader checks it), so {@link #resolve} fails only on follows paths that lead nowhere.
 */
public record FlakeLock(int version, String rootName, Map<String, LockNode> nodes) {

  /** The lock file version current Nix writes. */
  public static final int CURRENT_VERSION = 7;

  public FlakeLock {
    Objects.requireNonNull(rootName, "rootName");
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    if (!nodes.containsKey(rootName)) {
      throw new IllegalArgumentException("root node '" + rootName + "' is not among the nodes");
    }
  }

  public LockNode root() {
    return nodes.get(rootName);
  }

  public Optional<LockNode> node(String name) {
    return Optional.ofNullable(nodes.get(name));
  }

  /** The node an input designates: its node, or the end of its follows path walked from the root. */
  public Optional<LockNode> resolve(LockInput input) {
    return input.isFollows() ? follow(input.follows(), new ArrayList<>()) : node(input.node().orElseThrow());
  }

  /**
   * The root's inputs that lead to a node, each node once: a node reached both directly and by a follows is named
   * by its own input (direct entries come first, then follows entries, each in file order).
   */
  public List<LockInput> distinctRootInputs() {
    List<LockInput> entries = new ArrayList<>(root().inputs().values());
    entries.sort(Comparator.comparing(LockInput::isFollows));
    Set<String> seen = new HashSet<>();
    List<LockInput> distinct = new ArrayList<>();
    for (LockInput entry : entries) {
      if (resolve(entry).filter(node -> seen.add(node.name())).isPresent()) {
        distinct.add(entry);
      }
    }
    return List.copyOf(distinct);
  }

  /**
   * The root input whose {@code nix flake update} re-locks what a root entry designates: the entry itself, or for
   * one that follows another input's ({@code "nixpkgs": ["hf-nix", "nixpkgs"]}, written for
   * {@code inputs.nixpkgs.follows = "hf-nix/nixpkgs"}) the first input of its path, walked on while that one
   * follows too. Nix takes a followed input from the lock of the input it belongs to, so only updating that
   * input moves it.
   */
  public String updatedBy(LockInput entry) {
    LockInput current = entry;
    for (int steps = 0; current.isFollows() && !current.follows().isEmpty() && steps <= nodes.size(); steps++) {
      LockInput next = root().inputs().get(current.follows().get(0));
      if (next == null || next == current) {
        return current.follows().get(0);
      }
      current = next;
    }
    return current.name();
  }

  /** Walks a path of input names from the root; a follows along the way restarts from the root, as in Nix. */
  public Optional<LockNode> follow(List<String> path) {
    return follow(path, new ArrayList<>());
  }

  private Optional<LockNode> follow(List<String> path, List<List<String>> seen) {
    if (seen.contains(path) || seen.size() > nodes.size() + 8) {
      return Optional.empty(); // a follows cycle
    }
    seen.add(path);
    LockNode current = root();
    for (String step : path) {
      LockInput next = current.inputs().get(step);
      if (next == null) {
        return Optional.empty();
      }
      Optional<LockNode> target = next.isFollows() ? follow(next.follows(), seen) : node(next.node().orElseThrow());
      if (target.isEmpty()) {
        return Optional.empty();
      }
      current = target.get();
    }
    return Optional.of(current);
  }
}
