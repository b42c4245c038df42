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
          config.cudaSupport = true;
        };

        mpkgs = import inputs.nixpkgs_master {
          inherit system;
          config.allowUnfree = true;
          config.cudaSupport = true;
        };

        ### FHS ENVIRONMENT DEFINITION
        fhsenv = pkgs.buildFHSEnv {
          name = "speech_lab-fhs";
          targetPkgs =
            pkgs:
            (with pkgs; [
              # ADD NEEDED PACKAGES HERE: they appear under /usr of the environment
              gcc
              libGL
              libz
              mpkgs.uv
              python311
              bash # the runScript: the host may not have it
            ])
            ++ pkgs.lib.optionals pkgs.stdenv.isLinux (
              with pkgs;
              [
                # ADD PACKAGES HERE IF ONLY REQUIRED BY LINUX
                cudatoolkit # CUDA runtime for GPU libraries
              ]
            );
          # Sourced by bash before runScript starts: the venv it activates is inherited by any shell.
          profile = ''
            # wheels (venv creation, uv, pip) refuse the 1980 timestamp nix sets for reproducible builds
            unset SOURCE_DATE_EPOCH
            # uv must use the FHS interpreter: never download one, never pick one outside the environment
            export UV_PYTHON_DOWNLOADS=never
            export UV_PYTHON_PREFERENCE=only-system
            # /run/opengl-driver/lib holds the host's NVIDIA driver libraries on NixOS
            export LD_LIBRARY_PATH=/run/opengl-driver/lib''${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
            export VENVDIR=.venv
            if [[ -d "$VENVDIR" ]]; then
              printf "%s\n" "Skipping venv creation, '$VENVDIR' already exists"
              source "$VENVDIR/bin/activate"
            else
              printf "%s\n" "Creating new venv environment in path: '$VENVDIR'"
              python -m venv "$VENVDIR"
              source "$VENVDIR/bin/activate"
            fi
          '';
          runScript = "bash";
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
          program = "${fhsenv}/bin/speech_lab-fhs";
        };
      }
    );
}
