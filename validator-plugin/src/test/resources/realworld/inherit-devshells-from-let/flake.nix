{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    let
      perSystem = flake-utils.lib.eachDefaultSystem (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
          python = pkgs.python311;
        in
        {
          packages.default = python.pkgs.buildPythonApplication {
            pname = "mdlint";
            version = "0.1.0";
            src = ./.;
            pyproject = true;
            build-system = [ python.pkgs.hatchling ];
          };
          devShells.default = pkgs.mkShell {
            venvDir = ".venv";
            packages = [ python python.pkgs.venvShellHook pkgs.uv ];
            UV_PYTHON_DOWNLOADS = "never";
          };
        });
    in
    {
      inherit (perSystem) devShells packages;
      overlays.default = final: prev: { mdlint = self.packages.${prev.system}.default; };
    };
}
