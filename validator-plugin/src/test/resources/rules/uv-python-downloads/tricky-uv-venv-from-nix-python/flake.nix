{
  description = "uv makes the venv from the Nix interpreter, then keeps using it";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      devShells.${system} = {
        default = pkgs.mkShell {
          packages = [ pkgs.uv pkgs.python312 ];
          shellHook = ''
            if [ ! -d .venv ]; then
              uv venv --python ${pkgs.python312}/bin/python3
            fi
            source .venv/bin/activate
          '';
        };
        # the same with `uv venv` alone: uv picks (or downloads) the interpreter itself
        plain = pkgs.mkShell {
          packages = [ pkgs.uv pkgs.python312 ];
          shellHook = ''
            uv venv
            source .venv/bin/activate
          '';
        };
      };
    };
}
