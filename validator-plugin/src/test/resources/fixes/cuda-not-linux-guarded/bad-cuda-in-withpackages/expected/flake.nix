{
  description = "A JAX environment built by nixpkgs, exposed as a package and used by the dev shell";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
        };
      in
      {
        # the CUDA module is only a module of the environment: nixpkgs still refuses it on macOS
        packages.training = pkgs.python312.withPackages (ps: with ps; [
          numpy
          jax
        ] ++ pkgs.lib.optionals pkgs.stdenv.isLinux [
          jaxlibWithCuda
        ]);

        devShells.default = pkgs.mkShell {
          packages = [ self.packages.${system}.training pkgs.ruff ];
        };
      });
}
