package io.github.nixml.validate.rules.shell;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.LibraryPath;
import io.github.nixml.model.NixpkgsInstance;
import io.github.nixml.model.PackageRef;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code nixpkgs-system-mismatch}: a dev shell built for one system takes its {@code mkShell} or its packages from a
 * nixpkgs instance made for another ({@code import nixpkgs { system = "x86_64-linux"; }} or
 * {@code nixpkgs.legacyPackages.x86_64-linux} inside {@code eachDefaultSystem}). Why: {@code nix develop} on that
 * system must build the other system's derivations, which it refuses ("a 'x86_64-linux' … is required to build"),
 * and their programs would not run there. Fires only where the instance's system is a known string and the shell's
 * systems are known; an aarch64-darwin shell with x86_64-darwin packages (Rosetta) and an x86_64-linux shell with
 * i686-linux ones are runnable and not reported. One finding per instance, naming every system it breaks.
 */
public final class NixpkgsSystemMismatchRule extends BaseProjectRule {

  public NixpkgsSystemMismatchRule() {
    super(RuleDescriptor.of("nixpkgs-system-mismatch", Severity.WARNING,
        "A dev shell takes its packages from nixpkgs made for another system."));
  }

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    FlakeShells model = FlakeShells.of(context);
    Map<SourceSpan, Mismatch> byInstance = new LinkedHashMap<>();
    for (DevShell shell : model.shells()) {
      if (shell.systems().isEmpty()) {
        continue;
      }
      for (NixpkgsInstance instance : instances(shell)) {
        for (String system : shell.systems().get()) {
          if (!runs(system, instance.system().get())) {
            byInstance.computeIfAbsent(instance.location(), at -> new Mismatch(instance.system().get(),
                new TreeSet<>())).systems().add(system);
          }
        }
      }
    }
    byInstance.forEach((at, mismatch) -> sink.report(model.at(at),
        "nixpkgs here is made for " + mismatch.instanceSystem() + " but a dev shell that uses it is also built for "
            + String.join(", ", mismatch.systems()) + ", where `nix develop` cannot build or run "
            + mismatch.instanceSystem() + " packages; take the packages of each shell's own system "
            + "(`import nixpkgs { inherit system; }`, `legacyPackages.${system}`) or build the shell for "
            + mismatch.instanceSystem() + " only"));
  }

  /** The instances of the shell's builder and of every package it names, that say which system they are for. */
  private static List<NixpkgsInstance> instances(DevShell shell) {
    List<NixpkgsInstance> found = new ArrayList<>();
    List<PackageRef> refs = new ArrayList<>(shell.packages().packages());
    refs.addAll(shell.packages().pythonModules());
    shell.libraryPaths().stream().map(LibraryPath::entries).forEach(entries -> refs.addAll(entries.packages()));
    refs.addAll(shell.interpolatedPackages());
    Optional.ofNullable(shell.instance()).ifPresent(found::add);
    refs.stream().map(PackageRef::source).filter(java.util.Objects::nonNull).forEach(found::add);
    return found.stream().filter(instance -> instance.system().isPresent()).toList();
  }

  /** Whether a machine of {@code host} builds and runs packages made for {@code target} out of the box. */
  static boolean runs(String host, String target) {
    return host.equals(target) || host.equals("aarch64-darwin") && target.equals("x86_64-darwin")
        || host.equals("x86_64-linux") && target.equals("i686-linux");
  }

  private record Mismatch(String instanceSystem, Set<String> systems) {}
}
