/**
 * The validator engine: project discovery, the rule SPI, findings, configuration.
 *
 * <h2>Adding a rule</h2>
 * <ol>
 *   <li>Write one class in {@code io.github.nixml.validate.rules} implementing {@link
 *       io.github.nixml.validate.ProjectRule} (per project) or {@link io.github.nixml.validate.NixFileRule} (per
 *       {@code *.nix} file), with a {@link io.github.nixml.validate.RuleDescriptor} (kebab-case id, default
 *       severity, one-line description) and a Javadoc saying what it checks and why it matters.</li>
 *   <li>Report through the {@link io.github.nixml.validate.FindingSink}; it knows the id and the configured
 *       severity. Locations come from {@link io.github.nixml.validate.SourceFile#locationAt(int, int)} (offsets) or
 *       {@link io.github.nixml.validate.SourceFile#location(int, int)}; whole-file findings use
 *       {@link io.github.nixml.validate.SourceFile#location()}. Pass related locations for mismatches.</li>
 *   <li>Derived per-project objects (the dev-shell model) are {@link io.github.nixml.validate.ProjectFacet}
 *       constants: {@code context.get(DEV_SHELLS)} computes once per project and shares the result.</li>
 *   <li>To offer a fix, pass an {@code Optional<Fix>} as the last argument of {@code report}, computed by a small
 *       class of the rule's area package from the syntax tree (never from text patterns over Nix source), and add
 *       {@code src/test/resources/fixes/<id>/{bad-,tricky-}<case>/} with the input files and {@code expected/}
 *       holding each file as fixed; {@code FixFixturesTest} also checks the result with nix-instantiate and
 *       tomllib and that a second run changes nothing.</li>
 *   <li>Add one line to {@code BuiltInRules.all()} and a fixture folder
 *       {@code src/test/resources/rules/<id>/{bad-,good-,tricky-}<case>/} with {@code expected.txt};
 *       {@code RuleFixturesTest} runs the whole engine on each case and insists on all three kinds.</li>
 * </ol>
 * Suppression ({@code # nixml: ignore <id>} on the line or the line above), severity overrides, sorting and
 * parallelism are the engine's: rules never deal with them.
 */
package io.github.nixml.validate;
