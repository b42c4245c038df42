package io.github.nixml.model;

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
 */
public record NixpkgsInstance(String input, Tristate allowUnfree, Tristate allowUnfreePredicate,
    Tristate cudaSupport, Tristate overlays, SourceSpan location, SourceSpan cudaSupportLocation,
    Optional<String> system) {

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
        system);
  }

  /** This instance built for {@code system}. */
  public NixpkgsInstance forSystem(String system) {
    return new NixpkgsInstance(input, allowUnfree, allowUnfreePredicate, cudaSupport, overlays, location,
        cudaSupportLocation, Optional.of(system));
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
        cudaSupportLocation, system);
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
