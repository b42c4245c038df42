package io.github.nixml.validate.rules.cuda;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.ShellText;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.validate.BaseProjectRule;
import io.github.nixml.validate.FindingSink;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.facts.FlakeShells;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code cuda-not-linux-guarded}: CUDA packages (named in a package list, a library list, or interpolated into a
 * variable or hook: {@code ${pkgs.cudaPackages.cudatoolkit}/lib}) are not under a Linux-only guard ({@code lib.optionals
 * stdenv.isLinux}, {@code if stdenv.isLinux then … else …}) while the flake also builds the shell for non-Linux
 * systems ({@code eachDefaultSystem} includes Darwin). Why: on macOS evaluation fails ("is not available on the
 * requested hostPlatform"), and {@code nix flake check} fails for everyone. One finding per list or text, at
 * its first unguarded CUDA package, naming them all.
 */
public final class CudaNotLinuxGuardedRule extends BaseProjectRule {

  public CudaNotLinuxGuardedRule() {
    super(RuleDescriptor.of("cuda-not-linux-guarded", Severity.ERROR,
        "A CUDA package sits outside a Linux-only guard while the flake also builds for non-Linux systems."));
  }

  /** One unguarded site: its packages, the shell whose call a fix edits, and every non-Linux system it breaks. */
  private record Site(List<PackageRef> unguarded, DevShell shell, Set<String> nonLinux) {}

  @Override
  public void check(ProjectContext context, FindingSink sink) {
    FlakeShells model = FlakeShells.of(context);
    // the shells of one call per system share their sites: one finding names every system (x86_64-darwin and
    // aarch64-darwin), not one finding each
    Map<String, Site> sites = new LinkedHashMap<>();
    for (DevShell shell : model.shells()) {
      collect(shell, sites);
    }
    for (Site site : sites.values()) {
      report(site, model, sink);
    }
  }

  /**
   * A package of a set built for one Linux system ({@code import nixpkgs { system = "x86_64-linux"; }}): a Linux
   * package on every system the shell is built for, whose guard {@code stdenv.isLinux} is true; what a Darwin shell
   * takes from it is a system mismatch ({@code nixpkgs-system-mismatch}), not a missing guard.
   */
  private static boolean fromALinuxSet(PackageRef ref) {
    return ref.source() != null && ref.source().system().filter(system -> system.endsWith("-linux")).isPresent();
  }

  private static void collect(DevShell shell, Map<String, Site> sites) {
    if (shell.systems().isEmpty()) {
      return;
    }
    PlatformGuard built = PlatformGuard.NEVER;
    Set<String> nonLinux = new TreeSet<>();
    for (String system : shell.systems().get()) {
      built = built.or(PlatformGuard.ofSystem(system));
      if (PlatformGuard.ofSystem(system).allowsNonLinux()) {
        nonLinux.add(system);
      }
    }
    PlatformGuard builtFor = built;
    Set<Integer> reported = new HashSet<>();
    for (List<PackageRef> site : sites(shell)) {
      List<PackageRef> unguarded = site.stream()
          .filter(ref -> (ref.isCuda() || brokenOffLinuxWithCuda(ref)) && ref.guard().and(builtFor).allowsNonLinux()
              && !fromALinuxSet(ref) && !reported.contains(ref.location().offset()))
          .sorted(Comparator.comparingInt(ref -> ref.location().offset()))
          .toList();
      if (unguarded.isEmpty()) {
        continue;
      }
      unguarded.forEach(ref -> reported.add(ref.location().offset()));
      SourceSpan first = unguarded.get(0).location();
      sites.computeIfAbsent(first.file() + ":" + first.offset(),
          place -> new Site(unguarded, shell, new TreeSet<>())).nonLinux().addAll(nonLinux);
    }
  }

  private static void report(Site site, FlakeShells model, FindingSink sink) {
    List<PackageRef> unguarded = site.unguarded();
    DevShell shell = site.shell();
    List<String> names = unguarded.stream().map(PackageRef::name).distinct().toList();
    String subject = names.size() == 1 ? names.get(0) + " is"
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1) + " are";
    sink.report(model.at(unguarded.get(0).location()),
        subject + " not guarded by stdenv.isLinux but the shell is also built for "
            + String.join(", ", site.nonLinux()) + (unguarded.stream().allMatch(ref -> !ref.isCuda())
                ? ", where nixpkgs marks torch built with config.cudaSupport broken (\"CUDA is not targeting Linux\")"
                : ", where CUDA does not exist") + (inCommentOnly(site)
                    ? " (named only in a shell comment, but Nix interpolates ${…} there too); delete that line, or wrap "
                    : "; wrap ")
            + (names.size() == 1 ? "it" : "them") + " in lib.optionals pkgs.stdenv.isLinux [ … ] or build only "
            + "Linux systems", List.of(),
        // the list and the shell's call must be in one file for the edit to see both
        java.util.Objects.equals(unguarded.get(0).location().file(), shell.location().file())
            ? model.editAt(shell.location(), (f, path) -> CudaGuardEdits.fix(f, path, shell, unguarded.get(0)))
            : java.util.Optional.empty());
  }

  /** Every package of the site is interpolated only in a shell comment (nothing in the shell loads it). */
  private static boolean inCommentOnly(Site site) {
    Set<SourceSpan> inComments = new HashSet<>();
    site.shell().interpolatedOnlyInComments().forEach(ref -> inComments.add(ref.location()));
    return site.unguarded().stream().allMatch(ref -> inComments.contains(ref.location()));
  }

  /**
   * nixpkgs' torch from an instance with {@code config.cudaSupport = true}: its {@code meta.brokenConditions} hold
   * "CUDA is not targeting Linux" = {@code cudaSupport && !stdenv.hostPlatform.isLinux}
   * (pkgs/development/python-modules/torch/source/default.nix, earlier torch/default.nix), so evaluation refuses it
   * on Darwin as it refuses a CUDA package.
   */
  private static boolean brokenOffLinuxWithCuda(PackageRef ref) {
    return ref.source() != null && ref.source().cudaSupport() == io.github.nixml.model.Tristate.TRUE
        && ref.attrPath().size() == 2 && ref.attrPath().get(0).matches("python\\d*Packages")
        && (ref.last().equals("torch") || ref.last().equals("pytorch"));
  }

  /**
   * The places CUDA packages are named, each reported once: the shell's packages, each library list, and each
   * variable or hook that interpolates packages ({@code ${pkgs.cudaPackages.cudatoolkit}/lib}).
   */
  private static List<List<PackageRef>> sites(DevShell shell) {
    List<List<PackageRef>> sites = new ArrayList<>();
    sites.add(shell.packages().packages());
    sites.add(shell.packages().pythonModules()); // `python3.withPackages (ps: [ ps.torchWithCuda ])`
    shell.libraryPaths().forEach(path -> sites.add(path.entries().packages()));
    List<ShellText> texts = new ArrayList<>(shell.env().values());
    texts.addAll(shell.hooks());
    shell.runScript().ifPresent(texts::add);
    texts.sort(Comparator.comparingInt(text -> text.location() == null ? 0 : text.location().offset()));
    List<PackageRef> interpolated = shell.interpolatedPackages();
    for (ShellText text : texts) {
      Set<Integer> offsets = new HashSet<>();
      text.pieces().forEach(piece -> piece.packagePaths().forEach(path -> {
        if (path.location() != null) {
          offsets.add(path.location().offset());
        }
      }));
      sites.add(interpolated.stream().filter(ref -> offsets.contains(ref.location().offset())).toList());
    }
    return sites;
  }
}
