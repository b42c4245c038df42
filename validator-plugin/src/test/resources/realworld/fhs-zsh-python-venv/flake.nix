{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" ] (system:
      let
        pkgs = import nixpkgs { inherit system; };
        env = pkgs.buildFHSEnv {
          name = "notebook-fhs";
          targetPkgs = pkgs: with pkgs; [
            python311
            zsh
            gcc
            zlib
            stdenv.cc.cc.lib
          ];
          profile = ''
            export PIP_DISABLE_PIP_VERSION_CHECK=1
            if [ ! -d .venv ]; then
              python -m venv .venv
            fi
            source .venv/bin/activate
          '';
          runScript = "zsh";
        };
      in
      {
        devShells.default = env.env;
      });
}
