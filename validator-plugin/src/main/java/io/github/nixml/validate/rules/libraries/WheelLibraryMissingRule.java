package io.github.nixml.validate.rules.libraries;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.TargetPkgsEdits;
import io.github.nixml.model.DevShell;
import io.github.nixml.model.Layout;
import io.github.nixml.model.VenvStrategy;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import io.github.nixml.validate.facts.InstalledDistributions;
import io.github.nixml.validate.facts.InstalledDistributions.Distribution;
import io.github.nixml.validate.facts.LibraryProviders;
import io.github.nixml.validate.facts.LibraryProviders.Provider;
import io.github.nixml.validate.facts.ProjectFacts;
import io.github.nixml.validate.facts.WheelLibraries;
import io.github.nixml.validate.rules.shell.DevShellRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code wheel-library-missing}: a distribution the project installs (uv.lock, pylock.toml, a pinned
 * requirements line) is a wheel that loads a library from the host ({@link WheelLibraries}: {@code numpy} needs
 * {@code libstdc++.so.6}, {@code opencv-python} needs {@code libGL.so.1}) that no sibling wheel ships and that the
 * shell does not provide: not in its exported library list (ld-path) nor in {@code targetPkgs} (FHS). Why:
 * {@code import} fails with "libGL.so.1: cannot open shared object file" on NixOS. Silent when the shell's library
 * list is not fully known, without pinned evidence, for libraries only the NVIDIA driver ships
 * ({@code opengl-driver-path-missing}'s), for wheels the table does not know, and, under the nixml contract, for the
 * GCC runtime on an ld-path shell ({@code libstdcxx-missing} holds such a list to the template's).
 */
public final class WheelLibraryMissingRule extends DevShellRule {

  public WheelLibraryMissingRule() {
    super(RuleDescriptor.of("wheel-library-missing", Severity.WARNING,
        "A locked wheel loads a library that the shell does not provide."));
  }

  /**
   * Whether the lock's wheels are installed by Nix, not from the host: the shell holds the environment uv2nix builds
   * of the lock ({@code mkVirtualEnv}: each wheel patched with autoPatchelfHook to the libraries of its build, which
   * fails where one is missing) and makes no venv of its own that a tool could fill from the lock.
   */
  private static boolean installedByNix(DevShell shell) {
    return shell.packages().projectLockBuiltByNix()
        && VenvStrategy.of(shell).stream().noneMatch(VenvStrategy::creates);
  }

  /** The libraries one package would provide and the distributions that need them. */
  private record Missing(Provider provider, Set<String> libraries, List<Distribution> needers) {}

  @Override
  protected void check(DevShell shell, FlakeShells model, FindingSink sink) {
    List<Distribution> installed = model.context().get(ProjectFacts.DISTRIBUTIONS).pinned();
    if (installed.isEmpty() || installedByNix(shell)) {
      return;
    }
    Optional<ShellLibraries> shellLibraries = ShellLibraries.of(shell);
    if (shellLibraries.isEmpty()) {
      return;
    }
    ShellLibraries provided = shellLibraries.get();
    WheelLibraries table = WheelLibraries.bundled();
    Set<String> shipped = new HashSet<>();
    for (Distribution d : installed) {
      table.of(d.name(), d.version().orElse("")).ifPresent(entry -> shipped.addAll(entry.ships()));
    }
    boolean contractGcc = model.strict() && provided.layout() == Layout.LD_PATH;
    Map<String, Missing> byPackage = new LinkedHashMap<>();
    for (Distribution d : installed) {
      Optional<WheelLibraries.Entry> entry = table.of(d.name(), d.version().orElse(""));
      if (entry.isEmpty()) {
        continue;
      }
      for (String soname : entry.get().needs().stream().sorted(java.util.Comparator.reverseOrder()).toList()) {
        Optional<Provider> provider = LibraryProviders.bundled().of(soname);
        if (shipped.contains(soname) || provider.isEmpty() || provider.get().driverOnly()
            || (contractGcc && LibstdcxxMissingRule.isGccRuntime(provider.get()))
            || provided.provides(provider.get())) {
          continue;
        }
        Missing missing = byPackage.computeIfAbsent(provider.get().suggested(),
            k -> new Missing(provider.get(), new LinkedHashSet<>(), new ArrayList<>()));
        missing.libraries().add(soname);
        if (!missing.needers().contains(d)) {
          missing.needers().add(d);
        }
      }
    }
    byPackage.forEach((pkg, missing) -> report(shell, model, provided, pkg, missing, sink));
  }

  private static void report(DevShell shell, FlakeShells model, ShellLibraries provided, String pkg,
      Missing missing, FindingSink sink) {
    Distribution first = missing.needers().get(0);
    int others = missing.needers().size() - 1;
    String needers = first.label() + " (" + first.location() + ")"
        + (others == 0 ? "" : " and " + others + " more: "
            + String.join(", ", missing.needers().stream().skip(1).limit(4).map(Distribution::label).toList())
            + (others > 4 ? ", …" : ""));
    String where = provided.layout() == Layout.FHS ? "targetPkgs" : "the library list";
    String libraries = String.join(", ", missing.libraries());
    String alternative = missing.provider().cudaMajor().isPresent() && pkg.startsWith("cudaPackages_")
        ? " (or " + pkg.substring(0, pkg.indexOf('.')) + ".cudatoolkit)" : "";
    List<Location> related = missing.needers().stream().map(Distribution::location).distinct().toList();
    Optional<Fix> fix = model.context().flake().flatMap(file -> provided.layout() == Layout.FHS
        ? TargetPkgsEdits.addToTargetPkgs(file, model.flakePath(), shell, pkg)
        : provided.list().flatMap(list -> LibraryPathEdits.addToLibraryList(file, model.flakePath(), list, pkg)));
    sink.report(model.at(provided.where()), needers + " loads " + libraries + " from the host, which no wheel of"
        + " the project ships and this shell does not provide, so its import fails with \"" + missing.libraries()
        .iterator().next() + ": cannot open shared object file\"; add " + pkg + alternative + " to " + where, related, fix);
  }
}
