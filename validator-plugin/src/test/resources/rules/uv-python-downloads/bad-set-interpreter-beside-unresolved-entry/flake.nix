{
  description = "Nix's Python (as its package set's python) and uv, beside a tool from another flake";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    toolbox.url = "github:example-org/toolbox";
  };

  outputs = { self, nixpkgs, toolbox }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
      pp = pkgs.python312Packages;
    in
    {
      devShells.${system}.default = pkgs.mkShell {
        packages = [
          pp.python
          pkgs.uv
          toolbox.packages.${system}.default
        ];
      };
    };
}
