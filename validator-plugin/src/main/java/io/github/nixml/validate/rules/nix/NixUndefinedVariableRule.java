package io.github.nixml.validate.rules.nix;

import io.github.nixml.nix.NixDiagnostic;
import io.github.nixml.nix.NixFile;
import io.github.nixml.validate.BaseNixFileRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.NixSource;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;

/**
 * {@code nix-undefined-variable}: a name in a {@code *.nix} file is bound by no {@code let}, function argument,
 * {@code rec} set or builtin, and no enclosing {@code with} could supply it. Why: Nix reports this only when it
 * evaluates the file ("undefined variable 'pkgs'"), often after a long fetch; typically a renamed let-binding or a
 * missing {@code pkgs} argument.
 */
public final class NixUndefinedVariableRule extends BaseNixFileRule {

  public NixUndefinedVariableRule() {
    super(RuleDescriptor.of("nix-undefined-variable", Severity.ERROR,
        "A name is bound nowhere and no `with` could supply it."));
  }

  @Override
  public void check(NixSource file, FindingSink sink) {
    NixFile nix = file.nixFile().orElse(null);
    if (nix == null) {
      return; // unreadable files are nix-syntax findings
    }
    for (NixDiagnostic diagnostic : nix.diagnostics()) {
      if (diagnostic.kind() == NixDiagnostic.Kind.UNDEFINED_VARIABLE) {
        sink.report(NixLocations.of(file.source(), diagnostic), diagnostic.message());
      }
    }
  }
}
