{
  description = "A Python machine-learning project with a reproducible Nix dev shell.";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    # uv moves fast: it comes from nixpkgs master.
    nixpkgs_master.url = "github:NixOS/nixpkgs/master";
    systems.url = "github:nix-systems/default";
    flake-utils.url = "github:numtide/flake-utils";
    flake-utils.inputs.systems.follows = "systems";
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
        };

        mpkgs = import inputs.nixpkgs_master {
          inherit system;
          config.allowUnfree = true;
        };

        # 1. Runtime libraries: put on LD_LIBRARY_PATH so that wheels installed by uv find them.
        LD_pkgs =
          (with pkgs; [
            # ADD NEEDED PACKAGES HERE
            stdenv.cc.cc # libstdc++, needed by most binary wheels
            zlib # compression, needed by numpy and friends
            glib # core application building blocks for libraries written in C
            libGL # graphical rendering, e.g. required by matplotlib and opencv
          ])
          ++ pkgs.lib.optionals pkgs.stdenv.isLinux (
            with pkgs;
            [
              # ADD PACKAGES HERE IF ONLY REQUIRED BY LINUX
            ]
          );

        # 2. Python packages from nix, only for those uv cannot make work.
        python_with_pkgs = pkgs.python312.withPackages (
          pp: with pp; [
            # ADD PYTHON PKGS HERE THAT YOU NEED FROM NIX REPOS
          ]
        );

        # 3. Nix packages that are not runtime libraries. The venv hook comes from the interpreter's own set.
        shell_packages = (
          with pkgs;
          [
            # ADD NIX PACKAGES NOT REQUIRED IN LD_LIBRARY_PATH
            python312Packages.venvShellHook
            mpkgs.uv
          ]
        );
      in
      {
        devShells = {
          default = pkgs.mkShell {
            # The custom library path, exported by shellHook for this shell only.
            NIX_LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath LD_pkgs;
            packages = [ python_with_pkgs ] ++ shell_packages ++ LD_pkgs;
            venvDir = ".venv";
            shellHook = ''
              # wheels (venv creation, uv, pip) refuse the 1980 timestamp nix sets for reproducible builds
              unset SOURCE_DATE_EPOCH
              # uv must use the nix interpreter: never download one, never pick one outside the shell
              export UV_PYTHON_DOWNLOADS=never
              export UV_PYTHON_PREFERENCE=only-system
              export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH''${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
              runHook venvShellHook
            '';
          };
        };
      }
    );
}
