{
  description = "torch from nixpkgs with config.cudaSupport = true, on every default system";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (
      system:
      let
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
          config.cudaSupport = true;
        };
      in
      {
        devShells.default = pkgs.mkShell {
          packages = [
            (pkgs.python312.withPackages (ps: [
              ps.numpy
              ps.torch
            ]))
          ];
        };
      }
    );
}
