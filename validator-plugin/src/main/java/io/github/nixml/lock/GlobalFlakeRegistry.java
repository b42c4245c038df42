package io.github.nixml.lock;

import java.util.Set;

/**
 * The ids of Nix's global flake registry, which resolves an input named without a reference ({@code nixpkgs},
 * {@code flake-utils}): read from NixOS/flake-registry's {@code flake-registry.json} (version 2, commit 10bd3d9e of
 * 2026-06-27, 39 ids). Nix downloads that file at run time, so a name outside it resolves only through a registry
 * of the user's own machine.
 */
public final class GlobalFlakeRegistry {

  private static final Set<String> IDS = Set.of("agda", "agenix", "arion", "blender-bin", "bundlers", "cachix",
      "composable", "disko", "dreampkgs", "dwarffs", "emacs-overlay", "fenix", "flake-parts", "flake-utils", "helix",
      "hercules-ci-agent", "hercules-ci-effects", "home-manager", "hydra", "mach-nix", "ngipkgs", "nickel", "nix",
      "nix-darwin", "nix-serve", "nixops", "nixos-anywhere", "nixos-hardware", "nixos-homepage", "nixos-search",
      "nixpkgs", "nixvim", "nur", "patchelf", "poetry2nix", "pridefetch", "sops-nix", "systems", "templates");

  private GlobalFlakeRegistry() {}

  /** Whether the global registry resolves {@code id}. */
  public static boolean resolves(String id) {
    return IDS.contains(id);
  }
}
