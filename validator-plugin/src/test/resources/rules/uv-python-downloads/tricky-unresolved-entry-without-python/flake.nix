{
  description = "uv next to a tool from another flake, which may or may not be an interpreter";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    toolbox.url = "github:example-org/toolbox";
  };

  outputs = { self, nixpkgs, toolbox }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      devShells.${system}.default = pkgs.mkShell {
        # uv provisions the interpreter from pyproject.toml, or toolbox brings one: the model cannot tell
        packages = [
          pkgs.uv
          toolbox.packages.${system}.default
        ];
      };
    };
}
