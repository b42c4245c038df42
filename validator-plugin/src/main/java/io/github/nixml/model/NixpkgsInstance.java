package io.github.nixml.model;

import io.github.nixml.nix.syntax.SourceSpan;

/**
 * One nixpkgs package set the flake builds: {@code import nixpkgs { config = …; }} or
 * {@code nixpkgs.legacyPackages.${system}}, with the configuration flags the CUDA rules care about.
 *
 * @param input the flake input it comes from ({@code nixpkgs}, {@code nixpkgs_master})
 * @param overlays whether {@code overlays} or {@code config.packageOverrides} may change its attributes, so that
 *     {@code python3} or {@code python38} need not be nixpkgs' own
 * @param location where the instance is made ({@code import …} or {@code ….legacyPackages…})
 * @param cudaSupportLocation where {@code cudaSupport} is set, or null when it is not
 */
public record NixpkgsInstance(String input, Tristate allowUnfree, Tristate allowUnfreePredicate,
    Tristate cudaSupport, Tristate overlays, SourceSpan location, SourceSpan cudaSupportLocation) {

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
        cudaSupportLocation);
  }

  /** Same input and same configuration: the same packages, even if imported twice. */
  public boolean sameAs(NixpkgsInstance other) {
    return input.equals(other.input) && allowUnfree == other.allowUnfree
        && allowUnfreePredicate == other.allowUnfreePredicate && cudaSupport == other.cudaSupport
        && overlays == other.overlays;
  }
}
