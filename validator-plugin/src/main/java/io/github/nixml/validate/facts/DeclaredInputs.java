package io.github.nixml.validate.facts;

import io.github.nixml.validate.Location;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The inputs {@code flake.nix} declares, in file order, and whether that list is the whole truth: when the
 * {@code inputs} attribute is computed (a function call, an import, {@code //}), {@code complete} is false and the
 * rules do not claim that a locked input is no longer declared.
 *
 * @param inputs the inputs read from the syntax tree
 * @param complete true when every input could be read
 * @param location where {@code inputs} is written, when it is
 */
public record DeclaredInputs(List<DeclaredInput> inputs, boolean complete, Optional<Location> location) {

  public static final DeclaredInputs NONE = new DeclaredInputs(List.of(), false, Optional.empty());

  public DeclaredInputs {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(location, "location");
  }

  public Optional<DeclaredInput> find(String name) {
    return inputs.stream().filter(input -> input.name().equals(name)).findFirst();
  }

  public boolean isEmpty() {
    return inputs.isEmpty();
  }
}
