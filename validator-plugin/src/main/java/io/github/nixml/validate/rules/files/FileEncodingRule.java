package io.github.nixml.validate.rules.files;

import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.NixFileRule;
import io.github.nixml.validate.NixSource;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;

/**
 * {@code file-encoding}: a {@code *.nix} file holds a NUL byte or bytes that are not UTF-8. Nix 2.8 parses it (inside
 * a string or a comment both are content), so {@code nix-syntax} stays silent; but a NUL silently cuts the string's
 * value short where Nix uses it, malformed bytes reach the build as they are, and editors and diff tools mangle
 * them. Reported at the first such place.
 */
public final class FileEncodingRule implements NixFileRule {
  private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.of("file-encoding", Severity.WARNING,
      "A Nix file holds a NUL byte or bytes that are not UTF-8.");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(NixSource file, FindingSink sink) {
    SourceFile source = file.source();
    source.encodingProblem().ifPresent(problem -> sink.report(source.locationAt(problem.offset()),
        source.path() + " holds " + problem.description() + ": Nix reads on, but a NUL cuts a string's value short"
            + " and malformed bytes reach the build as they are; save the file as UTF-8 text"
            + " (write \\u escapes or builtins.fromJSON for unusual characters)"));
  }
}
