{
  description = "A hand-written flake: the interpreter is also handed to a function in another file";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs =
    { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      tools = import ./tools.nix { python = pkgs.python311; };
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [
          pkgs.python311
          tools
        ];
      };
    };
}
