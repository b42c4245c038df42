{
  description = "fixture: an overlay rebuilds OpenCV with CUDA, without config.cudaSupport";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs =
    { self, nixpkgs }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs {
        inherit system;
        config.allowUnfree = true;
        # the Python module is built from this top-level attribute: it gets CUDA too
        overlays = [
          (final: prev: {
            opencv4 = prev.opencv4.override { enableCuda = true; };
          })
        ];
      };
      env = pkgs.python3.withPackages (ps: [ ps.opencv4 ]);
    in
    {
      devShells.${system}.default = pkgs.mkShell {
        packages = [
          env
          pkgs.cudaPackages.cudatoolkit
        ];
      };
    };
}
