{
  description = "uv makes the venv: it writes .venv/.gitignore with * itself";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs }:
    let
      pkgs = import nixpkgs { system = "x86_64-linux"; };
    in {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.uv ];
        UV_PYTHON_DOWNLOADS = "never";
        shellHook = ''
          uv sync
          source .venv/bin/activate
        '';
      };
    };
}
