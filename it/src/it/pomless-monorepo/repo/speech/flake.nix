{
  description = "Speech models in an FHS environment";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs { inherit system; };
      fhs = pkgs.buildFHSEnv {
        name = "speech-shell";
        targetPkgs = pkgs: with pkgs; [
          gcc
          zlib
          uv
          python311
          bash
        ];
        profile = ''
          export UV_PYTHON_DOWNLOADS=never
          if [ ! -d .venv ]; then
            python -m venv .venv
          fi
          source .venv/bin/activate
        '';
        runScript = "bash";
      };
    in
    {
      devShells.${system}.default = fhs.env;
    };
}
