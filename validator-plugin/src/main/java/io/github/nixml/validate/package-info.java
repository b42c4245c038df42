/**
 * The validator engine: project discovery, the rule SPI, findings, configuration.
 *
 * <h2>Adding a rule</h2>
 * <ol>
 *   <li>Write one class in the area package {@code io.github.nixml.validate.rules.<area>} extending {@link
 *       io.github.nixml.validate.BaseProjectRule} (per project), {@link io.github.nixml.validate.BaseNixFileRule}
 *       (per {@code *.nix} file) or the area's base (the dev-shell rules' {@code DevShellRule}), giving its
 *       {@link io.github.nixml.validate.RuleDescriptor} (kebab-case id, default severity, one-line description)
 *       to the constructor, with a Javadoc saying what it checks and why it matters.</li>
 *   <li>Report through the {@link io.github.nixml.validate.FindingSink}; it knows the id and the configured
 *       severity. Locations come from {@link io.github.nixml.validate.SourceFile#locationAt(int, int)} (offsets) or
 *       {@link io.github.nixml.validate.SourceFile#location(int, int)}; whole-file findings use
 *       {@link io.github.nixml.validate.SourceFile#location()}. Pass related locations for mismatches.</li>
 *   <li>Derived per-project objects (the dev-shell model, the lock, the declared inputs) are {@link
 *       io.github.nixml.validate.ProjectFacet} constants in {@code validate.facts.ProjectFacts}:
 *       {@code context.get(ProjectFacts.MODEL)} computes once per project and shares the result.</li>
 *   <li>To offer a fix, pass an {@code Optional<Fix>} as the last argument of {@code report}, computed by a small
 *       class of the rule's area package from the syntax tree (never from text patterns over Nix source), and add
 *       {@code src/test/resources/fixes/<id>/{bad-,tricky-}<case>/} with the input files and {@code expected/}
 *       holding each file as fixed; {@code FixFixturesTest} also checks the result with nix-instantiate and
 *       tomllib and that a second run changes nothing.</li>
 *   <li>Add one line to {@code BuiltInRules.all()} and a fixture folder
 *       {@code src/test/resources/rules/<id>/{bad-,good-,tricky-}<case>/} with {@code expected.txt} (findings with
 *       their messages);
 *       {@code RuleFixturesTest} runs the whole engine on each case and insists on all three kinds.</li>
 * </ol>
 * Suppression ({@code # nixml: ignore <id>} on the line or the line above), severity overrides, sorting and
 * parallelism are the engine's: rules never deal with them.
 */
package io.github.nixml.validate;
