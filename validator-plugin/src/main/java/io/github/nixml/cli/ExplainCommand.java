package io.github.nixml.cli;

import io.github.nixml.validate.RuleDocs;
import io.github.nixml.validate.rules.BuiltInRules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nixml explain RULE}: the rule's own documentation, the same text as its section of docs/rules.md. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Prints a rule's documentation: what it checks, why, a bad and a good example, the fix.")
final class ExplainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "RULE", description = "A rule id, as printed in brackets after each finding.")
  String ruleId;

  @Override
  public Integer call() {
    var docs = RuleDocs.of(ruleId.trim());
    if (docs.isEmpty() || BuiltInRules.registry().find(ruleId.trim()).isEmpty()) {
      spec.commandLine().getErr().println("nixml: unknown rule '" + ruleId + "' (run `nixml rules` for the list)");
      return ExitCode.USAGE;
    }
    spec.commandLine().getOut().print(docs.get());
    return ExitCode.OK;
  }
}
