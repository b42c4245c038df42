{
  description = "A numtide devshell whose interpreter is not the one .python-version pins";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    devshell.url = "github:numtide/devshell";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    { nixpkgs, devshell, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (
      system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        devShells.default = devshell.legacyPackages.${system}.mkShell {
          name = "ml";
          packages = [
            pkgs.python311
            pkgs.uv
          ];
          env = [
            {
              name = "UV_PYTHON_DOWNLOADS";
              value = "never";
            }
          ];
          devshell.startup.venv.text = ''
            uv venv --allow-existing .venv
            source .venv/bin/activate
          '';
        };
      }
    );
}
