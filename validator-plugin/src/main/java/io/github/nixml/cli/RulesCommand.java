package io.github.nixml.cli;

import io.github.nixml.validate.Rule;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nixml rules}: every rule with its default severity and what it checks. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Lists the rules: id, default severity, what each checks. Details: nixml explain RULE.")
final class RulesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int width = 0;
    for (Rule rule : BuiltInRules.registry().all()) {
      width = Math.max(width, rule.id().length());
    }
    for (Rule rule : BuiltInRules.registry().all()) {
      RuleDescriptor descriptor = rule.descriptor();
      out.printf("%-" + width + "s  %-7s  %s%n", descriptor.id(), descriptor.defaultSeverity().id(),
          descriptor.shortDescription());
    }
    return ExitCode.OK;
  }
}
