{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
    devshell.url = "github:numtide/devshell";
    devshell.inputs.nixpkgs.follows = "nixpkgs";
  };

  outputs = { self, nixpkgs, flake-utils, devshell }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ devshell.overlays.default ];
        };
      in
      {
        devShells.default = pkgs.devshell.mkShell {
          name = "label-studio-tools";
          packages = [ pkgs.python312 pkgs.uv ];
          env = [
            { name = "LABEL_STUDIO_URL"; value = "http://localhost:8080"; }
          ];
          devshell.startup.sync.text = ''
            uv sync --quiet
            source "$PRJ_ROOT/.venv/bin/activate"
          '';
        };
      });
}
