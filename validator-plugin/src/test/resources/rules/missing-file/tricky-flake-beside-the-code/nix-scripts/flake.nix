{
  # kept apart from the code: entered with `cd project && nix develop ../nix-scripts`
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.poetry ];
        shellHook = ''
          poetry install --no-root
        '';
      };
    };
}
