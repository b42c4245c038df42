{
  description = "The per-system helper comes from another flake: the model cannot see its levels";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    helpers.url = "github:example-org/nix-helpers";
  };

  outputs = { self, nixpkgs, helpers }:
    helpers.lib.perSystem (pkgs: {
      devShells.default = pkgs.mkShell {
        packages = [ pkgs.python312 ];
      };
    });
}
