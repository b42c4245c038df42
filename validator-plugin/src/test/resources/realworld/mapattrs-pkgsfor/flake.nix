{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;
      systems = [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ];
      pkgsFor = lib.genAttrs systems (system: import nixpkgs { inherit system; });
    in
    {
      devShells = lib.mapAttrs (system: pkgs: {
        default = pkgs.mkShell {
          venvDir = "./.venv";
          buildInputs = [
            pkgs.python312Packages.python
            pkgs.python312Packages.venvShellHook
            pkgs.uv
          ];
          UV_PYTHON_DOWNLOADS = "never";
          postVenvCreation = ''
            uv pip install -r requirements-dev.txt
          '';
        };
      }) pkgsFor;
    };
}
