{
  description = "Listed venvShellHook, replaced: the shellHook makes .venv with python -m venv and pip-installs";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        venvDir = ".venv";
        packages = [ pkgs.python311 pkgs.python311Packages.venvShellHook ];
        postShellHook = "pip install -r requirements.txt";
        shellHook = ''
          test -d .venv || python -m venv .venv
        '';
      };
    };
}
