{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    systems.url = "github:nix-systems/default";
  };

  outputs = { self, nixpkgs, systems }:
    let
      forEachSystem = f: nixpkgs.lib.genAttrs (import systems) (system: f nixpkgs.legacyPackages.${system});
    in
    {
      devShells = forEachSystem (pkgs: {
        default = pkgs.mkShell {
          nativeBuildInputs = [ pkgs.python312 pkgs.uv pkgs.pre-commit ];
          UV_PYTHON = "${pkgs.python312}/bin/python";
          shellHook = ''
            if [ ! -d .venv ]; then
              uv venv --python "$UV_PYTHON" .venv
            fi
            . .venv/bin/activate
          '';
        };
      });
    };
}
