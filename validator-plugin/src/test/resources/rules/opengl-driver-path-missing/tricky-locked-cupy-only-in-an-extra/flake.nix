{
  description = "Python ML development shell (LD_LIBRARY_PATH layout)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    {
      self,
      nixpkgs,
      flake-utils,
      ...
    }:
    flake-utils.lib.eachSystem [ "x86_64-linux" ] (
      system:
      let
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
          config.cudaSupport = true;
        };

        LD_pkgs =
          (with pkgs; [
            stdenv.cc.cc
            zlib
          ])
          ++ pkgs.lib.optionals pkgs.stdenv.isLinux (
            with pkgs;
            [
            ]
          );

        python_with_pkgs = pkgs.python311.withPackages (pp: [ ]);

        shell_packages = with pkgs; [
          python311Packages.venvShellHook
          uv
        ];
      in
      {
        devShells = {
          default = pkgs.mkShell {
            NIX_LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath LD_pkgs;
            packages = [ python_with_pkgs ] ++ shell_packages ++ LD_pkgs;
            venvDir = ".venv";
            UV_PYTHON_DOWNLOADS = "never";
            # uv sync installs the project without its cuda extra: cupy is not installed
            shellHook = ''
              export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH''${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
              runHook venvShellHook
              uv sync
            '';
          };
        };
      }
    );
}
