{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-darwin" ];
    in
    {
      # the shell lives in its own file, shared with `nix-shell`
      devShells = forAllSystems (system: {
        default = import ./nix/shell.nix { pkgs = nixpkgs.legacyPackages.${system}; };
      });
    };
}
