{
  description = "odd indentation, a comment after the packages line, with-scoped shell";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
  inputs.flake-utils.url = "github:numtide/flake-utils";
  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let pkgs = import nixpkgs { inherit system; };
      in {
        devShells.default = with pkgs; mkShell {
           packages = [
             python312
             python312Packages.venvShellHook # the hook that makes .venv
             uv
           ]; # everything the shell needs
           venvDir = ".venv";
           UV_PYTHON_DOWNLOADS = "never";
           shellHook = ''
             export LD_LIBRARY_PATH=/run/opengl-driver/lib:$LD_LIBRARY_PATH
             runHook venvShellHook
           '';
        };
      });
}
