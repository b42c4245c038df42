{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
        pythonPackages = ps: with ps; [
          numpy
          pandas
          statsmodels
          seaborn
          pytest
        ];
        python = pkgs.python312.withPackages pythonPackages;
      in
      {
        devShells.default = pkgs.mkShellNoCC {
          packages = [ python pkgs.quarto ];
        };
      });
}
