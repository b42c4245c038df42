package io.github.nixml.nix.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NixProgramGeneratorTest {

  @Test
  void sameSeedGivesTheSameProgram() {
    assertThat(new NixProgramGenerator(42).program()).isEqualTo(new NixProgramGenerator(42).program());
    assertThat(FuzzCase.create(3, 99, List.of("{ a = 1; }")))
        .isEqualTo(FuzzCase.create(3, 99, List.of("{ a = 1; }")));
  }

  @Test
  void replaySeedOfACaseIsTheRunSeedOfCaseZero() {
    long runSeed = 1234;
    long caseSeed = FuzzCase.caseSeed(runSeed, 17);
    assertThat(FuzzCase.create(0, FuzzCase.caseSeed(caseSeed, 0), List.of()).program())
        .isEqualTo(FuzzCase.create(17, caseSeed, List.of()).program());
  }

  @Test
  void aThousandProgramsCoverEveryConstruct() {
    StringBuilder all = new StringBuilder();
    for (int seed = 0; seed < 1000; seed++) {
      all.append(new NixProgramGenerator(seed).program()).append('\n');
    }
    String text = all.toString();
    List<String> constructs = List.of("rec {", "inherit (", "inherit ", "let {", "let ", " in ", "with ",
        "assert ", "if ", " then ", " else ", "...", "@", " ? ", " or ", "${", "''", "'''", "''$", "\\n",
        "$${", "<nixpkgs>", "://", "~/", "./", "../", ".5", "1.e5", "__curPos", "\"a b\"", "or =",
        " -> ", " || ", " && ", " == ", " != ", " < ", " <= ", " > ", " >= ", " // ", " + ", " - ", " * ",
        " / ", " ++ ", "!", "/*", "# ", "\t", "\r\n", "[ ", "{ }", "x'", "foo-bar", ": ");
    List<String> missing = new ArrayList<>();
    for (String construct : constructs) {
      if (!text.contains(construct)) {
        missing.add(construct);
      }
    }
    assertThat(missing).as("constructs the generator never produced").isEmpty();
  }

  @Test
  void mutationsChangeThePrograms() {
    Random random = new Random(5);
    NixMutator mutator = new NixMutator(random);
    int changed = 0;
    for (int i = 0; i < 200; i++) {
      String program = new NixProgramGenerator(i).program();
      if (!mutator.mutate(program).equals(program)) {
        changed++;
      }
    }
    assertThat(changed).isGreaterThan(180);
  }
}
