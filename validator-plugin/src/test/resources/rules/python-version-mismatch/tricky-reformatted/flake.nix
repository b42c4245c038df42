{
  description = "Python ML development shell (LD_LIBRARY_PATH layout)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    nixpkgs_master.url = "github:NixOS/nixpkgs/master";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    {
      self,
      nixpkgs,
      flake-utils,
      ...
    }@inputs:
    flake-utils.lib.eachDefaultSystem (
      system:
      let
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
          config.cudaSupport = true;
        };

        mpkgs = import inputs.nixpkgs_master {
          inherit system;
          config.allowUnfree = true;
          config.cudaSupport = true;
        };

        # The custom list of nix packages that should be available at runtime
        LD_pkgs =
          (with pkgs; [
            stdenv.cc.cc # useful for compiling C/C++ code
            glib # core application building blocks for libraries written in C
            libGL # required for matplotlib
            zlib
          ])
          ++ pkgs.lib.optionals pkgs.stdenv.isLinux (
            with pkgs;
            [
              cudatoolkit # required for GPU libraries
            ]
          );

        python_with_pkgs =
          pkgs
            .python313
            .withPackages
            (pp: [ ]);

        shell_packages = with pkgs; [
          python313Packages.venvShellHook
          mpkgs.uv
        ];
      in
      {
        devShells = {
          default = pkgs.mkShell {
            NIX_LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath LD_pkgs;
            packages = [ python_with_pkgs ] ++ shell_packages ++ LD_pkgs;
            venvDir = ".venv";
            UV_PYTHON_DOWNLOADS = "never";
            shellHook = ''
              export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH:/run/opengl-driver/lib:$LD_LIBRARY_PATH
              runHook venvShellHook
            '';
          };
        };
      }
    );
}
