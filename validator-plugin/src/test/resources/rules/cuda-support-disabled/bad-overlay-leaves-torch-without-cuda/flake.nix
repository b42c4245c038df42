{
  description = "fixture: a local overlay rebuilds OpenCV with CUDA; torch stays nixpkgs' own, built without it";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs =
    { self, nixpkgs }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs {
        inherit system;
        config.allowUnfree = true;
        overlays = [
          (final: prev: {
            opencv4 = prev.opencv4.override { enableCuda = true; };
          })
        ];
      };
    in
    {
      devShells.${system}.default = pkgs.mkShell {
        packages = [
          (pkgs.python3.withPackages (ps: [ ps.opencv4 ]))
          pkgs.python3Packages.torch
          pkgs.cudaPackages.cudatoolkit
        ];
      };
    };
}
