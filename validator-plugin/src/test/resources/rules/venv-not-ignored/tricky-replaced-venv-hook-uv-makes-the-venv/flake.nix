{
  description = "venvShellHook listed, but the own shellHook replaces it and makes the venv with uv";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      python = pkgs.python312;
      venv = ".venv";
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        venvDir = venv;
        packages = [ python python.pkgs.venvShellHook pkgs.uv ];
        shellHook = ''
          DIR="${venv}"
          if [ ! -d "$DIR" ]; then
            ${pkgs.uv}/bin/uv venv -p ${python}/bin/python3.12 "$DIR"
          fi
          source "$DIR/bin/activate"
        '';
      };
    };
}
