{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs }: let
    forAll = nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-darwin" ];
  in {
    devShells = forAll (system: let pkgs = nixpkgs.legacyPackages.${system}; in {
      default = pkgs.mkShell { packages = [ pkgs.python312 ]; };
    });
  };
}
