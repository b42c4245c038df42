{
  description = "fixture: an overlay the model cannot read may rebuild torch with CUDA";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
  inputs.ml.url = "github:example/ml-overlay";

  outputs =
    { self, nixpkgs, ml }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs {
        inherit system;
        config.allowUnfree = true;
        overlays = [ ml.overlays.default ];
      };
    in
    {
      devShells.${system}.default = pkgs.mkShell {
        packages = [
          pkgs.python3Packages.torch
          pkgs.cudaPackages.cudatoolkit
        ];
      };
    };
}
