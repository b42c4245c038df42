{
  description = "inputs come from a file of their own";

  # Computed: the helper may well be declared in there.
  inputs = import ./nix/inputs.nix;

  outputs = { self, nixpkgs, hf-nix }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.uv ];
      };
    };
}
