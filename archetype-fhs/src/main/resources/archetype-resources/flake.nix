@@nixml:generated@@
#set( $py = "python" + $pythonVersion.replace('.', '') )
{
  description = @@nix:projectDescription@@;

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/@@raw:nixpkgsBranch@@";
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
#if( $cuda == "true" )
          config.cudaSupport = true;
#end
        };

        mpkgs = import inputs.nixpkgs_master {
          inherit system;
          config.allowUnfree = true;
#if( $cuda == "true" )
          config.cudaSupport = true;
#end
        };

        #[[### FHS ENVIRONMENT DEFINITION]]#
        fhsenv = pkgs.buildFHSEnv {
          name = "${package}-fhs";
          targetPkgs =
            pkgs:
            (with pkgs; [
              # ADD NEEDED PACKAGES HERE: they appear under /usr of the environment
              gcc
              libGL
              libz
              mpkgs.uv
              ${py}
              ${shell} # the runScript: the host may not have it
            ])
            ++ pkgs.lib.optionals pkgs.stdenv.isLinux (
              with pkgs;
              [
                # ADD PACKAGES HERE IF ONLY REQUIRED BY LINUX
#if( $cuda == "true" )
                cudatoolkit # CUDA runtime for GPU libraries
#end
              ]
            );
          # Sourced by bash before runScript starts: the venv it activates is inherited by any shell.
          profile = ''
            # wheels (venv creation, uv, pip) refuse the 1980 timestamp nix sets for reproducible builds
            unset SOURCE_DATE_EPOCH
            # uv must use the FHS interpreter: never download one, never pick one outside the environment
            export UV_PYTHON_DOWNLOADS=never
            export UV_PYTHON_PREFERENCE=only-system
#if( $cuda == "true" )
            # /run/opengl-driver/lib holds the host's NVIDIA driver libraries on NixOS
            export LD_LIBRARY_PATH=/run/opengl-driver/lib#[[''${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}]]#
#end
#[[            export VENVDIR=.venv
            if [[ -d "$VENVDIR" ]]; then
              printf "%s\n" "Skipping venv creation, '$VENVDIR' already exists"
              source "$VENVDIR/bin/activate"
            else
              printf "%s\n" "Creating new venv environment in path: '$VENVDIR'"
              python -m venv "$VENVDIR"
              source "$VENVDIR/bin/activate"
            fi]]#
          '';
          runScript = "${shell}";
        };
      in
      {
        devShells = {
          default = fhsenv.env;
        };
        # nix run: enter the same environment without a dev shell.
        packages.default = fhsenv;
        apps.default = {
          type = "app";
          program = "#[[${fhsenv}]]#/bin/${package}-fhs";
        };
      }
    );
}
