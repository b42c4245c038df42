{
  description = "cudaSupport decided per system: CUDA on x86_64-linux only";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    {
      self,
      nixpkgs,
      flake-utils,
      ...
    }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ] (
      system:
      let
        useCuda = system == "x86_64-linux";
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
          config.cudaSupport = useCuda;
        };
        python = pkgs.python311.withPackages (ps: [ ]);
      in
      {
        devShells = {
          # CUDA packages only where the package set is built with CUDA: torch is a CUDA build on each
          default = pkgs.mkShell {
            packages = [ python pkgs.python311Packages.torch ]
              ++ pkgs.lib.optionals pkgs.config.cudaSupport [ pkgs.cudatoolkit ];
          };
          # the toolkit on every Linux: on aarch64-linux torch is built without CUDA beside it (Darwin has no CUDA
          # package, and no CUDA to enable)
          toolkit = pkgs.mkShell {
            packages = [ python pkgs.python311Packages.torch ]
              ++ pkgs.lib.optionals pkgs.stdenv.isLinux [ pkgs.cudatoolkit ];
          };
        };
      }
    );
}
