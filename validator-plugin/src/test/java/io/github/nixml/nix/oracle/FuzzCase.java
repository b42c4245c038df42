package io.github.nixml.nix.oracle;

import java.util.List;
import java.util.Random;

/**
 * One program of the differential run, derived from its own seed only, so any case can be replayed
 * alone with {@code -Dnixml.fuzz.seed=<case seed> -Dnixml.fuzz.count=1}.
 */
record FuzzCase(int index, long seed, String origin, String program) {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  /** The seed of case {@code index} in a run started with {@code runSeed}; case 0's is the run's. */
  static long caseSeed(long runSeed, int index) {
    return runSeed + index * GOLDEN_GAMMA;
  }

  /** Six in ten generated as is, three mutated after generation, one a mutated corpus file. */
  static FuzzCase create(int index, long seed, List<String> corpus) {
    NixProgramGenerator generator = new NixProgramGenerator(seed);
    Random random = generator.random();
    int kind = random.nextInt(10);
    if (kind < 6 || (kind == 9 && corpus.isEmpty())) {
      return new FuzzCase(index, seed, "generated", generator.program());
    } else if (kind < 9) {
      String base = generator.program();
      return new FuzzCase(index, seed, "mutated generated", new NixMutator(random).mutate(base));
    }
    int which = random.nextInt(corpus.size());
    return new FuzzCase(index, seed, "mutated corpus #" + which, new NixMutator(random).mutate(corpus.get(which)));
  }
}
