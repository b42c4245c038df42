package io.github.nixml.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checked-in matrix-* cases cover every pythonVersion x cuda x branch combination, so GeneratedProjectsTest runs
 * its oracles on all of them; a case deleted by mistake fails here instead of shrinking the matrix silently.
 */
class MatrixCompletenessTest {

  private static final List<String> PYTHON_VERSIONS = List.of("3.10", "3.11", "3.12", "3.13", "3.14");
  private static final List<String> BRANCHES = List.of("nixos-26.05", "nixos-unstable");

  @Test
  void everyCombinationHasAGeneratedProject() {
    List<String> expected = new ArrayList<>();
    for (String python : PYTHON_VERSIONS) {
      for (boolean cuda : new boolean[] {true, false}) {
        for (String branch : BRANCHES) {
          expected.add(python + " cuda=" + cuda + " " + branch);
        }
      }
    }
    List<String> generated = GeneratedCase.all().stream()
        .filter(c -> c.name().startsWith("matrix-"))
        .peek(c -> assertThat(c.project()).as("generated project of %s", c).isDirectory())
        .map(c -> c.pythonVersion() + " cuda=" + c.cuda() + " " + c.nixpkgsBranch())
        .toList();
    assertThat(generated).containsExactlyInAnyOrderElementsOf(expected);
  }
}
