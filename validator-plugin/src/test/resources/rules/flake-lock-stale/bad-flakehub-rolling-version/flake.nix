{
  description = "Training shell whose nixpkgs comes from FlakeHub's rolling version";

  inputs.nixpkgs.url = "https://flakehub.com/f/NixOS/nixpkgs/0.1";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell { packages = [ pkgs.python312 pkgs.uv ]; };
    };
}
