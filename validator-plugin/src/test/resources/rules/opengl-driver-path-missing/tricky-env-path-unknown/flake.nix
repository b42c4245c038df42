{
  description = "CUDA shell whose library path the model cannot read";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = import nixpkgs {
        system = "x86_64-linux";
        config.allowUnfree = true;
      };
      lib = nixpkgs.lib;
      hostLibraries = import ./host-libraries.nix;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.cudaPackages.cudatoolkit ];
        env = {
          CUDA_HOME = "${pkgs.cudaPackages.cudatoolkit}";
        } // lib.optionalAttrs pkgs.stdenv.isLinux {
          LD_LIBRARY_PATH = hostLibraries;
        };
      };
    };
}
