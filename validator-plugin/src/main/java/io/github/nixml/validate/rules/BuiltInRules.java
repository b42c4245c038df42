package io.github.nixml.validate.rules;

import io.github.nixml.validate.Rule;
import io.github.nixml.validate.RuleRegistry;
import io.github.nixml.validate.rules.files.EnvrcFhsFlakeRule;
import java.util.ArrayList;
import java.util.List;

/** Every rule nixml ships, in one place. Add a rule here and it runs, is documented in SARIF, and is configurable. */
public final class BuiltInRules {
  private BuiltInRules() {}

  /** One line per rule, grouped by area; the registry sorts them by id. */
  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    // Files and syntax
    rules.add(new NixSyntaxRule());
    rules.add(new NixUndefinedVariableRule());
    rules.add(new TomlSyntaxRule());
    rules.add(new MissingFileRule());
    // Python version
    rules.add(new PythonVersionFormatRule());
    rules.add(new RequiresPythonMismatchRule());
    // Repository hygiene
    rules.add(new VenvNotIgnoredRule());
    rules.add(new EnvrcNoFlakeRule());
    rules.add(new EnvrcFhsFlakeRule());
    // Dev-shell model rules
    rules.add(new PythonVersionMismatchRule());
    rules.add(new PythonInterpreterConflictRule());
    rules.add(new UvPythonDownloadsRule());
    rules.add(new VenvHookMissingRule());
    rules.add(new VenvDirMissingRule());
    rules.add(new VenvHookNotRunRule());
    rules.add(new FhsVenvMissingRule());
    rules.add(new CudaUnfreeNotAllowedRule());
    rules.add(new CudaSupportDisabledRule());
    rules.add(new CudaToolkitMissingRule());
    rules.add(new CudaNotLinuxGuardedRule());
    rules.add(new CudaUnexpectedRule());
    rules.add(new LdLibraryPathNotExportedRule());
    rules.add(new OpenglDriverPathMissingRule());
    rules.add(new CudaMixedNixpkgsRule());
    rules.add(new LibstdcxxMissingRule());
    rules.add(new FhsShellNotProvidedRule());
    rules.add(new LayoutUnknownRule());
    // flake.lock
    rules.add(new FlakeLockMissingRule());
    rules.add(new FlakeLockMismatchRule());
    rules.add(new FlakeLockSyntaxRule());
    rules.add(new NixpkgsBranchUnsupportedRule());
    rules.add(new NixpkgsBranchMasterRule());
    rules.add(new FlakeLockStaleRule());
    rules.add(new NixpkgsOwnerRule());
    return List.copyOf(rules);
  }

  public static RuleRegistry registry() {
    return RuleRegistry.of(all());
  }
}
