{
  description = "forAllSystems style dev shells";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs =
    { self, nixpkgs }:
    let
      systems = [
        "x86_64-linux"
        "aarch64-darwin"
      ];
      forAllSystems =
        f:
        nixpkgs.lib.genAttrs systems (
          system:
          f (
            import nixpkgs {
              inherit system;
              config.allowUnfree = true;
              config.cudaSupport = true;
            }
          )
        );
    in
    {
      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell {
          NIX_LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath (
            [ pkgs.stdenv.cc.cc ] ++ pkgs.lib.optionals pkgs.stdenv.isLinux [ pkgs.cudatoolkit ]
          );
          packages = [
            pkgs.python311
            pkgs.python311Packages.venvShellHook
            pkgs.uv
          ];
          venvDir = ".venv";
          UV_PYTHON_DOWNLOADS = "never";
          shellHook = ''
            export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH:/run/opengl-driver/lib:$LD_LIBRARY_PATH
            runHook venvShellHook
          '';
        };
      });
    };
}
