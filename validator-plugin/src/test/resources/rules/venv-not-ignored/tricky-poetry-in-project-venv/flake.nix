{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.poetry ];
        # poetry makes .venv with virtualenv, which writes a .gitignore of `*` into it
        POETRY_VIRTUALENVS_IN_PROJECT = true;
        shellHook = ''
          poetry install --no-root
          source .venv/bin/activate
        '';
      };
    };
}
