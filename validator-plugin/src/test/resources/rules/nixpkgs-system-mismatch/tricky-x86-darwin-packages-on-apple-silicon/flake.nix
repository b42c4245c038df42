{
  # Apple silicon runs x86_64-darwin programs through Rosetta: an old package only built for Intel Macs
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs }: let
    pkgs = nixpkgs.legacyPackages.aarch64-darwin;
    intel = import nixpkgs { system = "x86_64-darwin"; };
  in {
    devShells.aarch64-darwin.default = pkgs.mkShell {
      packages = [ pkgs.python312 intel.hello ];
    };
  };
}
