package io.github.nixml.validate.rules.nix;

import io.github.nixml.nix.NixDiagnostic;
import io.github.nixml.nix.NixFile;
import io.github.nixml.validate.BaseNixFileRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.NixSource;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import java.util.Set;

/**
 * {@code nix-syntax}: a {@code *.nix} file that Nix would refuse to parse — a syntax error, a duplicate attribute
 * or formal, nesting too deep to follow — or that cannot be read at all (a directory, an I/O error). A NUL byte or
 * malformed UTF-8 is no reason by itself: Nix reads past both ({@code file-encoding} warns); a file over the size
 * limit is {@code file-too-large}'s. Why: every
 * {@code nix develop} and {@code direnv reload} fails on it, usually with one terse message; the validator reports
 * every problem with its line and column, for every Nix file under the root, flake or not.
 */
public final class NixSyntaxRule extends BaseNixFileRule {

  public NixSyntaxRule() {
    super(RuleDescriptor.of("nix-syntax", Severity.ERROR,
        "A Nix file does not parse, or has what Nix rejects at parse time (duplicate attributes or formals)."));
  }

  private static final Set<NixDiagnostic.Kind> KINDS = Set.of(NixDiagnostic.Kind.SYNTAX,
      NixDiagnostic.Kind.DUPLICATE_ATTRIBUTE, NixDiagnostic.Kind.DUPLICATE_FORMAL, NixDiagnostic.Kind.TOO_DEEP);

  @Override
  public void check(NixSource file, FindingSink sink) {
    SourceFile source = file.source();
    if (sink.reportUnreadable(source)) {
      return;
    }
    NixFile nix = file.nixFile().orElse(null);
    if (nix == null) {
      return;
    }
    for (NixDiagnostic diagnostic : nix.diagnostics()) {
      if (KINDS.contains(diagnostic.kind())) {
        sink.report(NixLocations.of(source, diagnostic), diagnostic.message());
      }
    }
  }
}
