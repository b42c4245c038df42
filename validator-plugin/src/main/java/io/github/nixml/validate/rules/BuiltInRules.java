package io.github.nixml.validate.rules;

import io.github.nixml.validate.Rule;
import io.github.nixml.validate.RuleRegistry;
import io.github.nixml.validate.rules.cuda.CudaMixedNixpkgsRule;
import io.github.nixml.validate.rules.cuda.CudaNotLinuxGuardedRule;
import io.github.nixml.validate.rules.cuda.CudaSupportDisabledRule;
import io.github.nixml.validate.rules.cuda.CudaToolkitMissingRule;
import io.github.nixml.validate.rules.cuda.CudaUnexpectedRule;
import io.github.nixml.validate.rules.cuda.CudaUnfreeNotAllowedRule;
import io.github.nixml.validate.rules.cuda.CudaWheelMajorsMixedRule;
import io.github.nixml.validate.rules.files.EnvrcFhsFlakeRule;
import io.github.nixml.validate.rules.files.EnvrcNoFlakeRule;
import io.github.nixml.validate.rules.files.FileEncodingRule;
import io.github.nixml.validate.rules.files.FileTooLargeRule;
import io.github.nixml.validate.rules.files.MissingFileRule;
import io.github.nixml.validate.rules.files.TomlSyntaxRule;
import io.github.nixml.validate.rules.libraries.EnvVarUnsetSourceRule;
import io.github.nixml.validate.rules.libraries.LdLibraryPathNotExportedRule;
import io.github.nixml.validate.rules.libraries.LibstdcxxMissingRule;
import io.github.nixml.validate.rules.libraries.OpenglDriverPathMissingRule;
import io.github.nixml.validate.rules.libraries.WheelLibraryMissingRule;
import io.github.nixml.validate.rules.lock.FlakeInputUndeclaredRule;
import io.github.nixml.validate.rules.lock.FlakeLockLocalPathRule;
import io.github.nixml.validate.rules.lock.FlakeLockMismatchRule;
import io.github.nixml.validate.rules.lock.FlakeLockMissingRule;
import io.github.nixml.validate.rules.lock.FlakeLockStaleRule;
import io.github.nixml.validate.rules.lock.FlakeLockSyntaxRule;
import io.github.nixml.validate.rules.lock.NixpkgsBranchMasterRule;
import io.github.nixml.validate.rules.lock.NixpkgsBranchUnsupportedRule;
import io.github.nixml.validate.rules.lock.NixpkgsOwnerRule;
import io.github.nixml.validate.rules.lock.NixpkgsRefMissingRule;
import io.github.nixml.validate.rules.nix.NixSyntaxRule;
import io.github.nixml.validate.rules.nix.NixUndefinedVariableRule;
import io.github.nixml.validate.rules.python.NixpkgsAttributeRemovedRule;
import io.github.nixml.validate.rules.python.PythonInterpreterConflictRule;
import io.github.nixml.validate.rules.python.PythonPackagesMismatchRule;
import io.github.nixml.validate.rules.python.PythonVersionFormatRule;
import io.github.nixml.validate.rules.python.PythonVersionMismatchRule;
import io.github.nixml.validate.rules.python.RequiresPythonMismatchRule;
import io.github.nixml.validate.rules.python.UvLockPythonExcludedRule;
import io.github.nixml.validate.rules.python.UvPythonDownloadsRule;
import io.github.nixml.validate.rules.python.UvPythonMismatchRule;
import io.github.nixml.validate.rules.shell.DevShellsSystemLevelRule;
import io.github.nixml.validate.rules.shell.FhsShellNotProvidedRule;
import io.github.nixml.validate.rules.shell.FhsTargetPkgsBrokenRule;
import io.github.nixml.validate.rules.shell.LayoutUnknownRule;
import io.github.nixml.validate.rules.shell.NixpkgsSystemMismatchRule;
import io.github.nixml.validate.rules.venv.FhsVenvMissingRule;
import io.github.nixml.validate.rules.venv.VenvDirMissingRule;
import io.github.nixml.validate.rules.venv.VenvHookMissingRule;
import io.github.nixml.validate.rules.venv.VenvHookNotRunRule;
import io.github.nixml.validate.rules.venv.VenvNotIgnoredRule;
import io.github.nixml.validate.rules.venv.VenvStaleRule;
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
    rules.add(new FileEncodingRule());
    rules.add(new FileTooLargeRule());
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
    rules.add(new NixpkgsAttributeRemovedRule());
    rules.add(new UvPythonDownloadsRule());
    rules.add(new UvPythonMismatchRule());
    rules.add(new PythonPackagesMismatchRule());
    rules.add(new UvLockPythonExcludedRule());
    rules.add(new VenvHookMissingRule());
    rules.add(new VenvDirMissingRule());
    rules.add(new VenvHookNotRunRule());
    rules.add(new VenvStaleRule());
    rules.add(new FhsVenvMissingRule());
    rules.add(new CudaUnfreeNotAllowedRule());
    rules.add(new CudaSupportDisabledRule());
    rules.add(new CudaToolkitMissingRule());
    rules.add(new CudaNotLinuxGuardedRule());
    rules.add(new CudaUnexpectedRule());
    rules.add(new LdLibraryPathNotExportedRule());
    rules.add(new OpenglDriverPathMissingRule());
    rules.add(new CudaMixedNixpkgsRule());
    rules.add(new CudaWheelMajorsMixedRule());
    rules.add(new LibstdcxxMissingRule());
    rules.add(new WheelLibraryMissingRule());
    rules.add(new EnvVarUnsetSourceRule());
    rules.add(new FhsShellNotProvidedRule());
    rules.add(new FhsTargetPkgsBrokenRule());
    rules.add(new DevShellsSystemLevelRule());
    rules.add(new NixpkgsSystemMismatchRule());
    rules.add(new LayoutUnknownRule());
    // flake.lock
    rules.add(new FlakeLockMissingRule());
    rules.add(new FlakeInputUndeclaredRule());
    rules.add(new FlakeLockMismatchRule());
    rules.add(new FlakeLockSyntaxRule());
    rules.add(new NixpkgsBranchUnsupportedRule());
    rules.add(new NixpkgsBranchMasterRule());
    rules.add(new NixpkgsRefMissingRule());
    rules.add(new FlakeLockStaleRule());
    rules.add(new FlakeLockLocalPathRule());
    rules.add(new NixpkgsOwnerRule());
    return List.copyOf(rules);
  }

  public static RuleRegistry registry() {
    return RuleRegistry.of(all());
  }
}
