{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
  inputs.flake-utils.url = "github:numtide/flake-utils";
  outputs = { self, nixpkgs, flake-utils }:
    let
      lib = nixpkgs.lib;
    in
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs { inherit system; config.allowUnfree = true; };
      in {
        devShells.default = pkgs.mkShell {
          packages = [
              pkgs.python312 # interpreter
              # GPU
              pkgs.uv
          ] ++ lib.optionals pkgs.stdenv.isLinux [
              pkgs.cudaPackages.cudnn   # needs the driver
          ];
          UV_PYTHON_DOWNLOADS = "never";
        };
        devShells.small = pkgs.mkShell { packages = [ pkgs.python312 pkgs.uv ] ++ lib.optionals pkgs.stdenv.isLinux [ pkgs.cudatoolkit ]; };
      });
}
