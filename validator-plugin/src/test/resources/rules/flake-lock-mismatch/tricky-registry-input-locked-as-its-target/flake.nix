{
  description = "No inputs block: nixpkgs comes from the registry";

  outputs = { self, nixpkgs }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      devShells.${system}.default = pkgs.mkShell {
        venvDir = ".venv";
        packages = [ pkgs.python312 pkgs.python312Packages.venvShellHook pkgs.uv ];
        UV_PYTHON_DOWNLOADS = "never";
      };
    };
}
