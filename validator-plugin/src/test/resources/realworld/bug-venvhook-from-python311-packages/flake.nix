{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        devShells.default = pkgs.mkShell {
          name = "pdf-extract";
          venvDir = "./.venv";
          buildInputs = [
            pkgs.python312
          ] ++ (with pkgs.python311Packages; [
            venvShellHook
            pip
            wheel
          ]);
          postVenvCreation = ''
            pip install -r requirements.txt
          '';
        };
      });
}
