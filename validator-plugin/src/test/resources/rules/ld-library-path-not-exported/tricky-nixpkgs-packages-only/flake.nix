{
  description = "Python from nixpkgs only; the library list is for nix-ld";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    { nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachSystem [ "x86_64-linux" ] (
      system:
      let
        pkgs = import nixpkgs { inherit system; };
        # nixpkgs' modules find their libraries through RUNPATH; no wheel is installed here
        python = pkgs.python312.withPackages (ps: [ ps.numpy ps.requests ]);
        runtimeLibraries = [ pkgs.stdenv.cc.cc pkgs.zlib ];
      in
      {
        devShells.default = pkgs.mkShell {
          packages = [ python pkgs.ruff ];
          # nix-ld's interface: programs run through it read this list themselves
          NIX_LD = "/run/current-system/sw/share/nix-ld/lib/ld.so";
          NIX_LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath runtimeLibraries;
          shellHook = ''
            echo "python: $(python --version)"
          '';
        };
      }
    );
}
