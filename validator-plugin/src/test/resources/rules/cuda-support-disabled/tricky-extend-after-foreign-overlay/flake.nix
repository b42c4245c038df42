{
  description = "fixture: a set extended with a local overlay after an overlay the model cannot read";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
  inputs.ml.url = "github:example/ml-overlay";

  outputs =
    { self, nixpkgs, ml }:
    let
      system = "x86_64-linux";
      base = import nixpkgs {
        inherit system;
        config.allowUnfree = true;
        overlays = [ ml.overlays.default ];
      };
      pkgs = base.extend (final: prev: { hello-cli = prev.hello; });
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
