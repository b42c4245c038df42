{
  description = "virtualenv, a venv maker, comes as a module of the interpreter environment";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    {
      self,
      nixpkgs,
      flake-utils,
      ...
    }:
    flake-utils.lib.eachSystem [ "x86_64-linux" ] (
      system:
      let
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
        };

        fhsenv = pkgs.buildFHSEnv {
          name = "fhs-shell";
          targetPkgs =
            pkgs: with pkgs; [
              gcc
              libGL
              zlib
              (python311.withPackages (p: [ p.pip p.virtualenv ]))
            ];
          profile = ''
            export PIP_DISABLE_PIP_VERSION_CHECK=1
          '';
          runScript = "bash";
        };
      in
      {
        devShells = {
          default = fhsenv.env;
        };
      }
    );
}
