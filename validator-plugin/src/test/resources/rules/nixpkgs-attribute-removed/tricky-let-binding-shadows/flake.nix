{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";
  inputs.flake-utils.url = "github:numtide/flake-utils";

  outputs =
    { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (
      system:
      let
        pkgs = import nixpkgs { inherit system; };
        # our own name, not nixpkgs' python38
        python38 = pkgs.python311;
      in
      {
        devShells.default = pkgs.mkShell {
          packages = with pkgs; [ python38 uv ];
        };
      }
    );
}
