package io.github.nixml.validate.rules.libraries;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.LibraryPath;
import io.github.nixml.model.PackageRef;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.facts.LibraryProviders;
import io.github.nixml.validate.rules.shell.DevShellRule;

/**
 * {@code libstdcxx-missing}: under the nixml contract (a configured layout), an ld-path library list lacks
 * {@code stdenv.cc.cc} (or its {@code .lib} output), which the template's list holds. Why: almost every binary
 * wheel (numpy, pandas, torch) links {@code libstdc++.so.6}; on NixOS it is nowhere else, so {@code import numpy}
 * fails with "libstdc++.so.6: cannot open shared object file". Without the contract the rule is silent: what the
 * locked wheels really need is {@code wheel-library-missing}'s evidence.
 */
public final class LibstdcxxMissingRule extends DevShellRule {

  public LibstdcxxMissingRule() {
    super(RuleDescriptor.of("libstdcxx-missing", Severity.WARNING,
        "With a configured layout: an ld-path library list lacks stdenv.cc.cc (wheels then fail on libstdc++.so.6)."));
  }

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    if (shell.layout() != Layout.LD_PATH || !model.strict()) {
      return;
    }
    for (LibraryPath path : shell.libraryPaths()) {
      if (!path.entries().complete() || path.entries().anyMatch(LibstdcxxMissingRule::providesLibstdcxx)) {
        continue;
      }
      sink.report(model.at(path.location()),
          "this library list has no stdenv.cc.cc, so wheels fail on libstdc++.so.6; add stdenv.cc.cc to it");
    }
  }

  /** Whether the library is GCC's runtime ({@code libstdc++.so.6}, {@code libgcc_s.so.1}), which this rule covers. */
  static boolean isGccRuntime(LibraryProviders.Provider provider) {
    return provider.suggested().equals("stdenv.cc.cc.lib");
  }

  private static boolean providesLibstdcxx(PackageRef ref) {
    String name = ref.name();
    return name.startsWith("stdenv.cc.cc") || name.startsWith("gcc.cc") || name.startsWith("gcc-unwrapped")
        || name.startsWith("libgcc") || name.matches("gcc\\d*Stdenv\\.cc\\.cc.*");
  }
}
