{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.uv ];
        # the venv is the user's to make (`uv venv`); entered when it is there
        shellHook = ''
          if [[ -d .venv/ ]]; then
            source .venv/bin/activate
          fi
        '';
      };
    };
}
