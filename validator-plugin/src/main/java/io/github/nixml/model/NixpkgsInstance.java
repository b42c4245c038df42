package io.github.nixml.model;

import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.Optional;

/**
 * One nixpkgs package set the flake builds: {@code import nixpkgs { config = …; }} or
 * {@code nixpkgs.legacyPackages.${system}}, with the configuration flags the CUDA rules care about.
 *
 * @param input the flake input it comes from ({@code nixpkgs}, {@code nixpkgs_master})
 * @param overlays whether {@code overlays} or {@code config.packageOverrides} may change its attributes, so that
 *     {@code python3} or {@code python38} need not be nixpkgs' own
 * @param location where the instance is made ({@code import …} or {@code ….legacyPackages…})
 * @param cudaSupportLocation where {@code cudaSupport} is set, or null when it is not
 * @param system the system the packages are built for when the flake names it as a known string
 *     ({@code import nixpkgs { system = "x86_64-linux"; }}, {@code legacyPackages.x86_64-linux}); empty when it is
 *     not named or not known ({@code inherit system} of a shell built for several systems)
 * @param overlaid the attributes its overlays define, where every overlay was read (a local
 *     {@code final: prev: { opencv4 = …; }}); empty when there are none or they are not all known
 * @param cudaSupportOn where {@code cudaSupport} holds when it depends on the platform
 *     ({@code config.cudaSupport = system == "x86_64-linux"} in a function of the system): {@code cudaSupport} is
 *     then unknown until a shell's platforms decide it ({@link #on}); null otherwise
 */
public record NixpkgsInstance(String input, Tristate allowUnfree, Tristate allowUnfreePredicate,
    Tristate cudaSupport, Tristate overlays, SourceSpan location, SourceSpan cudaSupportLocation,
    Optional<String> system, Optional<java.util.Set<String>> overlaid, PlatformGuard cudaSupportOn) {

  public NixpkgsInstance {
    overlaid = overlaid.map(java.util.Set::copyOf);
  }

  public NixpkgsInstance(String input, Tristate allowUnfree, Tristate allowUnfreePredicate, Tristate cudaSupport,
      Tristate overlays, SourceSpan location, SourceSpan cudaSupportLocation, Optional<String> system,
      Optional<java.util.Set<String>> overlaid) {
    this(input, allowUnfree, allowUnfreePredicate, cudaSupport, overlays, location, cudaSupportLocation, system,
        overlaid, null);
  }

  public NixpkgsInstance(String input, Tristate allowUnfree, Tristate allowUnfreePredicate, Tristate cudaSupport,
      Tristate overlays, SourceSpan location, SourceSpan cudaSupportLocation, Optional<String> system) {
    this(input, allowUnfree, allowUnfreePredicate, cudaSupport, overlays, location, cudaSupportLocation, system,
        Optional.empty());
  }

  /** This instance with {@code cudaSupport} true where {@code guard} holds and false elsewhere. */
  public NixpkgsInstance withCudaSupportOn(PlatformGuard guard) {
    NixpkgsInstance dependent = new NixpkgsInstance(input, allowUnfree, allowUnfreePredicate, Tristate.UNKNOWN,
        overlays, location, cudaSupportLocation, system, overlaid, guard);
    return system.map(dependent::forSystem).orElse(dependent);
  }

  /**
   * This instance as a shell built for {@code platforms} sees it: a platform-dependent {@code cudaSupport} decided
   * where it holds on all of them or on none; itself otherwise.
   */
  public NixpkgsInstance on(PlatformGuard platforms) {
    if (cudaSupportOn == null || cudaSupport != Tristate.UNKNOWN) {
      return this;
    }
    Tristate decided = platforms.and(cudaSupportOn.not()).isNever() ? Tristate.TRUE
        : platforms.and(cudaSupportOn).isNever() ? Tristate.FALSE : Tristate.UNKNOWN;
    return decided == Tristate.UNKNOWN ? this : new NixpkgsInstance(input, allowUnfree, allowUnfreePredicate, decided,
        overlays, location, cudaSupportLocation, system, overlaid, cudaSupportOn);
  }

  /** Whether its {@code cudaSupport} depends on the platform and no platform has decided it yet. */
  public boolean platformDependent() {
    return cudaSupportOn != null && cudaSupport == Tristate.UNKNOWN;
  }

  public NixpkgsInstance(String input, Tristate allowUnfree, Tristate allowUnfreePredicate, Tristate cudaSupport,
      Tristate overlays, SourceSpan location, SourceSpan cudaSupportLocation) {
    this(input, allowUnfree, allowUnfreePredicate, cudaSupport, overlays, location, cudaSupportLocation,
        Optional.empty());
  }

  /**
   * The instance one package sees after {@code pkg.override { cudaSupport = …; }}: nixpkgs' CUDA-aware builds take
   * {@code cudaSupport ? config.cudaSupport} as an argument, so the override decides for that package alone.
   */
  public NixpkgsInstance withCudaSupport(Tristate cudaSupport, SourceSpan where) {
    return new NixpkgsInstance(input, allowUnfree, allowUnfreePredicate, cudaSupport, overlays, location, where,
        system, overlaid, null);
  }

  /** This instance built for {@code system}. */
  public NixpkgsInstance forSystem(String system) {
    return new NixpkgsInstance(input, allowUnfree, allowUnfreePredicate, cudaSupport, overlays, location,
        cudaSupportLocation, Optional.of(system), overlaid, cudaSupportOn).on(PlatformGuard.ofSystem(system));
  }

  /** Whether unfree packages (CUDA) may be built: {@code allowUnfree} or an unfree predicate. */
  public Tristate unfreeAllowed() {
    if (allowUnfree == Tristate.TRUE || allowUnfreePredicate == Tristate.TRUE) {
      return Tristate.TRUE;
    }
    if (allowUnfree == Tristate.UNKNOWN || allowUnfreePredicate == Tristate.UNKNOWN) {
      return Tristate.UNKNOWN;
    }
    return Tristate.FALSE;
  }

  /** This instance with overlays that may change its packages. */
  public NixpkgsInstance withOverlays() {
    return new NixpkgsInstance(input, allowUnfree, allowUnfreePredicate, cudaSupport, Tristate.TRUE, location,
        cudaSupportLocation, system, Optional.empty(), cudaSupportOn);
  }

  /** This instance whose overlays, all read, define {@code names} and nothing else. */
  public NixpkgsInstance withOverlaid(java.util.Set<String> names) {
    return new NixpkgsInstance(input, allowUnfree, allowUnfreePredicate, cudaSupport, Tristate.TRUE, location,
        cudaSupportLocation, system, Optional.of(names), cudaSupportOn);
  }

  /**
   * Whether its overlays may have changed the package at {@code path} ({@code python3Packages.torch}): true unless
   * every overlay was read and none defines the package's own name, its set's, or a Python or CUDA package set
   * (through which an overlay reaches every module); false without overlays.
   */
  public boolean mayBeOverlaid(java.util.List<String> path) {
    if (overlays == Tristate.FALSE) {
      return false;
    }
    if (overlaid.isEmpty() || path.isEmpty()) {
      return true;
    }
    return overlaid.get().stream().anyMatch(name -> name.equals(path.get(path.size() - 1))
        || name.equals(path.get(0)) || name.startsWith("python") || name.startsWith("cuda"));
  }

  /**
   * Same input and same configuration: the same packages, even if imported twice. The system is not compared: two
   * instances of one shell differ in it only where one of them is for another system, which is its own finding.
   */
  public boolean sameAs(NixpkgsInstance other) {
    return input.equals(other.input) && allowUnfree == other.allowUnfree
        && allowUnfreePredicate == other.allowUnfreePredicate && cudaSupport == other.cudaSupport
        && overlays == other.overlays;
  }
}
