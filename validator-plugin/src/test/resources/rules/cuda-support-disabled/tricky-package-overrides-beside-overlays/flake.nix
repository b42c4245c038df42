{
  description = "fixture: config.packageOverrides may rebuild torch with CUDA; the listed overlay is not all";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs =
    { self, nixpkgs }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs {
        inherit system;
        config = {
          allowUnfree = true;
          packageOverrides = super: { python3Packages = super.python3Packages // { }; };
        };
        overlays = [ (final: prev: { hello-cli = prev.hello; }) ];
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
