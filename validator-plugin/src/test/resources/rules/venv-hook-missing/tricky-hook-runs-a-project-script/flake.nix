{
  description = "the hook runs a setup script the project builds, which runs uv sync";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs }:
    let
      pkgs = import nixpkgs { system = "x86_64-linux"; };
      setup = pkgs.writeShellApplication {
        name = "setup";
        runtimeInputs = [ pkgs.uv ];
        text = "uv sync --extra backend";
      };
    in {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.uv ];
        UV_PYTHON_DOWNLOADS = "never";
        shellHook = ''
          ${setup}/bin/setup
          source .venv/bin/activate
        '';
      };
    };
}
