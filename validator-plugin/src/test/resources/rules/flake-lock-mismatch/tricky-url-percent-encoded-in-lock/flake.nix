{
  description = "fixture";

  # a version wildcard: Nix writes the `*` of the URL as `%2A` in the lock's `original`; the same URL
  inputs.nixpkgs.url = "https://flakehub.com/f/NixOS/nixpkgs/0.2605.*.tar.gz";

  outputs =
    { self, nixpkgs }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs { inherit system; };
    in
    {
      devShells.${system}.default = pkgs.mkShell { packages = [ pkgs.python312 ]; };
    };
}
