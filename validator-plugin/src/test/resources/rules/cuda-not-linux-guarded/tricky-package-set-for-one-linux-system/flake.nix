{
  description = "A package set made for x86_64-linux in every system's shell: its stdenv.isLinux is true; the mismatch is its own finding";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
  inputs.flake-utils.url = "github:numtide/flake-utils";
  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let pkgs = import nixpkgs { system = "x86_64-linux"; config.allowUnfree = true; };
          lib = pkgs.lib;
      in {
        devShells.default = pkgs.mkShell {
          packages = [ pkgs.python312 ] ++ lib.optionals pkgs.stdenv.isLinux [ pkgs.cudaPackages.cudatoolkit ];
          shellHook = lib.optionalString pkgs.stdenv.isLinux ''
            export LD_LIBRARY_PATH=/run/opengl-driver/lib:${pkgs.cudaPackages.cudatoolkit}/lib
          '';
        };
      });
}
