{
  description = "CUDA template over four systems with its own forAllSystems: each Darwin shell breaks alike";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f (import nixpkgs {
        inherit system;
        config = { allowUnfree = true; cudaSupport = true; };
      }));
    in
    {
      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell {
          packages = [ pkgs.python312 pkgs.cudaPackages.cudatoolkit ];
        };
      });
    };
}
