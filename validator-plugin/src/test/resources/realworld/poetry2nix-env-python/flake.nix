{
  description = "churn-model: poetry project with a Nix dev shell";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
    poetry2nix = {
      url = "github:nix-community/poetry2nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, flake-utils, poetry2nix }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
        inherit (poetry2nix.lib.mkPoetry2Nix { inherit pkgs; }) mkPoetryEnv;
        # the project's locked dependencies, on the interpreter the team pins in .python-version
        churnEnv = mkPoetryEnv {
          projectDir = ./.;
          python = pkgs.python312;
          preferWheels = true;
        };
      in
      {
        devShells.default = pkgs.mkShell {
          packages = [ churnEnv pkgs.poetry ];
          shellHook = ''
            export PYTHONPATH="$PWD/src''${PYTHONPATH:+:$PYTHONPATH}"
          '';
        };
      });
}
