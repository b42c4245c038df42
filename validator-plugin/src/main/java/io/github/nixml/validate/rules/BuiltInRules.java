package io.github.nixml.validate.rules;

import io.github.nixml.validate.Rule;
import io.github.nixml.validate.RuleRegistry;
import java.util.List;

/** Every rule nixml ships, in one place. Add a rule here and it runs, is documented in SARIF, and is configurable. */
public final class BuiltInRules {
  private BuiltInRules() {}

  public static List<Rule> all() {
    return List.of(
        // Files and syntax
        // new NixSyntaxRule(),
        // new NixUndefinedVariableRule(),
        new TomlSyntaxRule(),
        new MissingFileRule()
        // Python version
        // new PythonVersionFormatRule(),
        // new RequiresPythonMismatchRule(),
        // Repository hygiene
        // new VenvNotIgnoredRule(),
        // new EnvrcNoFlakeRule()
        // Dev-shell model rules are added below this line.
        );
  }

  public static RuleRegistry registry() {
    return RuleRegistry.of(all());
  }
}
