{
  description = "A shell that takes another one's inputs, named without its system";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.11";

  outputs =
    { self, nixpkgs }:
    let
      forEachSystem = f: nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-darwin" ]
        (system: f nixpkgs.legacyPackages.${system});
    in
    {
      devShells = forEachSystem (pkgs: {
        tools = pkgs.mkShell { packages = [ pkgs.ruff ]; };
        # devShells is keyed by system first: `self.devShells.tools` has no attribute `tools`
        default = pkgs.mkShell { inputsFrom = [ self.devShells.tools ]; packages = [ pkgs.python312 ]; };
      });
    };
}
