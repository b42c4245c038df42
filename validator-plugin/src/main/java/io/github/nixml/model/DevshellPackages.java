package io.github.nixml.model;

import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.Str;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The packages of a numtide devshell, as its {@code strOrPackage} type reads them: a package, or a string naming
 * one by attribute path in the shell's nixpkgs ({@code "python3"}, {@code "python3Packages.black"}).
 */
final class DevshellPackages {
  private final NixpkgsInstance instance;
  private final List<PackageRef> refs = new ArrayList<>();
  private final List<Item> values = new ArrayList<>();

  DevshellPackages(NixpkgsInstance instance) {
    this.instance = instance;
  }

  /** Adds every package of a list; false when the list or some entry is not understood. */
  boolean add(Value list) {
    List<Item> items = Evaluator.items(list);
    if (items == null) {
      return false;
    }
    boolean complete = true;
    for (Item item : items) {
      complete &= add(item.value(), item.guard());
    }
    return complete;
  }

  /** Adds one package (null: none); false when it is not understood. */
  boolean add(Value value, PlatformGuard guard) {
    if (value instanceof Value.Null) {
      return true;
    }
    Value resolved = value;
    if (value instanceof Str str) {
      if (str.literal() == null || str.literal().isEmpty()) {
        return false;
      }
      resolved = new Pkg(instance, Arrays.asList(str.literal().split("\\.")), str.span());
    }
    Item item = new Item(resolved, guard);
    values.add(item);
    return DevShellExtractor.addPackages(new Value.ListV(List.of(item)), refs);
  }

  List<PackageRef> refs() {
    return refs;
  }

  /** The packages as a list value, for a library path made of them ({@code $DEVSHELL_DIR/lib}). */
  Value values() {
    return new Value.ListV(List.copyOf(values));
  }
}
