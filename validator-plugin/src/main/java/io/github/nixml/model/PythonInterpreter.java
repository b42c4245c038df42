package io.github.nixml.model;

import java.util.Optional;

/**
 * A Python interpreter a shell brings: {@code 3.12} from {@code python312}, and the reference that brings it.
 *
 * @param resolvedIn for an alias such as {@code python3}, the nixpkgs revision whose facts said what it is
 *     ({@code nixpkgs 24.11}); empty when the reference names the interpreter itself
 */
public record PythonInterpreter(String version, String attribute, PackageRef ref, Optional<String> resolvedIn) {

  public PythonInterpreter(String version, String attribute, PackageRef ref) {
    this(version, attribute, ref, Optional.empty());
  }

  /** {@code python312}, or for an alias {@code python3 (python312 in nixpkgs 24.11)}, for messages. */
  public String describe() {
    return resolvedIn.map(revision -> ref.attrPath().get(0) + " (" + attribute + " in " + revision + ")")
        .orElse(attribute);
  }
}
