{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.poetry ];
        # poetry.toml keeps the venv in the project: poetry makes .venv, with virtualenv, which ignores it
        shellHook = ''
          test -d .venv || poetry install --no-root
          source .venv/bin/activate
        '';
      };
    };
}
