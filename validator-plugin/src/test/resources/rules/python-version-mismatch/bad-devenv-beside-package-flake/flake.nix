{
  description = "The application as a package; its development shell is devenv's";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    { nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (
      system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.default = pkgs.python312Packages.buildPythonApplication {
          pname = "annotator";
          version = "0.3.0";
          pyproject = true;
          src = ./.;
          build-system = [ pkgs.python312Packages.hatchling ];
        };
      }
    );
}
